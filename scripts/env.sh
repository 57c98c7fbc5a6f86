# Sourced by the other scripts: where the tools live and how the WASM side is built.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT

# Tools built by scripts/setup (cargo-leptos, wasm-bindgen) live outside the clone so that a
# fresh clone on the same machine finds them; delete the folder to rebuild them.
ALARMIS_TOOLS="${ALARMIS_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/alarmis/tools}"
export ALARMIS_TOOLS

# Order matters: our tools first; npm's binaryen wasm-opt before Debian's older one (108
# breaks the bundle at run time); Debian's Rust 1.96 (/usr/bin), which can build std for
# wasm32, before rustup's (~/.cargo/bin), which cannot.
export PATH="$ALARMIS_TOOLS/bin:$REPO_ROOT/end2end/node_modules/.bin:/usr/bin:/bin:$PATH"

# Debian's rustc is a stable compiler; -Z build-std (in Cargo.toml's lib-cargo-args) needs this.
export RUSTC_BOOTSTRAP=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

log() { printf '\n== %s\n' "$*"; }

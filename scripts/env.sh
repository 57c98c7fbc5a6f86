# Sourced by the other scripts: where the tools live, how the WASM side is built, and how each
# stage tells what it does and how long it took.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT

# Tools built by scripts/setup (wasm-bindgen, and cargo-nextest where the machine lacks it) live
# outside the clone so that a fresh clone on the same machine finds them; delete the folder to
# rebuild them.
ALARMIS_TOOLS="${ALARMIS_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/alarmis/tools}"
export ALARMIS_TOOLS

# Order matters: our tools first; npm's binaryen wasm-opt before Debian's older one (108
# breaks the bundle at run time); Debian's Rust 1.96 (/usr/bin), which can build std for
# wasm32, before rustup's (~/.cargo/bin), which cannot.
export PATH="$ALARMIS_TOOLS/bin:$REPO_ROOT/end2end/node_modules/.bin:/usr/bin:/bin:$PATH"

# Debian's rustc is a stable compiler; -Z build-std (scripts/build-site) needs this.
export RUSTC_BOOTSTRAP=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

log() { printf '\n== %s\n' "$*"; }

# stage "what it does": closes the previous stage with its duration and opens this one, so a
# person can follow a long run and see where its time goes. stage_end closes the last one.
_stage_name=""
_stage_start=0
stage_end() {
  if [ -n "$_stage_name" ]; then
    printf -- '-- %s: %d s\n' "$_stage_name" "$(( $(date +%s) - _stage_start ))"
  fi
  _stage_name=""
}
stage() {
  stage_end
  _stage_name="$1"
  _stage_start=$(date +%s)
  log "$1"
}

# The Cargo build folder (CARGO_TARGET_DIR when set: CI keeps it outside the clone).
target_dir() {
  cargo metadata --format-version 1 --no-deps \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))'
}

# Clippy lints the portal's own crates while they compile for real: its driver wraps rustc for
# the workspace's members (what `cargo clippy` itself does, over `cargo check`), so each
# dependency is compiled once, for the build, and not once more for a separate lint pass. A
# warning fails the build, in the browser bundle as on the server. Every script that builds
# the portal sets the same two variables, so their builds share every artifact.
lint_while_building() {
  RUSTC_WORKSPACE_WRAPPER="$(command -v clippy-driver)"
  export RUSTC_WORKSPACE_WRAPPER
  export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
}

# start_site_build LOG [PREFIX...]: scripts/build-site in the background (PREFIX, such as
# `nice -n 5`, before it), its output in LOG; wait_for_site waits for it, shows its stage
# times, and stops the caller with the whole log if it failed.
start_site_build() {
  _site_log="$1"
  shift
  log "Browser bundle: compiling in the background (scripts/build-site; log: $_site_log)"
  "$@" "$REPO_ROOT/scripts/build-site" >"$_site_log" 2>&1 &
  _site_pid=$!
  trap 'kill "$_site_pid" 2>/dev/null || true' EXIT
}
wait_for_site() {
  if ! wait "$_site_pid"; then
    cat "$_site_log"
    echo "the browser bundle did not build (above)" >&2
    exit 1
  fi
  trap - EXIT
  grep -E '^(-- |site: )' "$_site_log"
}

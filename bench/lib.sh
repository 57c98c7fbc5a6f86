# Sourced by the bench scripts: the release build, a portal on a free loopback port, wrk rows,
# a process's memory. Every figure these print comes from wrk (Debian's package) on loopback.
# shellcheck shell=bash
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$REPO_ROOT"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
duration="${DURATION:-10s}"
target_dir="$(target_dir)"
# The portal as shipped: release server, release bundle through wasm-opt. CARGO_TARGET_DIR is
# honoured (scripts and CI keep the build in ~/.cache/alarmis/target).
[ -x "$target_dir/release/server" ] && [ -f target/site/pkg/alarmis.wasm ] || "$REPO_ROOT/scripts/build"
work="$(mktemp -d "${TMPDIR:-/tmp}/alarmis-bench.XXXXXX")"
portals=()
trap 'for p in "${portals[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

# PostgreSQL for the rows that compare engines: the tests' server (scripts/setup starts one).
pg_admin="${ALARMIS_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres}"
postgres_answers() { command -v psql >/dev/null && psql "$pg_admin" -Atc 'SELECT 1' >/dev/null 2>&1; }
# A new, empty PostgreSQL database for one run; prints its URL.
fresh_postgres() {
  psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
  echo "${pg_admin%/*}/$1"
}

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# start_portal NAME [DATABASE_URL]: the release server with the built-in provider on a data
# folder of its own; sets $base and $portal_pid. SQLite in the data folder unless a URL is given.
start_portal() {
  local name="$1" database="${2:-}" port
  port="$(free_port)"
  base="http://127.0.0.1:$port"
  # The limits protect people from guessing and flooding; a benchmark is one person doing
  # the same thing thousands of times, on purpose.
  env ALARMIS_BIND_ADDR="127.0.0.1:$port" ALARMIS_PUBLIC_URL="$base" ALARMIS_DATA_DIR="$work/$name" \
    ${database:+DATABASE_URL="$database"} ALARMIS_DEV_IDP=on ALARMIS_AGENT_SUBJECTS=dev-agent-claude-muller \
    ALARMIS_LIMIT_UPLOADS=1000000 \
    ALARMIS_LIMIT_SIGN_INS=1000000 LEPTOS_SITE_ROOT="$work/site" LEPTOS_ENV=PROD RUST_LOG=warn \
    "$target_dir/release/server" &
  portal_pid=$!
  portals+=("$portal_pid")
  for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null && return; sleep 0.1; done
  echo "the portal $name did not start" >&2
  return 1
}
# The site folder the portals serve: the build's, plus the same-size static files rows add.
cp -r target/site "$work/site"

# wrk_row LABEL CONNECTIONS URL [wrk options]: one table row, from wrk's own latency
# distribution; wrk counts statuses of 400 and more as errors, and the row shows them.
wrk_row() {
  local label="$1" conns="$2" url="$3" threads out rps p50 p99 errors
  shift 3
  threads=$(( conns < 2 ? 1 : 2 ))
  out="$(wrk -t"$threads" -c"$conns" -d"$duration" --latency -H 'Accept-Language: fr' "$@" "$url")"
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/' <<<"$out" | tr -s ' ' | paste -sd';')
  printf '%-40s %5s %12s %9s %9s %s\n' "$label" "$conns" "$rps" "$p50" "$p99" "$errors"
}
table_header() { printf '%-40s %5s %12s %9s %9s\n' "what" "conns" "requests/s" "p50" "p99"; }

# The resident memory of a process, in MiB: now (VmRSS) or its peak so far (VmHWM).
rss_mib() { awk -v key="${2:-VmRSS}:" '$1 == key { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

machine() { echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(date -u +%Y-%m-%dT%H:%MZ)"; }

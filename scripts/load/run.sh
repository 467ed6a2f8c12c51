#!/usr/bin/env bash
# Sustained birth reports per second through the HTTP API (issue 12): a
# server process ("load serve": registry/httpapi on a fresh SQLite file, or
# on PostgreSQL with ADMINDUK_TEST_POSTGRES set, 8 partner keys, per-key rate
# limit lifted) and a load-generator process on loopback, for each store:
#   1. open loop at the issue's target, 300 reports/s, 30 s;
#   2. closed loop, 8 clients, 30 s: the ceiling.
# Prints reports/s, p50/p95/p99 latency and the answers by status.
#
#   bash scripts/load/run.sh [RATE] [SECONDS]      (defaults 300 and 30)
#
# Profile the server under load: add --cpuprofile FILE (or --pprof
# 127.0.0.1:6060) to the "serve" line, then go tool pprof.
set -euo pipefail
cd "$(dirname "$0")/../.."
rate=${1:-300}
secs=${2:-30}
work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
go build -o "$work/load" ./scripts/load
measure() { # name, serve flags...
  local name=$1; shift
  local data="$work/$name"
  "$work/load" serve --data "$data" "$@" >"$work/$name.out" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do grep -q "pid $server" "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  echo "== $name: open loop, $rate/s"
  "$work/load" run --creds "$data/load-credentials.json" -rate "$rate" -d "${secs}s" -prefix "open-$name"
  echo "== $name: closed loop, 8 clients"
  "$work/load" run --creds "$data/load-credentials.json" -c 8 -d "${secs}s" -prefix "closed-$name"
  kill "$server"; wait "$server" 2>/dev/null || true; server=
}
measure sqlite
if [ -n "${ADMINDUK_TEST_POSTGRES:-}" ]; then
  measure postgres --postgres "$ADMINDUK_TEST_POSTGRES"
else
  echo "== postgres: skipped (set ADMINDUK_TEST_POSTGRES to a PostgreSQL URL)"
fi

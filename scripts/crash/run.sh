#!/usr/bin/env bash
# Crash safety of the SQLite registry store (issue 11): a child process
# submits, verifies and registers births against one SQLite file, printing
# each action once its transaction has returned; it is killed with SIGKILL at
# a random moment, RUNS times, and after each kill the store is reopened and
# checked: every acknowledged action exists exactly once, no report is stored
# twice, NIK and akta numbers are unique and their committed serials have no
# gaps (scripts/crash/main.go, "check").
#
#   bash scripts/crash/run.sh [RUNS]      (default 6)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-6}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/crash" ./scripts/crash
db="$work/registry.db"
for run in $(seq 1 "$runs"); do
  "$work/crash" work --db "$db" --run "$run" >"$work/acks.$run" 2>"$work/err.$run" &
  pid=$!
  # 0.4 to 2.0 s: mid-way through some transaction.
  sleep "$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.2f", 0.4 + rand() * 1.6 }')"
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null && { echo "run $run: the worker ended by itself:"; cat "$work/err.$run"; exit 1; } || true
  if [ -s "$work/err.$run" ]; then echo "run $run: the worker failed:"; cat "$work/err.$run"; exit 1; fi
  echo "run $run: killed pid $pid with SIGKILL after $(wc -l <"$work/acks.$run") acknowledged actions; last: $(tail -n 1 "$work/acks.$run")"
  "$work/crash" check --db "$db" "$work"/acks.*
done
echo "crash: $runs SIGKILLs, store reopened and checked after each: OK"

#!/usr/bin/env bash
# Kill -9 of the HTTP API under load (issue 12): a minimal server ("load
# serve": the registry's HTTP API on a SQLite file, with the webhook worker
# delivering to a local receiver) runs as a child process while the load
# generator submits birth reports with 16 concurrent clients, writing
# "ack ID EXTERNAL_REF" for every 201 once its answer is read. The server is
# killed with SIGKILL at a random moment, RUNS times, and restarted on the
# same file; after each restart "load check" proves that every acknowledged
# report is stored exactly once (in the partner's list and found by its
# external_ref) and that no external_ref is stored twice. At the end it waits
# until every report of the partner with the webhook endpoint has had its
# message delivered: events committed with a report whose delivery the kill
# interrupted are delivered by the restarted worker.
#
#   bash scripts/killload/run.sh [RUNS]      (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
go build -o "$work/load" ./scripts/load
data="$work/data"
mkdir -p "$data"
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
hookaddr="127.0.0.1:$(port)"
"$work/load" receive --addr "$hookaddr" --out "$work/hooks" --creds "$data/load-credentials.json" >"$work/receiver.out" 2>&1 &
pids+=($!)
srvaddr="127.0.0.1:$(port)"
start_server() {
  "$work/load" serve --data "$data" --addr "$srvaddr" --partners 4 --webhook "http://$hookaddr/hook" >>"$work/server.out" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do
    grep -q "pid $server" "$work/server.out" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "the server did not start:"; cat "$work/server.out"; exit 1
}
for run in $(seq 1 "$runs"); do
  start_server
  "$work/load" run --creds "$data/load-credentials.json" -c 16 -d 30s -warmup 0s -prefix "kill$run" \
    --acks "$work/acks.$run" >"$work/load.$run" 2>&1 &
  loader=$!
  # 1.0 to 4.0 s into the load: mid-way through some request.
  sleep "$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.2f", 1.0 + rand() * 3.0 }')"
  kill -KILL "$server"
  wait "$server" 2>/dev/null || true
  kill -TERM "$loader" 2>/dev/null || true
  wait "$loader" 2>/dev/null || true
  echo "run $run: killed the server (pid $server) with SIGKILL after $(wc -l <"$work/acks.$run") acknowledged reports"
  start_server
  "$work/load" check --creds "$data/load-credentials.json" "$work"/acks.*
  kill -TERM "$server"
  wait "$server" 2>/dev/null || true
done
start_server
pids+=("$server")
"$work/load" check --creds "$data/load-credentials.json" --webhooks "$work/hooks" --wait 120s "$work"/acks.*
echo "killload: $runs SIGKILLs under load, every acknowledged report stored exactly once, every webhook delivered: OK"

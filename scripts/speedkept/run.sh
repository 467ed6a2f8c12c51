#!/usr/bin/env bash
# Speed kept: the same benchmarks of a base commit and of the working tree,
# built once each and run alternately on one pinned core, so that the load
# of a shared machine falls on both sides alike. Prints every run; compare
# the best of each side.
#
#   bash scripts/speedkept/run.sh BASE [ROUNDS]
#
# e.g. bash scripts/speedkept/run.sh badf854 5
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${1:?usage: run.sh BASE [ROUNDS]}
rounds=${2:-3}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base"

pkgs=(adminduk kia/render akta/render coverage)
for p in "${pkgs[@]}"; do
  t=$(echo "$p" | tr / -)
  (cd "$work/base" && go test -c -o "$work/base-$t.test" "./$p")
  go test -c -o "$work/head-$t.test" "./$p"
done
bench() { # pkg pattern benchtime
  local t; t=$(echo "$1" | tr / -)
  for _ in $(seq "$rounds"); do
    for side in base head; do
      local dir=$1
      [ "$side" = base ] && dir=$work/base/$1
      (cd "$dir" && GOMAXPROCS=1 taskset -c 0 "$work/$side-$t.test" -test.run '^$' -test.bench "$2" \
        -test.benchtime "$3" -test.benchmem -test.cpu 1 | grep '^Benchmark' | sed "s/^/$side /")
    done
  done
}
bench adminduk 'ParseNIK$' 3000000x
bench kia/render 'SignQR$|BatchPDF$' 5x
bench akta/render 'BirthPDF|DeathPDF|FamilyPDF' 300x
bench coverage 'ReadCSV' 10x

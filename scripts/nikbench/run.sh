#!/usr/bin/env bash
# Compares `adminduk nik validate` with npm nik-parser@1.0.1 on the same
# generated file of 1,000,000 NIKs, whole process against whole process, in
# one run (hyperfine, warm page cache). Needs Go, Node.js, npm (registry
# access for nik-parser) and hyperfine (apt-get install hyperfine).
#
#   bash scripts/nikbench/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go run ./scripts/nikbench/gen -n "$n" -seed 1 > "$work/niks.txt"
go build -o "$work/adminduk" ./cmd/adminduk
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund nik-parser@1.0.1 >/dev/null 2>&1)
cp scripts/nikbench/nik-parser.js "$work/"

echo "file: $n NIKs, $(wc -c < "$work/niks.txt") bytes; $(nproc) cores"
echo "adminduk:   $("$work/adminduk" nik validate "$work/niks.txt" 2>&1 >/dev/null | tail -n 1)"
echo "nik-parser: $(node "$work/nik-parser.js" "$work/niks.txt" 2>&1)"
echo "(nik-parser accepts 31 February and serial 0000 and rejects retired and new region codes, so its count differs)"
hyperfine -N --warmup 2 --runs 10 -i --export-json "$work/result.json" \
  -n adminduk "$work/adminduk nik validate $work/niks.txt" \
  -n nik-parser "node $work/nik-parser.js $work/niks.txt"
node -e '
  const r = require(process.argv[1]).results;
  const [a, j] = r.map(x => x.mean);
  const n = Number(process.argv[2]);
  console.log(`adminduk ${(a*1e3).toFixed(1)} ms (${(n/a/1e6).toFixed(1)} M NIKs/s), nik-parser ${(j*1e3).toFixed(0)} ms (${(n/j/1e6).toFixed(2)} M NIKs/s): adminduk ${(j/a).toFixed(1)}x faster`);
' "$work/result.json" "$n"

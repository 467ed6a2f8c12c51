#!/usr/bin/env bash
# Compares the time to produce one Kutipan Akta Kelahiran PDF: the Go
# renderer (akta/render, gopdf) against the same document as HTML printed by
# headless Chromium (--print-to-pdf), one Chromium process per document as a
# server that shells out to it would run. Target: Go at least 20x faster.
#
# When hyperfine is installed, also the whole process on a batch: the
# `adminduk akta render` CLI reading BATCH records as JSON Lines (decoding,
# checking, signing, drawing on all cores, writing one PDF) against Chromium
# printing the same BATCH pages from one HTML file, side by side in one
# hyperfine run.
#
#   scripts/chromium-akta/run.sh [CHROMIUM_DOCS] [GO_DOCS] [BATCH] [BATCH_RUNS]
#
# Needs chromium (apt-get install -y chromium). Writes only to a temporary
# directory, which it removes.
set -euo pipefail
cd "$(dirname "$0")/../.."
chromium_docs=${1:-10}
go_docs=${2:-300}
batch=${3:-1000}
batch_runs=${4:-3}
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$chrome" ]; then
  echo "chromium not found: apt-get install -y chromium" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/helper" ./scripts/chromium-akta
"$work/helper" -genkey "$work/key.pem"
"$work/helper" -key "$work/key.pem" -in akta/testdata/birth.json -html "$work/akta.html"
mkdir -p "$work/go" "$work/chromium"

# Go: one core, PDFs written to files; wall clock and CPU time per document.
read -r go_ms go_cpu_ms < <(GOMAXPROCS=1 "$work/helper" -key "$work/key.pem" -in akta/testdata/birth.json -n "$go_docs" -dir "$work/go")

# Chromium: a fresh headless process per document.
start=$(date +%s%N)
for i in $(seq 1 "$chromium_docs"); do
  profile=$(mktemp -d)
  "$chrome" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" \
    --no-pdf-header-footer --print-to-pdf="$work/chromium/$i.pdf" "file://$work/akta.html" >/dev/null 2>&1
  rm -rf "$profile"
  test -s "$work/chromium/$i.pdf"
done
end=$(date +%s%N)
chromium_ms=$(awk -v s="$start" -v e="$end" -v n="$chromium_docs" 'BEGIN { printf "%.1f", (e - s) / n / 1e6 }')

if command -v pdftotext >/dev/null; then # both hold the date in words
  for f in "$work/chromium/1.pdf" "$work/go/go-0000.pdf"; do
    pdftotext "$f" - | tr -s ' \n' '  ' | grep -q "DUA PULUH LIMA AGUSTUS DUA RIBU DUA PULUH TIGA" ||
      { echo "$f: no date in words" >&2; exit 1; }
  done
fi
printf 'akta kelahiran, one document:\n'
printf '  Go (akta/render, gopdf, 1 core):  %8.3f ms  (CPU %.3f ms; %d documents; %s bytes)\n' "$go_ms" "$go_cpu_ms" "$go_docs" "$(stat -c %s "$work/go/go-0000.pdf")"
printf '  headless Chromium --print-to-pdf: %8.1f ms  (%d documents; %s bytes)\n' "$chromium_ms" "$chromium_docs" "$(stat -c %s "$work/chromium/1.pdf")"
awk -v g="$go_ms" -v c="$chromium_ms" 'BEGIN { r = c / g; printf "  Go is %.0fx faster (target: 20x) %s\n", r, (r >= 20 ? "OK" : "BELOW TARGET") }'

if command -v hyperfine >/dev/null && [ "$batch" -gt 0 ]; then
  go build -o "$work/adminduk" ./cmd/adminduk
  "$work/helper" -key "$work/key.pem" -in akta/testdata/birth.json -html "$work/batch.html" -pages "$batch" -jsonl "$work/batch.jsonl"
  printf '\nakta kelahiran, a batch of %d, whole process (hyperfine, %d runs each):\n' "$batch" "$batch_runs"
  hyperfine -N --runs "$batch_runs" --export-json "$work/batch.json" \
    -n adminduk "$work/adminduk akta render --key $work/key.pem --issuer ID-3604 --in $work/batch.jsonl --out $work/go-batch.pdf" \
    -n chromium "$chrome --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$work/profile --no-pdf-header-footer --print-to-pdf=$work/chromium-batch.pdf file://$work/batch.html" |
    grep -E 'Benchmark|Time|User'
  for f in "$work/go-batch.pdf" "$work/chromium-batch.pdf"; do
    printf '  %s: %s pages\n' "$(basename "$f")" "$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')"
  done
  awk 'BEGIN { RS = "\"mean\":" } NR > 1 { split($0, a, ","); m[NR - 1] = a[1] } END { r = m[2] / m[1]; printf "  adminduk is %.0fx faster per batch (target: 20x) %s\n", r, (r >= 20 ? "OK" : "BELOW TARGET") }' "$work/batch.json"
fi

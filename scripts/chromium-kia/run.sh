#!/usr/bin/env bash
# Compares the time to produce KIA cards as PDF: the Go renderer
# (kia/render, gopdf) against the same card as an HTML page printed by
# headless Chromium (--print-to-pdf), the route many government web apps
# take. Two comparisons, each in one run:
#   one card per document: Go renders one-card PDFs in a loop; Chromium is
#     started once per card, as a server shelling out to it would;
#   a batch: Go renders one PDF of BATCH cards; Chromium prints one HTML
#     page holding BATCH cards (one process for the whole batch).
#   the whole process on a batch (when hyperfine is installed): the
#     `adminduk kia render` CLI reading CLI_CARDS cards as JSON Lines
#     (reading, checking and decoding photos, signing, drawing, writing;
#     all cores) against Chromium printing the same cards from one HTML
#     page, both timed by hyperfine in one run, side by side.
# Target: Go at least 20x faster per card in each.
#
#   scripts/chromium-kia/run.sh [CHROMIUM_DOCS] [GO_DOCS] [BATCH] [CLI_CARDS] [CLI_RUNS]
#
# Needs chromium (apt-get install -y chromium); pdftotext (poppler-utils)
# is used, when present, to check both PDFs show the NIK. Writes only to a
# temporary directory, which it removes. Go renders one-card documents on
# one core (GOMAXPROCS=1) and batches on all (cards are prepared in
# parallel); Chromium uses what it likes.
set -euo pipefail
cd "$(dirname "$0")/../.."
chromium_docs=${1:-10}
go_docs=${2:-300}
batch=${3:-200}
cli_cards=${4:-1000}
cli_runs=${5:-5}
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$chrome" ]; then
  echo "chromium not found: apt-get install -y chromium" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
card=kia/testdata/child.json # a card with photo, the larger kind

go build -o "$work/adminduk" ./cmd/adminduk
go build -o "$work/helper" ./scripts/chromium-kia
"$work/adminduk" keygen --issuer ID-6208 --out "$work/key.pem" >/dev/null
"$work/helper" -key "$work/key.pem" -in "$card" -html "$work/card.html"
"$work/helper" -key "$work/key.pem" -in "$card" -html "$work/batch.html" -cards "$batch"
mkdir -p "$work/go" "$work/chromium"

print_pdf() { # html pdf
  local profile
  profile=$(mktemp -d)
  "$chrome" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" \
    --no-pdf-header-footer --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
  rm -rf "$profile"
  test -s "$2"
}
now_ns() { date +%s%N; }

# One card per document.
read -r go_ms go_cpu_ms < <(GOMAXPROCS=1 "$work/helper" -key "$work/key.pem" -in "$card" -n "$go_docs" -dir "$work/go")
start=$(now_ns)
for i in $(seq 1 "$chromium_docs"); do
  print_pdf "$work/card.html" "$work/chromium/$i.pdf"
done
end=$(now_ns)
chromium_ms=$(awk -v s="$start" -v e="$end" -v n="$chromium_docs" 'BEGIN { printf "%.1f", (e - s) / n / 1e6 }')

# A batch.
read -r gob_ms gob_cpu_ms < <("$work/helper" -key "$work/key.pem" -in "$card" -batch "$batch" -dir "$work/go")
start=$(now_ns)
print_pdf "$work/batch.html" "$work/chromium/batch.pdf"
end=$(now_ns)
chromiumb_ms=$(awk -v s="$start" -v e="$end" -v n="$batch" 'BEGIN { printf "%.2f", (e - s) / n / 1e6 }')

if command -v pdftotext >/dev/null; then # both show the NIK as text
  for f in "$work/chromium/1.pdf" "$work/go/go-0000.pdf" "$work/chromium/batch.pdf" "$work/go/go-batch.pdf"; do
    pdftotext "$f" "$f.txt" 2>/dev/null
    grep -q "620801070515000" "$f.txt" || { echo "$f: no NIK" >&2; exit 1; }
  done
fi
pages() { if command -v pdfinfo >/dev/null; then pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; else echo "?"; fi; }
printf 'KIA card with photo (%s), front and back:\n' "$card"
printf ' one card per document:\n'
printf '  Go (kia/render, gopdf, 1 core):   %9.3f ms/card (CPU %.3f ms; %d documents; %s bytes)\n' "$go_ms" "$go_cpu_ms" "$go_docs" "$(stat -c %s "$work/go/go-0000.pdf")"
printf '  headless Chromium --print-to-pdf: %9.1f ms/card (%d documents, a process each; %s bytes)\n' "$chromium_ms" "$chromium_docs" "$(stat -c %s "$work/chromium/1.pdf")"
awk -v g="$go_ms" -v c="$chromium_ms" 'BEGIN { r = c / g; printf "  Go is %.0fx faster (target: 20x) %s\n", r, (r >= 20 ? "OK" : "BELOW TARGET") }'
printf ' a batch of %d cards in one document:\n' "$batch"
printf '  Go (kia/render, gopdf, %d cores):  %9.3f ms/card (CPU %.3f ms; %s pages, %s bytes)\n' "$(nproc)" "$gob_ms" "$gob_cpu_ms" "$(pages "$work/go/go-batch.pdf")" "$(stat -c %s "$work/go/go-batch.pdf")"
printf '  headless Chromium --print-to-pdf: %9.2f ms/card (one process; %s pages, %s bytes)\n' "$chromiumb_ms" "$(pages "$work/chromium/batch.pdf")" "$(stat -c %s "$work/chromium/batch.pdf")"
awk -v g="$gob_ms" -v c="$chromiumb_ms" 'BEGIN { r = c / g; printf "  Go is %.0fx faster (target: 20x) %s\n", r, (r >= 20 ? "OK" : "BELOW TARGET") }'

# The whole process on a batch, side by side.
if ! command -v hyperfine >/dev/null; then
  echo "hyperfine not found: the whole-process comparison is skipped (apt-get install -y hyperfine)" >&2
  exit 0
fi
"$work/helper" -key "$work/key.pem" -in "$card" -jsonl "$work/cli.jsonl" -cards "$cli_cards"
"$work/helper" -key "$work/key.pem" -in "$card" -html "$work/cli.html" -cards "$cli_cards"
cli_go="'$work/adminduk' kia render --key '$work/key.pem' --in '$work/cli.jsonl' --out '$work/go/cli.pdf'"
cli_chromium="profile=\$(mktemp -d); '$chrome' --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=\$profile --no-pdf-header-footer --print-to-pdf='$work/chromium/cli.pdf' 'file://$work/cli.html' >/dev/null 2>&1; rm -rf \$profile; test -s '$work/chromium/cli.pdf'"
# Chromium takes minutes on a large batch: fewer runs of it.
hyperfine --style basic --warmup 1 --runs "$cli_runs" --export-json "$work/go.json" -n "adminduk kia render ($cli_cards cards)" "$cli_go"
hyperfine --style basic --runs 1 --export-json "$work/chromium.json" -n "chromium --print-to-pdf ($cli_cards cards)" "$cli_chromium"
mean() { sed -n 's/.*"mean": *\([0-9.e+-]*\).*/\1/p' "$1" | head -1; }
cpu() { awk -F: '/"user"|"system"/ { gsub(/[ ,]/, "", $2); s += $2 } END { print s }' "$1"; }
go_s=$(mean "$work/go.json")
chromium_s=$(mean "$work/chromium.json")
printf ' the whole process, %d cards (JSON Lines in, one PDF out), hyperfine:\n' "$cli_cards"
printf '  adminduk kia render (%d cores):    %9.3f s wall (%d runs; user+sys %.3f s; %s bytes)\n' "$(nproc)" "$go_s" "$cli_runs" "$(cpu "$work/go.json")" "$(stat -c %s "$work/go/cli.pdf")"
printf '  headless Chromium --print-to-pdf: %9.3f s wall (1 run; user+sys %.3f s; %s bytes)\n' "$chromium_s" "$(cpu "$work/chromium.json")" "$(stat -c %s "$work/chromium/cli.pdf")"
awk -v g="$go_s" -v c="$chromium_s" 'BEGIN { r = c / g; printf "  Go is %.0fx faster (target: 20x) %s\n", r, (r >= 20 ? "OK" : "BELOW TARGET") }'

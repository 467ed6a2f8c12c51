#!/usr/bin/env bash
# Measures what the region data adds to a program that only validates NIKs:
# binary size and start-up time against a baseline that does the same work
# without adminduk, and the packages it links (no validator, PDF or QR code).
# Needs Go and hyperfine (apt-get install hyperfine).
#
#   bash scripts/footprint/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -trimpath -o "$work/nik" ./scripts/footprint/nik
go build -trimpath -o "$work/baseline" ./scripts/footprint/baseline
nik=$(stat -c %s "$work/nik")
base=$(stat -c %s "$work/baseline")
echo "binary: nik $nik bytes, baseline $base bytes, added $(( (nik - base) / 1024 )) KiB"
heavy=$(go list -deps ./scripts/footprint/nik | grep -E 'validator|gopdf|qrcode|gozxing|cbor|cose|progressbar|wilayah/desa' || true)
echo "heavy packages linked: ${heavy:-none}"
echo "package init time of the nik program (GODEBUG=inittrace=1):"
GODEBUG=inittrace=1 "$work/nik" 3201014512230001 2>&1 >/dev/null | grep -E 'adminduk' || echo "  adminduk packages: no init work"
hyperfine -N --warmup 5 --runs 200 \
  -n baseline "$work/baseline 3201014512230001" \
  -n nik "$work/nik 3201014512230001"

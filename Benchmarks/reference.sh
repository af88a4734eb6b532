#!/usr/bin/env bash
# Measures the release `docket` binary next to reference tools on the same input, in one run:
#   doc add of a 1 GiB file vs sha256sum (time and peak RSS), and OpenSSL's own ECDSA P-256 speed.
# Usage: bash Benchmarks/reference.sh [runs]   (medians of `runs`, default 5)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
swift build -c release --product docket --package-path "$root" >/dev/null 2>&1
docket="$root/.build/release/docket"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -c $((1 << 30)) /dev/urandom >"$work/big.bin"
export DOCKET_DATA_DIR="$work/data" DOCKET_USER=admin
"$docket" init >/dev/null

source "$root/Benchmarks/measure.sh"

echo "1 GiB file, $runs runs each, $(nproc) cores"
measure "sha256sum" sha256sum "$work/big.bin"
measure "openssl dgst -sha256" openssl dgst -sha256 "$work/big.bin"
measure "docket doc add" "$docket" doc add "$work/big.bin"
echo
echo "OpenSSL's C implementation of ECDSA P-256 (openssl speed, 3 s each):"
openssl speed -seconds 3 ecdsap256 2>/dev/null | grep -E "sign/s|256 bits ecdsa"

#!/usr/bin/env bash
# Measures the release `docket` binary next to reference tools on the same input, in one run:
#   doc add of a 1 GiB file vs sha256sum (time and peak RSS), and OpenSSL's own ECDSA P-256 speed.
# Usage: bash Benchmarks/reference.sh [runs]   (medians of `runs`, default 5)
set -euo pipefail
source "$(dirname "$0")/measure.sh"
head -c $((1 << 30)) /dev/urandom >"$work/big.bin"
"$docket" init >/dev/null

echo "1 GiB file, $runs runs each, $(nproc) cores"
measure "sha256sum" sha256sum "$work/big.bin"
measure "openssl dgst -sha256" openssl dgst -sha256 "$work/big.bin"
measure "docket doc add" "$docket" doc add "$work/big.bin"
echo
echo "OpenSSL's C implementation of ECDSA P-256 (openssl speed, 3 s each):"
openssl speed -seconds 3 ecdsap256 2>/dev/null | grep -E "sign/s|256 bits ecdsa"

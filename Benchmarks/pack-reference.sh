#!/usr/bin/env bash
# An agenda pack of 200 documents totalling 1 GiB, measured in one run next to reference tools:
#   docket session pack   vs  zip -0 -r on the same files            (time, peak RSS)
#   docket pack verify    vs  sha256sum of the same files + one openssl cms -verify
# Usage: bash Benchmarks/pack-reference.sh [runs]   (medians of `runs`, default 5)
set -euo pipefail
source "$(dirname "$0")/measure.sh"
"$docket" init >/dev/null
"$docket" body create --name "Ban Chỉ đạo" --code BCĐCĐS --term 2020-2025 >/dev/null
session=$("$docket" session create --body BCĐCĐS --title "Hội nghị" --starts-at 2025-03-10T08:00+07:00 --json \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')

mkdir "$work/docs"
head -c $((1 << 30)) /dev/urandom >"$work/all.bin"
split -n 200 -d -a 3 --additional-suffix=.pdf "$work/all.bin" "$work/docs/doc-"
rm "$work/all.bin"
for item in $(seq 0 19); do
    args=()
    for file in $(ls "$work/docs" | sed -n "$((item * 10 + 1)),$((item * 10 + 10))p"); do
        args+=(--doc "$("$docket" doc add "$work/docs/$file" --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')")
    done
    "$docket" session item add "$session" --title "Mục $((item + 1))" "${args[@]}" >/dev/null
done
"$docket" keys export-ca -o "$work/root.pem"


echo "200 documents, $(du -sh "$work/docs" | cut -f1) in all, $runs runs each, $(nproc) cores"
measure "zip -0 -r (reference)" bash -c "cd '$work' && rm -f ref.zip && zip -0 -r -q ref.zip docs"
measure "docket session pack" bash -c "rm -f '$work/pack.zip' && '$docket' session pack $session -o '$work/pack.zip'"
unzip -q "$work/pack.zip" manifest.json manifest.json.p7s -d "$work/manifest"
measure "sha256sum + openssl cms -verify (reference)" \
    bash -c "sha256sum '$work'/docs/* && openssl cms -verify -binary -inform DER -in '$work/manifest/manifest.json.p7s' -content '$work/manifest/manifest.json' -CAfile '$work/root.pem' -purpose any -out /dev/null"
measure "docket pack verify" "$docket" pack verify "$work/pack.zip" --ca "$work/root.pem"

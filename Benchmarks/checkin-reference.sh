#!/usr/bin/env bash
# 2,000 delegates checking in at once over HTTP on loopback, against the release `docket serve`,
# from a client in its own process (Benchmarks/Sources/checkin-burst: one connection per delegate,
# every request sent at once). In the same run, as references, the same burst of GET /healthz (no
# token, no database) and of GET /api/v1/me (token check, no write), and wrk's throughput for both.
# Then sqlite3 checks that every delegate is present once with one check-in event each.
# Usage: [DELEGATES=N] bash Benchmarks/checkin-reference.sh [runs]   (medians of `runs` bursts, default 5;
# DELEGATES, default 2,000, is the size of each burst)
set -euo pipefail
source "$(dirname "$0")/measure.sh"
for product in seed-checkin checkin-burst; do
    swift build -c release --product $product --package-path "$root/Benchmarks" >/dev/null 2>&1
done
bin="$root/Benchmarks/.build/release"
delegates=${DELEGATES:-2000}
port=18080
read -r -a sessions <<<"$("$bin/seed-checkin" "$work/data" "$work/tokens" $delegates $((2 * runs)) | tr '\n' ' ')"
database=$(ls "$work"/data/*.sqlite)

"$docket" serve --port $port >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf http://127.0.0.1:$port/healthz >/dev/null; do sleep 0.2; done

burst() { "$bin/checkin-burst" $port "$work/tokens" "$@"; }
results="$work/results"
run() {
    local label=$1; shift
    local line
    line=$(burst "$@")
    echo "$label: $line"
    echo "$label|$line" >>"$results"
}
echo "$delegates delegates, $runs bursts each, $(nproc) cores"
for index in $(seq 0 $((runs - 1))); do
    run "GET /healthz (reference)" GET /healthz
    run "GET /api/v1/me (reference)" GET /api/v1/me
    run "POST check-in" POST "/api/v1/sessions/${sessions[$index]}/check-in"
    run "POST check-in, connecting in the burst" POST "/api/v1/sessions/${sessions[$((runs + index))]}/check-in" --connect-in-burst
done

echo "medians:"
cut -d'|' -f1 "$results" | sort -u | while read -r label; do
    grep -F "$label|" "$results" | sed -E 's/.*burst ([0-9.]+) ms  p50 ([0-9.]+) ms  p99 ([0-9.]+) ms.*/\1 \2 \3/' |
        sort -n -k3 | awk -v l="$label" '{ b[NR] = $1; p[NR] = $2; q[NR] = $3 }
            END { m = int((NR + 1) / 2); printf "  %-40s burst %6.0f ms  p50 %6.1f ms  p99 %6.1f ms\n", l, b[m], p[m], q[m] }'
done
echo "  docket serve peak RSS: $(awk '/VmHWM/ { printf "%.1f MiB", $2 / 1024 }' /proc/$server/status)"

token=$(head -1 "$work/tokens")
echo "wrk, 10 s, 2 threads, 200 connections (throughput reference):"
wrk -t2 -c200 -d10s http://127.0.0.1:$port/healthz | awk '/Requests\/sec/ { print "  GET /healthz      " $2 " requests/s" }'
wrk -t2 -c200 -d10s -H "Authorization: Bearer $token" http://127.0.0.1:$port/api/v1/me |
    awk '/Requests\/sec/ { print "  GET /api/v1/me    " $2 " requests/s" }'

present=$(sqlite3 "$database" "SELECT count(*) FROM participant WHERE status = 'present'")
events=$(sqlite3 "$database" "SELECT count(*) FROM auditEvent WHERE action = 'session.check-in'")
echo "present: $present, check-in events: $events (expected $((2 * runs * delegates)) each)"

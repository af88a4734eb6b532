#!/usr/bin/env bash
# Work records, measured in one run next to references on the same database file:
#  1. Search over ENTRIES register entries with seeded Vietnamese summaries: each query through
#     `docket serve` (GET /api/v1/search, curl) against the same FTS5 query in the `sqlite3`
#     command (`.timer on`, the query alone): medians and p99 over every query and run, and the
#     server's peak RSS.
#  2. Registering COUNT incoming documents with small files through the service, one after another
#     and 16 at a time (their commits grouped), against the same rows as plain INSERTs through
#     `sqlite3`, one transaction each, WAL with synchronous=NORMAL and FULL (Docket's setting).
# Usage: bash Benchmarks/records-reference.sh [runs] [entries] [count]   (default 5, 1000000, 10000;
# entries 0 measures registration alone)
# SEEDED=DIR reuses a data directory `seed-records entries DIR N` made before (search only).
set -euo pipefail
source "$(dirname "$0")/measure.sh"
entries=${2:-1000000}
count=${3:-10000}
swift build -c release --product seed-records --package-path "$root/Benchmarks" >/dev/null 2>&1
seed="$root/Benchmarks/.build/release/seed-records"
percentile() { sort -n | awk -v p="$1" '{ v[NR] = $1 } END { i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; print v[i] }'; }

# 1. Search.
if [ "$entries" -gt 0 ]; then
if [ -n "${SEEDED:-}" ]; then
    export DOCKET_DATA_DIR="$SEEDED"
    echo "$(sqlite3 "$SEEDED/docket.sqlite" 'SELECT count(*) FROM registerEntry') entries in $SEEDED; $(nproc) cores, $runs runs of each query"
else
    start=$(date +%s.%N)
    "$seed" entries "$work/data" "$entries" >/dev/null
    echo "seeded $entries entries in $(echo "$(date +%s.%N) - $start" | bc) s; $(nproc) cores, $runs runs of each query"
fi
database="$DOCKET_DATA_DIR/docket.sqlite"
port=18090
token=$("$docket" token create admin)
"$docket" serve --port $port >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf http://127.0.0.1:$port/healthz >/dev/null; do sleep 0.2; done
queries=("chuyen doi so" "chuyển đổi số" "dang" "đường" "\"chuyển đổi\"" "ngan sach dau tu" "tham nhung" "biên giới quốc phòng")
: >"$work/sqlite"; : >"$work/http"
for query in "${queries[@]}"; do
    # The folded FTS5 expression Docket sends, all terms required, best first, one page.
    fts=$(python3 -c '
import sys, unicodedata, re
q = sys.argv[1]
def fold(t):
    t = unicodedata.normalize("NFD", t.lower()).replace("đ", "d")
    return "".join(c for c in t if unicodedata.category(c) != "Mn")
parts = q.split("\"")
terms = []
for i, p in enumerate(parts):
    words = re.findall(r"\w+", p)
    if i % 2 == 0: terms += [[w] for w in words]
    elif words: terms.append(words)
print(" AND ".join("folded : \"" + " ".join(fold(w) for w in t) + "\"" for t in terms))' "$query")
    url="http://127.0.0.1:$port/api/v1/search?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")&limit=20"
    for _ in $(seq "$runs"); do
        printf '.timer on\nSELECT rowid FROM recordText WHERE recordText MATCH %s ORDER BY bm25(recordText) LIMIT 20;\n' "'$fts'" \
            | sqlite3 "$database" | awk '/Run Time/ { print $4 }' >>"$work/sqlite"
        curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url" >>"$work/http"
    done
    hits=$(curl -s -H "Authorization: Bearer $token" "$url" | python3 -c 'import json, sys; print(json.load(sys.stdin)["hits"]["total"])')
    printf '  %-28s %8s hits   sqlite3 %7.4f s   http %7.4f s (medians)\n' "$query" "$hits" \
        "$(tail -n "$runs" "$work/sqlite" | median)" "$(tail -n "$runs" "$work/http" | median)"
done
for name in sqlite http; do
    printf '%-6s median %7.4f s  p99 %7.4f s\n' "$name" "$(median <"$work/$name")" "$(percentile 99 <"$work/$name")"
done
echo "docket serve peak RSS: $(awk '/VmHWM/ { printf "%.1f MiB", $2 / 1024 }' /proc/$server/status)"
kill $server; wait $server 2>/dev/null || true
[ -n "${SEEDED:-}" ] && exit 0
fi

# 2. Registration.
rm -rf "$work/reg" "$work/files"; mkdir -p "$work/reg"
for clients in 1 16; do
    rm -rf "$work/reg"; mkdir -p "$work/reg"
    docket_seconds=$("$seed" register "$work/reg/data" "$count" $clients)
    printf '%-56s %7.2f s  %7.0f /s\n' "docket: $count registrations, $clients at a time" "$docket_seconds" \
        "$(echo "$count / $docket_seconds" | bc -l)"
done
empty="$work/empty"
"$seed" register "$empty/data" 1 >/dev/null
sqlite3 "$empty/data/docket.sqlite" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
for sync in NORMAL FULL; do
    db="$work/plain-$sync.sqlite"
    cp "$empty/data/docket.sqlite" "$db"
    {
        echo "PRAGMA journal_mode = WAL; PRAGMA synchronous = $sync;"
        for i in $(seq 2 $((count + 1))); do
            echo "INSERT INTO registerEntry (id, registerID, kind, series, number, year, symbol, type, summary, classification, urgency, registeredBy, registeredAt, recipients, coordinatingIDs, sender, senderSymbol, state) SELECT 'ent-$i', id, 'incoming', '2026', $i, 2026, '$i', 'CV', 'Công văn số $i', 'internal', 'normal', 'admin', '2026-01-01 00:00:00.000', '[]', '[]', 'Tỉnh ủy Hà Giang', '$i-CV/TU', 'registered' FROM register;"
        done
    } >"$work/inserts.sql"
    start=$(date +%s.%N)
    sqlite3 "$db" <"$work/inserts.sql" >/dev/null
    seconds=$(echo "$(date +%s.%N) - $start" | bc)
    printf '%-56s %7.2f s  %7.0f /s\n' "sqlite3: $count INSERTs, one transaction each, $sync" "$seconds" "$(echo "$count / $seconds" | bc -l)"
done

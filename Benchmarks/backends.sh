#!/usr/bin/env bash
# The same workloads on SQLite and on PostgreSQL, side by side in one run on one machine:
#  1. a timeliness report over 100,000 tasks (seed-tasks; moved to PostgreSQL with migrate-store);
#  2. a burst of DELEGATES check-ins at once (seed-checkin, checkin-burst), on one server per
#     backend, then on two `docket serve` processes sharing one PostgreSQL database (half the
#     delegates each, at the same time), counted afterwards by psql: none lost, none doubled;
#  3. registering COUNT incoming documents with small files, 16 at a time (seed-records register);
#  4. search over ENTRIES register entries (seed-records entries; moved with migrate-store), through
#     GET /api/v1/search on each backend's server.
# Usage: bash Benchmarks/backends.sh [runs] [entries] [count] [delegates]   (default 5, 1000000, 10000, 2000)
set -euo pipefail
source "$(dirname "$0")/measure.sh"
source "$(dirname "$0")/postgres.sh"
entries=${2:-1000000}
count=${3:-10000}
delegates=${4:-2000}
for product in seed-tasks seed-records seed-checkin checkin-burst; do
    swift build -c release --product $product --package-path "$root/Benchmarks" >/dev/null 2>&1
done
bin="$root/Benchmarks/.build/release"
servers=()
trap 'stop_servers; pg_stop; rm -rf "$work"' EXIT
serve() {  # serve PORT [DATABASE_URL]: starts docket serve on the data directory in $DOCKET_DATA_DIR
    env ${2:+DOCKET_DATABASE_URL=$2} "$docket" serve --port "$1" >"$work/serve-$1.log" 2>&1 &
    servers+=($!)
    until curl -sf "http://127.0.0.1:$1/healthz" >/dev/null; do sleep 0.2; done
}
stop_servers() {
    if ((${#servers[@]})); then kill "${servers[@]}" 2>/dev/null || true; wait "${servers[@]}" 2>/dev/null || true; fi
    servers=()
}
median_of() { tr ' ' '\n' | grep -v '^$' | median; }
echo "$(nproc) cores; PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') (fsync on), SQLite synchronous=FULL; $runs runs each"

# 1. Task report.
if [ "${SKIP_TASKS:-0}" = 0 ]; then
export DOCKET_DATA_DIR="$work/tasks"
"$bin/seed-tasks" "$DOCKET_DATA_DIR" >/dev/null
tasks_url=$(pg_database tasks)
start=$(date +%s.%N)
"$docket" migrate-store --from "sqlite:$DOCKET_DATA_DIR" --to "$tasks_url" >/dev/null
echo "migrate-store of $(sqlite3 "$DOCKET_DATA_DIR/docket.sqlite" 'SELECT count(*) FROM task') tasks: $(echo "$(date +%s.%N) - $start" | bc) s"
size_mib=1
measure "task report, SQLite" "$docket" task report --as-of 2025-09-30 --format json
measure "task report, PostgreSQL" env DOCKET_DATABASE_URL="$tasks_url" "$docket" task report --as-of 2025-09-30 --format json
cmp <("$docket" task report --as-of 2025-09-30 --format json) \
    <(DOCKET_DATABASE_URL="$tasks_url" "$docket" task report --as-of 2025-09-30 --format json) && echo "  both backends give the same report"
fi

# 2. Check-in burst.
checkin_url=$(pg_database checkin)
for backend in sqlite postgres; do
    export DOCKET_DATA_DIR="$work/checkin-$backend"
    url=$([ $backend = postgres ] && echo "$checkin_url" || echo "")
    read -r -a sessions <<<"$(env ${url:+DOCKET_DATABASE_URL=$url} "$bin/seed-checkin" "$DOCKET_DATA_DIR" "$work/tokens-$backend" "$delegates" $((runs + 1)) | tr '\n' ' ')"
    serve 18100 "$url"
    walls=(); p99s=()
    for index in $(seq 0 $((runs - 1))); do
        line=$("$bin/checkin-burst" 18100 "$work/tokens-$backend" POST "/api/v1/sessions/${sessions[$index]}/check-in")
        walls+=("$(echo "$line" | grep -o 'burst [0-9.]*' | awk '{print $2}')"); p99s+=("$(echo "$line" | grep -o 'p99 [0-9.]*' | awk '{print $2}')")
    done
    printf '%-44s burst median %s ms, p99 median %s ms  (last: %s)\n' "check-in burst of $delegates, $backend" \
        "$(echo "${walls[*]}" | median_of)" "$(echo "${p99s[*]}" | median_of)" "$line"
    stop_servers
done
# Two servers on one PostgreSQL database, half the delegates each, at once.
export DOCKET_DATA_DIR="$work/checkin-postgres"
last=${sessions[$runs]}
split -n l/2 -d "$work/tokens-postgres" "$work/half-"
serve 18101 "$checkin_url"; serve 18102 "$checkin_url"
"$bin/checkin-burst" 18101 "$work/half-00" POST "/api/v1/sessions/$last/check-in" >"$work/burst-a" &
a=$!
"$bin/checkin-burst" 18102 "$work/half-01" POST "/api/v1/sessions/$last/check-in" >"$work/burst-b"
wait $a
echo "two servers on one database: $(cat "$work/burst-a") | $(cat "$work/burst-b")"
echo "  psql: $(pg_sql checkin "SELECT count(*) FROM participant WHERE sessionid = '$last' AND status = 'present'") present of $delegates;" \
    "$(pg_sql checkin "SELECT count(*) || ' check-in events for ' || count(DISTINCT actor) || ' delegates' FROM auditevent WHERE action = 'session.check-in' AND subject = '$last'")"
"$docket" audit verify --as admin --database "$checkin_url" | sed 's/^/  /'
stop_servers

# 3. Registration, 16 at a time.
for backend in sqlite postgres; do
    rm -rf "$work/reg" "$work/files"; mkdir -p "$work/reg"
    url=$([ $backend = postgres ] && pg_database "reg$RANDOM" || echo "")
    seconds=$(env ${url:+DOCKET_DATABASE_URL=$url} "$bin/seed-records" register "$work/reg/data" "$count" 16)
    printf '%-44s %7.2f s  %7.0f /s\n' "register $count incoming, 16 at a time, $backend" "$seconds" "$(echo "$count / $seconds" | bc -l)"
done

# 4. Search.
[ "$entries" -gt 0 ] || exit 0
export DOCKET_DATA_DIR="$work/search"
start=$(date +%s.%N)
"$bin/seed-records" entries "$DOCKET_DATA_DIR" "$entries" >/dev/null
echo "seeded $entries entries on SQLite: $(echo "$(date +%s.%N) - $start" | bc) s"
token=$("$docket" token create admin)  # before the copy, so both backends know it
search_url=$(pg_database search)
start=$(date +%s.%N)
"$docket" migrate-store --from "sqlite:$DOCKET_DATA_DIR" --to "$search_url" >/dev/null
echo "migrate-store of them to PostgreSQL (index rebuilt): $(echo "$(date +%s.%N) - $start" | bc) s"
pg_sql search "VACUUM ANALYZE" >/dev/null
serve 18110; serve 18111 "$search_url"
queries=("chuyen doi so" "chuyển đổi số" "dang" "đường" "\"chuyển đổi\"" "ngan sach dau tu" "tham nhung" "biên giới quốc phòng")
: >"$work/all-18110"; : >"$work/all-18111"
for query in "${queries[@]}"; do
    q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")
    line="  $(printf '%-24s' "$query")"
    for port in 18110 18111; do
        : >"$work/times"
        for _ in $(seq "$runs"); do
            curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/search?q=$q&limit=20" | tee -a "$work/all-$port" >>"$work/times"
        done
        hits=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/search?q=$q&limit=20" | python3 -c 'import json, sys; print(json.load(sys.stdin)["hits"]["total"])')
        line+=$(printf '  %s: %7s hits %7.4f s' "$([ $port = 18110 ] && echo SQLite || echo PostgreSQL)" "$hits" "$(median <"$work/times")")
    done
    echo "$line"
done
printf 'search medians over all queries: SQLite %.4f s, PostgreSQL %.4f s\n' "$(median <"$work/all-18110")" "$(median <"$work/all-18111")"

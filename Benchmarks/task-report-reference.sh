#!/usr/bin/env bash
# A timeliness report over 100,000 tasks (10 plans, 50 agencies, ~300,000 history events), as of
# a date, measured in one run next to the same report written by hand in SQL for sqlite3:
#   docket task report --as-of D --format json   vs   sqlite3 docket.sqlite "<hand-written SQL>"
# Usage: bash Benchmarks/task-report-reference.sh [runs]   (medians of `runs`, default 5)
set -euo pipefail
source "$(dirname "$0")/measure.sh"
swift build -c release --product seed-tasks --package-path "$root/Benchmarks" >/dev/null 2>&1
"$root/Benchmarks/.build/release/seed-tasks" "$work/data" >/dev/null
database=$(ls "$work"/data/*.sqlite)
asof=2025-09-30

# The same classes as Docket's, from each task's latest status and extension in effect on the date.
sql="WITH standing AS (
  SELECT t.leadAgency AS agency,
    COALESCE((SELECT e.deadline FROM taskEvent e WHERE e.taskID = t.id AND e.kind = 'extension'
              AND e.effectiveOn <= '$asof' ORDER BY e.effectiveOn DESC, e.sequence DESC LIMIT 1),
             t.originalDeadline) AS deadline,
    (SELECT e.status || ' ' || e.effectiveOn FROM taskEvent e WHERE e.taskID = t.id AND e.kind = 'status'
     AND e.effectiveOn <= '$asof' ORDER BY e.effectiveOn DESC, e.sequence DESC LIMIT 1) AS st
  FROM task t WHERE t.assignedOn <= '$asof')
SELECT agency, count(*) AS total,
  sum(st LIKE 'completed %' AND substr(st, 11) <= deadline) AS onTime,
  sum(st LIKE 'completed %' AND substr(st, 11) > deadline) AS late,
  sum(st LIKE 'in-progress %' AND deadline >= '$asof') AS inProgress,
  sum((st LIKE 'assigned %' OR st LIKE 'in-progress %') AND deadline < '$asof') AS overdue,
  sum(st LIKE 'assigned %' AND deadline >= '$asof') AS notYetDue,
  sum(st LIKE 'cancelled %') AS cancelled
FROM standing GROUP BY agency ORDER BY agency;"

size_mib=1
echo "$(sqlite3 "$database" 'SELECT count(*) FROM task') tasks, $(sqlite3 "$database" 'SELECT count(*) FROM taskEvent') events, as of $asof, $runs runs each, $(nproc) cores"
measure "sqlite3, hand-written SQL (reference)" sqlite3 "$database" "$sql"
measure "docket task report --format json" "$docket" task report --as-of "$asof" --format json
measure "docket task report --plan 1-KH/TU" "$docket" task report --plan 1-KH/TU --as-of "$asof" --format json

# Both give the same counts.
diff <(sqlite3 -separator ' ' "$database" "$sql") \
    <("$docket" task report --as-of "$asof" --format json | python3 -c '
import json, sys
for row in json.load(sys.stdin)["rows"]:
    c = row["counts"]
    print(row["key"], c["total"], c["completedOnTime"], c["completedLate"], c["inProgress"], c["overdue"], c["notYetDue"], c["cancelled"])') \
    && echo "sqlite3 and docket agree on every row"

# Shared by the reference scripts, sourced first: builds the release `docket` ($docket), makes a
# scratch directory ($work, removed on exit) holding the data directory, and reads the number of
# runs from the script's first argument (default 5). Then `measure LABEL COMMAND...` runs COMMAND
# $runs times under /usr/bin/time and prints the median seconds, MiB/s for $size_mib MiB, and the
# median peak RSS.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
swift build -c release --product docket --package-path "$root" >/dev/null 2>&1
docket="$root/.build/release/docket"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOCKET_DATA_DIR="$work/data" DOCKET_USER=admin

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
measure() {
    local label=$1; shift
    local times=() rss=()
    for _ in $(seq "$runs"); do
        local out
        out=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null; } 2>&1 | tail -1)
        times+=("${out% *}"); rss+=("${out#* }")
    done
    local t r
    t=$(printf '%s\n' "${times[@]}" | median); r=$(printf '%s\n' "${rss[@]}" | median)
    awk -v l="$label" -v t="$t" -v r="$r" -v s="${size_mib:-1024}" \
        'BEGIN { printf "%-44s median %6.2f s  %7.1f MiB/s  peak RSS %6.1f MiB\n", l, t, s / t, r / 1024 }'
}

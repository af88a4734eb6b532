# Shared by the reference scripts: `measure LABEL COMMAND...` runs COMMAND $runs times under
# /usr/bin/time and prints the median seconds, MiB/s for $size_mib MiB, and the median peak RSS.
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

#!/usr/bin/env bash
# Times `pov import` (into an empty database, then again: every POV unchanged) and `pov export`
# of N generated POVs, RUNS times each, and prints the medians: wall and CPU seconds, POVs per
# second (of wall time) and peak memory.
#
#   bench/import_export.sh [N] [RUNS] [--lean]    (defaults: 100000 3)
#
# POV is the binary (default build/pov); WORK the folder for the documents and databases
# (default /tmp/pov-bench), which keeps the generated documents between runs.
set -euo pipefail

count=${1:-100000}
runs=${2:-3}
lean=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
pov=${POV:-$here/../build/pov}
work=${WORK:-/tmp/pov-bench}
mkdir -p "$work"
document="$work/povs-$count${lean:+-lean}.json"
if [[ ! -s $document ]]; then
    python3 "$here/generate_export.py" "$count" ${lean:+--lean} >"$document.tmp"
    mv "$document.tmp" "$document"
fi
db="$work/bench.db"
times="$work/times"

# The median of the numbers in a file, one a line.
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Runs the command RUNS times (`prepare` before each) and prints the medians.
measure() {
    local name=$1 prepare=$2
    shift 2
    : >"$times"
    for _ in $(seq "$runs"); do
        eval "$prepare"
        /usr/bin/time -a -o "$times" -f '%e %U %S %M' "$@" >/dev/null
    done
    local wall cpu rss
    wall=$(median <(awk '{ print $1 }' "$times"))
    cpu=$(median <(awk '{ print $2 + $3 }' "$times"))
    rss=$(median <(awk '{ print $4 }' "$times"))
    awk -v name="$name" -v count="$count" -v wall="$wall" -v cpu="$cpu" -v rss="$rss" 'BEGIN {
        printf "%-26s %7.2f s wall %7.2f s CPU %9.0f POVs/s %7.1f MiB\n",
            name, wall, cpu, count / (wall > 0 ? wall : 0.01), rss / 1024 }'
}

fresh() { rm -f "$db" "$db-wal" "$db-shm"; }

echo "pov: $("$pov" --version); $count POVs in $document ($(du -m "$document" | cut -f1) MB); $runs runs, medians"
measure "import (empty database)" fresh "$pov" --db "$db" --today 2026-12-01 import "$document"
measure "import again (unchanged)" : "$pov" --db "$db" --today 2026-12-01 import "$document"
measure "export" : "$pov" --db "$db" --today 2026-12-01 export --output "$work/export.json"

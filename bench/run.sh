#!/usr/bin/env bash
# Times pov against the floor (the sqlite3 CLI on pov's own database) and a peer (taskwarrior)
# on N generated POVs, for each N given (default: 1000 10000 100000), and prints a Markdown table
# of medians, peak memory and ratios. Needs hyperfine, sqlite3 and taskwarrior (`make bench-deps`).
#
#     bench/run.sh                 # 1,000, 10,000 and 100,000 POVs
#     RUNS=20 bench/run.sh 10000   # one size, more runs
#
# POV (default build/pov) is the binary measured; OUT (default /tmp/pov-bench) holds the data.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
POV=$(realpath "${POV:-$here/../build/pov}")
OUT=${OUT:-/tmp/pov-bench}
RUNS=${RUNS:-10}
TODAY=2026-12-01
sizes=("${@:-1000}")
[[ $# -gt 0 ]] || sizes=(1000 10000 100000)

for tool in hyperfine sqlite3 task /usr/bin/time python3; do
    command -v "$tool" >/dev/null || {
        echo "bench: $tool is missing (make bench-deps)" >&2
        exit 2
    }
done
[[ -x $POV ]] || {
    echo "bench: no pov binary at $POV (make build)" >&2
    exit 2
}

mkdir -p "$OUT"
results=$OUT/results.jsonl
: >"$results"

# measure LABEL N KIND COMMAND [PREPARE]: hyperfine's median and the peak memory of one run.
measure() {
    local label=$1 n=$2 kind=$3 command=$4 prepare=${5:-true}
    local json=$OUT/$n/$label.json
    hyperfine --shell=bash --style=none --warmup 1 --runs "$RUNS" --prepare "$prepare" \
        --export-json "$json" "$command" >/dev/null 2>&1 || {
        echo "bench: failed: $command" >&2
        return 1
    }
    bash -c "$prepare" >/dev/null 2>&1
    local peak
    /usr/bin/time -o "$OUT/$n/peak" -f '%M' bash -c "$command" >/dev/null 2>&1 || true
    peak=$(tail -1 "$OUT/$n/peak")
    python3 - "$json" "$label" "$n" "$kind" "$peak" >>"$results" <<'EOF'
import json, sys
path, label, n, kind, peak = sys.argv[1:]
run = json.load(open(path))["results"][0]
print(json.dumps({"label": label, "n": int(n), "kind": kind,
                  "median_ms": run["median"] * 1000, "peak_kb": int(peak)}))
EOF
}

for n in "${sizes[@]}"; do
    dir=$OUT/$n
    mkdir -p "$dir"
    db=$dir/pov.db
    doc=$dir/povs.json
    echo "bench: $n POVs: generating" >&2
    python3 "$here/generate_export.py" "$n" >"$doc"
    python3 "$here/generate_export.py" "$n" --lean >"$dir/lean.json"
    rm -f "$db" "$db"-*
    "$POV" --db "$db" --today "$TODAY" -q import "$doc" >/dev/null

    sa=$(sqlite3 "$db" "SELECT sa FROM povs GROUP BY sa ORDER BY count(*) DESC LIMIT 1")
    sa_q=$(printf '%q' "$sa")
    id=$(sqlite3 "$db" "SELECT id FROM povs WHERE status = 'in_progress' ORDER BY id LIMIT 1")
    id=${id:-1}
    pov="$POV --db $db --today $TODAY"
    # Writes go to a copy, so that every size measures the same data.
    cp "$db" "$dir/write.db"
    wpov="$POV --db $dir/write.db --today $TODAY"
    # The set-up's writes (the documents, the databases: a GB at 100,000) reach the disk before
    # anything is timed, not while it is.
    sync

    echo "bench: $n POVs: pov" >&2
    measure version "$n" pov "$POV --version"
    measure create "$n" pov "$wpov -q create 'Bench POV' --account Bench --sa $sa_q --start 2026-12-07 --end 2026-12-21"
    measure show "$n" pov "$pov show $id"
    measure set "$n" pov "$wpov -q set $id --next-steps \"call on \$RANDOM\""
    measure log "$n" pov "$wpov -q log $id 'weekly check-in'"
    measure list_json "$n" pov "$pov list --json"
    measure list_all_json "$n" pov "$pov list --all --json"
    measure list_sa "$n" pov "$pov list --sa $sa_q"
    measure list_all_sa "$n" pov "$pov list --all --sa $sa_q"
    measure report_week "$n" pov "$pov report --period week --json"
    measure report_all "$n" pov "$pov report --period all --json"
    # The forms people and spreadsheets read stream too: their peak memory is a goal as well.
    RUNS=$((RUNS < 3 ? RUNS : 3)) measure report_all_text "$n" pov "$pov report --period all"
    RUNS=$((RUNS < 3 ? RUNS : 3)) measure report_all_csv "$n" pov "$pov report --period all --format csv"
    measure export "$n" pov "$pov export"
    RUNS=$((RUNS < 3 ? RUNS : 3)) measure import "$n" pov "$POV --db $dir/import.db --today $TODAY -q import $doc" \
        "rm -f $dir/import.db $dir/import.db-*"
    RUNS=$((RUNS < 3 ? RUNS : 3)) measure import_lean "$n" pov "$POV --db $dir/import.db --today $TODAY -q import $dir/lean.json" \
        "rm -f $dir/import.db $dir/import.db-*"
    # The lean import's rows, for the floor to insert again.
    rm -f "$dir/lean.db" "$dir/lean.db"-*
    "$POV" --db "$dir/lean.db" --today "$TODAY" -q import "$dir/lean.json" >/dev/null

    echo "bench: $n POVs: sqlite3 (the floor)" >&2
    measure floor_insert "$n" floor "sqlite3 $dir/write.db \"INSERT INTO journal (pov_id, on_date, kind, text) VALUES ($id, '$TODAY', 'note', 'weekly check-in')\""
    measure floor_json_open "$n" floor "sqlite3 -json $db \"SELECT * FROM povs WHERE status IN ('new', 'qualified', 'in_progress')\""
    measure floor_json_all "$n" floor "sqlite3 -json $db 'SELECT * FROM povs'"
    measure floor_group_by "$n" floor "sqlite3 $db 'SELECT status, count(*) FROM povs GROUP BY status; SELECT sa, count(*) FROM povs GROUP BY sa; SELECT type, count(*) FROM povs GROUP BY type; SELECT solution, count(*) FROM povs GROUP BY solution; SELECT competitor, count(*) FROM povs GROUP BY competitor'"
    measure floor_count_sa "$n" floor "sqlite3 $db \"SELECT count(*) FROM povs WHERE sa = '$sa' AND status IN ('new', 'qualified', 'in_progress')\""
    measure floor_count_all_sa "$n" floor "sqlite3 $db \"SELECT count(*) FROM povs WHERE sa = '$sa'\""
    # SQLite inserting the lean import's rows into an empty database of pov's schema, one
    # transaction, table by table (WHERE keeps it from copying pages instead of inserting rows).
    copy="PRAGMA foreign_keys = ON; ATTACH '$dir/lean.db' AS src; BEGIN;"
    for table in povs capabilities extensions journal events; do
        key=pov_id
        [[ $table == povs ]] && key=id
        copy+=" INSERT INTO main.$table SELECT * FROM src.$table WHERE $key > 0;"
    done
    RUNS=$((RUNS < 3 ? RUNS : 3)) measure floor_import_lean "$n" floor "sqlite3 $dir/floor.db \"$copy COMMIT;\"" \
        "rm -f $dir/floor.db $dir/floor.db-*; $POV --db $dir/floor.db -q init >/dev/null"

    if ((n <= 10000)); then
        echo "bench: $n POVs: taskwarrior" >&2
        export TASKRC=$dir/taskrc TASKDATA=$dir/task
        rm -rf "$TASKDATA"
        mkdir -p "$TASKDATA"
        printf 'data.location=%s\nconfirmation=off\nverbose=nothing\n' "$TASKDATA" >"$TASKRC"
        python3 - "$n" >"$dir/tasks.json" <<'EOF'
import json, sys
n = int(sys.argv[1])
print(json.dumps([{"description": f"POV {i}", "project": f"sa{i % 40}", "status": "pending",
                   "entry": "20260101T000000Z", "uuid": f"00000000-0000-4000-8000-{i:012d}"}
                  for i in range(1, n + 1)]))
EOF
        task rc.hooks=off import "$dir/tasks.json" >/dev/null 2>&1
        measure task_add "$n" peer "task rc.hooks=off add 'Bench task' project:bench"
        measure task_export "$n" peer "task rc.hooks=off export"
        measure task_list_project "$n" peer "task rc.hooks=off project:sa1 list"
        measure task_annotate "$n" peer "task rc.hooks=off 1 annotate 'weekly check-in'"
        unset TASKRC TASKDATA
    fi
done

python3 "$here/summarize.py" "$results"

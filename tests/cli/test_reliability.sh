# Reliability under load, faults and hostile files (docs/reliability.md): writers and readers at
# once, a backup while others write, a kill in the middle of an import, a file-size limit, a
# read-only database, and records that break the text limits.
source "$(dirname "$0")/lib.sh"

WRITERS=4
WRITES=100

# ---- 4 writers × 100 changes (log, cap set, set) while readers run ------------------------------
id=$(started_pov "Shared load" Sam)
[[ $id == 1 ]] || fail "set-up: the started POV is $id, not 1"

# Every `set` writes owner and csm together: a reader that ever sees them differ saw half a change.
writer() {
  local w=$1 i
  for ((i = 0; i < WRITES; i++)); do
    case $((i % 3)) in
      0) "$POV_BIN" --db "$DB" -q log 1 "writer $w note $i" ;;
      1) "$POV_BIN" --db "$DB" -q cap set 1 1 --evidence "writer $w run $i" ;;
      2) "$POV_BIN" --db "$DB" -q set 1 --owner "Owner $w.$i" --csm "Owner $w.$i" ;;
    esac </dev/null >/dev/null 2>>"$WORK/writer.$w.err" || echo "$i" >>"$WORK/writer.$w.failed"
  done
}
reader() {
  while [[ ! -e $WORK/stop ]]; do
    "$POV_BIN" --db "$DB" show 1 --json </dev/null 2>>"$WORK/reader.err" |
      jq -e '(.owner == .csm) and ((.journal | length) >= 0)' >/dev/null || echo torn >>"$WORK/reader.bad"
    "$POV_BIN" --db "$DB" report --period all --json </dev/null 2>>"$WORK/reader.err" |
      jq -e '.counts.in_progress == 1' >/dev/null || echo report >>"$WORK/reader.bad"
  done
}
reader &
reader_pid=$!
pids=()
for ((w = 1; w <= WRITERS; w++)); do
  writer "$w" &
  pids+=("$!")
done
for pid in "${pids[@]}"; do wait "$pid"; done
touch "$WORK/stop"
wait "$reader_pid"

RC=0 OUT="" ERR="$(cat "$WORK"/writer.*.err 2>/dev/null)"
expect_eq "$(cat "$WORK"/writer.*.failed 2>/dev/null | wc -l)" 0 "every one of $((WRITERS * WRITES)) writes succeeded"
expect_eq "$ERR" "" "the writers printed nothing on stderr"
expect_eq "$(cat "$WORK"/reader.bad 2>/dev/null | sort | uniq -c | tr -s ' ')" "" \
  "no reader saw half a change or a broken report"
run show 1 --json
notes=$(((WRITES + 2) / 3 * WRITERS))
expect_jq '[.journal[] | select(.text | startswith("writer "))] | length' "$notes" "every note was kept"
expect_jq '[.journal[].text] | unique | length' "$notes" "no note was kept twice"
expect_json '.owner == .csm and (.owner | startswith("Owner "))' "the last set wrote owner and csm together"
run history 1 --json
expect_jq '[.[] | select(.kind == "logged")] | length' "$notes" "a logged event for every note"
run db check
expect_rc 0 "the database passes db check after the load"

# ---- an online backup while others write is a consistent database --------------------------------
rm -f "$WORK"/writer.*
(for ((i = 0; i < 60; i++)); do "$POV_BIN" --db "$DB" -q log 1 "during backup $i" </dev/null >/dev/null; done) &
busy=$!
for b in 1 2 3; do
  run db backup "$WORK/backup.$b.db"
  expect_rc 0 "backup $b while a writer writes"
  RC=0
  "$POV_BIN" --db "$WORK/backup.$b.db" db check >/dev/null 2>&1 || fail "backup $b fails db check"
  count=$("$POV_BIN" --db "$WORK/backup.$b.db" history 1 --json </dev/null | jq '[.[] | select(.kind == "logged")] | length')
  journal=$("$POV_BIN" --db "$WORK/backup.$b.db" show 1 --json </dev/null | jq '.journal | length')
  expect_eq "$count" "$journal" "backup $b holds as many notes as logged events (a whole transaction or none)"
  expect_eq "$(stat -c %a "$WORK/backup.$b.db")" 600 "backup $b is 0600"
done
wait "$busy"

# ---- killed in the middle of a large import: all of it or none -----------------------------------
python3 "$POV_SOURCE_DIR/bench/generate_export.py" 20000 --lean >"$WORK/big.json"
for attempt in 1 2 3; do
  kdb=$WORK/killed.$attempt.db
  "$POV_BIN" --db "$kdb" import "$WORK/big.json" </dev/null >/dev/null 2>&1 &
  pid=$!
  # Wait until the import is writing (its WAL has grown), then kill it a little later each time.
  for ((t = 0; t < 400; t++)); do
    [[ $(stat -c %s "$kdb-wal" 2>/dev/null || echo 0) -gt $((attempt * 400000)) ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  RC=0 OUT="" ERR=""
  "$POV_BIN" --db "$kdb" db check >/dev/null 2>&1 || fail "attempt $attempt: the killed import left a damaged database"
  povs=$("$POV_BIN" --db "$kdb" list --all --json </dev/null | jq length)
  [[ $povs == 0 || $povs == 20000 ]] || fail "attempt $attempt: the killed import left $povs of 20000 POVs"
  CHECKS=$((CHECKS + 2))
done

# ---- a file-size limit: exit 6, a message, the database as it was ----------------------------------
"$POV_BIN" --db "$DB" export >"$WORK/before.json" </dev/null
OUT=$(
  ulimit -f 1000
  "$POV_BIN" --db "$DB" import "$WORK/big.json" 2>"$WORK/stderr" </dev/null
)
RC=$?
ERR=$(cat "$WORK/stderr")
expect_rc 6 "an import past the file-size limit"
expect_err "cannot write database $DB" "the error names the database"
expect_err "ulimit -f" "the error names the likely cause"
"$POV_BIN" --db "$DB" export >"$WORK/after.json" </dev/null
expect_file_same "$WORK/before.json" "$WORK/after.json" "the database is as it was after the failed import"
run db check
expect_rc 0 "the database passes db check after the failed write"

# ---- a read-only database file: exit 6, nothing changed --------------------------------------------
# Root writes any file, so as root the write runs as nobody (setpriv); without setpriv it says
# it skipped.
if [[ $(id -u) == 0 ]] && ! command -v setpriv >/dev/null; then
  echo "SKIPPED: the read-only database case (root without setpriv)"
else
  ro=$WORK/ro
  mkdir -p "$ro"
  "$POV_BIN" --db "$ro/pov.db" -q create "Read only" --account Acme --sa Lee --start 2026-03-02 --end 2026-03-20 \
    </dev/null >/dev/null
  "$POV_BIN" --db "$ro/pov.db" db check >/dev/null 2>&1 # checkpoint: no WAL left behind
  chmod 0444 "$ro/pov.db"
  as_writer=()
  if [[ $(id -u) == 0 ]]; then
    chmod 0755 "$WORK"
    chown -R nobody "$ro"
    as_writer=(setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/nonexistent)
  fi
  chmod 0555 "$ro"
  sum=$(md5sum <"$ro/pov.db")
  OUT=$("${as_writer[@]}" "$POV_BIN" --db "$ro/pov.db" log 1 "cannot land" 2>"$WORK/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$WORK/stderr")
  expect_rc 6 "a write to a read-only database"
  expect_error_line "the read-only database error"
  expect_err "$ro/pov.db" "the error names the database"
  expect_eq "$(md5sum <"$ro/pov.db")" "$sum" "the read-only database is unchanged"
  chmod 0755 "$ro"
fi

# ---- hostile records in an import: nothing written, the record named ------------------------------
uuid=0b8f0a52-1111-4c1e-9a55-2c1e7c1f0001
hostile() { # hostile KEY JSON-VALUE: a one-POV document with KEY set to the value
  printf '{"schema":"pov/1","povs":[{"uuid":"%s","name":"X","account":"Acme","sa":"Lee","type":"guided","start":"2026-03-02","end":"2026-03-20","%s":%s}]}' \
    "$uuid" "$1" "$2"
}
hdb=$WORK/hostile.db
"$POV_BIN" --db "$hdb" -q create "Keep me" --account Acme --sa Lee --start 2026-03-02 --end 2026-03-20 </dev/null >/dev/null
before=$(cat "$hdb" "$hdb-wal" 2>/dev/null | md5sum)
python3 -c 'import json; print(json.dumps("N" * 2_000_000))' >"$WORK/huge.value"
hostile name "$(cat "$WORK/huge.value")" >"$WORK/huge.json"
hostile name '"Evil \u001b[31mRED"' >"$WORK/escape.json"
hostile pain '"line\n\u001b]0;title\u0007"' >"$WORK/osc.json"
hostile account '"Tab\there"' >"$WORK/tab.json"
for file in huge escape osc tab; do
  OUT=$("$POV_BIN" --db "$hdb" import "$WORK/$file.json" 2>"$WORK/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$WORK/stderr")
  expect_rc 3 "import of $file.json"
  expect_error_line "import of $file.json"
  expect_err "uuid $uuid" "import of $file.json names the record"
  expect_eq "$(cat "$hdb" "$hdb-wal" 2>/dev/null | md5sum)" "$before" "import of $file.json wrote nothing"
  [[ $ERR != *$'\e'* ]] || fail "import of $file.json: the error holds a raw escape"
  [[ $file != huge ]] || expect_err "at most 10000" "a 2 MB name is refused by the size limit"
done

# The same hostile text in a plan file.
printf 'name = "Evil \\u001b[31mRED"\naccount = "Acme"\nsa = "Lee"\n' >"$WORK/escape.toml"
OUT=$("$POV_BIN" --db "$hdb" create --from "$WORK/escape.toml" 2>"$WORK/stderr" </dev/null)
RC=$?
ERR=$(cat "$WORK/stderr")
expect_rc 3 "create --from a plan with an escape sequence in the name"
[[ $ERR != *$'\e'* ]] || fail "the plan error holds a raw escape"
expect_eq "$(cat "$hdb" "$hdb-wal" 2>/dev/null | md5sum)" "$before" "the hostile plan wrote nothing"

# ---- escape sequences that reached the database by other means are never shown raw -----------------
# (NO_COLOR is set, so any ESC on stdout would be the record's.)
edb=$WORK/escaped.db
"$POV_BIN" --db "$edb" -q create "Plain" --account Acme --sa Lee --start 2026-03-02 --end 2026-03-20 </dev/null >/dev/null
sqlite3 "$edb" "UPDATE povs SET name = 'Evil ' || char(27) || '[31mRED' || char(27) || ']0;t' || char(7),
  pain = 'p' || char(27) || '[2J', sa = 'Lee' || char(27) || '[1m' WHERE id = 1"
for command in "show 1" "list" "report --period all" "report --period all --format markdown"; do
  # shellcheck disable=SC2086 # the command's words
  OUT=$("$POV_BIN" --db "$edb" $command 2>&1 </dev/null)
  RC=$?
  expect_rc 0 "$command on a record holding escapes"
  [[ $OUT != *$'\e'* && $OUT != *$'\a'* ]] || fail "$command prints a raw escape sequence"
  [[ $command == report* ]] || expect_out 'Evil \x1b[31mRED' "$command shows the escape as text"
  if command -v script >/dev/null; then
    OUT=$(script -qec "$(printf '%q ' "$POV_BIN" --db "$edb" $command)" /dev/null </dev/null 2>&1)
    [[ $OUT != *$'\e'* && $OUT != *$'\a'* ]] || fail "$command on a terminal prints a raw escape sequence"
    CHECKS=$((CHECKS + 1))
  fi
done

finish

# What a hurried or hostile user, or a bad environment, does to pov: races on a new database,
# full disks, escape sequences in errors, a missing HOME, empty and damaged files.
source "$(dirname "$0")/lib.sh"

# ---- Two first uses of a new database at once: both succeed, nothing is lost ----
lost=0
for i in $(seq 1 10); do
  fresh=$WORK/race$i/pov.db
  "$POV_BIN" --db "$fresh" -q create "A$i" --account A --sa S </dev/null >/dev/null 2>"$WORK/a.err" &
  "$POV_BIN" --db "$fresh" -q create "B$i" --account B --sa S </dev/null >/dev/null 2>"$WORK/b.err"
  rc_b=$?
  wait $!
  rc_a=$?
  count=$("$POV_BIN" --db "$fresh" list --json </dev/null | jq length)
  [[ $rc_a == 0 && $rc_b == 0 && $count == 2 ]] || lost=$((lost + 1))
done
RC=0 OUT="" ERR=$(cat "$WORK/a.err" "$WORK/b.err")
expect_eq "$lost" 0 "two creates racing on a new database both land"

# ---- A failing command on a missing database leaves nothing, even beside a racing create ----
run_raw --db "$WORK/new/pov.db" create X --account A --sa S --stage 12
expect_fail 3 "a stage out of range"
expect_missing "$WORK/new" "a failed create creates no folder"
run_raw --db "$WORK/new/pov.db" log 1 "hello"
expect_fail 4 "log on a missing database"
expect_missing "$WORK/new" "a failed log creates no folder"

# ---- An empty file is an empty database: reads leave it as it is ----
: >"$WORK/empty.db"
run_raw --db "$WORK/empty.db" list --json
expect_rc 0 "list on an empty file"
expect_eq "$OUT" "[]" "an empty file lists nothing"
expect_eq "$(stat -c %s "$WORK/empty.db")" 0 "a read leaves an empty file empty"
expect_missing "$WORK/empty.db-wal" "a read adds no WAL beside an empty file"
run_raw --db "$WORK/empty.db" -q create "First" --account A --sa S
expect_rc 0 "create turns an empty file into a database"

# ---- Output that cannot be written fails with exit 6 (cron on a full disk) ----
pov create "Acme" --account "Acme Corp" --sa Sam --start 2026-03-02 --end 2026-03-30
for command in "report" "list --json" "show 1"; do
  "$POV_BIN" --db "$DB" $command >/dev/full 2>"$WORK/full.err" </dev/null
  RC=$? OUT="" ERR=$(cat "$WORK/full.err")
  expect_rc 6 "$command into a full disk"
  expect_error_line "$command into a full disk"
done

# ---- Errors never put raw escape sequences on the terminal ----
run show $'\e]0;pwned\a1'
expect_fail 2 "an id with an escape sequence"
CHECKS=$((CHECKS + 1)); [[ $ERR != *$'\e'* ]] || fail "the error line escapes ESC"
expect_err '\x1b' "the escape sequence is shown escaped"
run create x --account A --sa S --type $'\e[31mRED'
expect_fail 2 "an unknown type with an escape sequence"
CHECKS=$((CHECKS + 1)); [[ $ERR != *$'\e'* ]] || fail "a usage error escapes ESC"

# ---- --today and POV_TODAY are checked whatever the command ----
run --today 2026-13-01 db path
expect_fail 2 "a malformed --today on db path"
CHECKS=$((CHECKS + 1))
POV_TODAY=2026-02-30 "$POV_BIN" --db "$DB" list </dev/null >/dev/null 2>&1
[[ $? == 2 ]] || fail "a malformed POV_TODAY exits 2"

# ---- No HOME and no XDG variables: --db still works, the config is the defaults ----
CHECKS=$((CHECKS + 1))
env -i PATH=/usr/bin:/bin "$POV_BIN" --db "$DB" --today 2026-03-02 list --json >"$WORK/env.out" 2>"$WORK/env.err" </dev/null ||
  fail "list with an empty environment: $(cat "$WORK/env.err")"
CHECKS=$((CHECKS + 1)); [[ $(jq length "$WORK/env.out") == 1 ]] || fail "an empty environment reads the database"

# ---- A damaged database: db check reports the damage (exit 1), other commands exit 6 ----
for i in $(seq 1 40); do pov log 1 "$(printf 'note %.0s' $(seq 1 200))"; done
cp "$DB" "$WORK/damaged.db"; rm -f "$WORK/damaged.db-wal" "$WORK/damaged.db-shm"
"$POV_BIN" --db "$WORK/damaged.db" db check </dev/null >/dev/null 2>&1
[[ $? == 0 ]]; expect_eq "$?" 0 "a sound copy checks ok"
printf 'garbagegarbage' | dd of="$WORK/damaged.db" bs=1 seek=100 conv=notrunc 2>/dev/null
run_raw --db "$WORK/damaged.db" db check
expect_rc 1 "db check on a damaged header"
expect_err "damaged" "db check says it is damaged"
run_raw --db "$WORK/damaged.db" list
expect_fail 6 "list on a damaged database"

# ---- Event times are real UTC instants when no --today is given ----
unset POV_TODAY
run create "Now" --account A --sa S
run history 2 --json
expect_jq '.[0].at | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")' true "an ISO UTC time stamp"
expect_jq ".[0].at[0:10]" "$(date -u +%F)" "without --today the day is today's UTC date"

finish

# Helpers for the CLI tests: each test script sources this, runs the built `pov` against a
# temporary database with a fixed date, and checks exit codes, stdout and stderr.
# POV_BIN is set by CTest; run a script by hand with POV_BIN=build/pov bash tests/cli/test_x.sh.
set -u
POV_BIN=${POV_BIN:?set POV_BIN to the built pov}
WORK=$(mktemp -d)
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
export HOME=$WORK/home POV_TODAY=${POV_TODAY:-2026-03-02} NO_COLOR=1 LC_ALL=C.UTF-8
unset POV_DB POV_CONFIG XDG_DATA_HOME XDG_CONFIG_HOME
mkdir -p "$HOME"
DB=$WORK/pov.db
FAILURES=0
CHECKS=0

# run ARGS...: runs pov on $DB; sets OUT, ERR and RC.
run() {
  OUT=$("$POV_BIN" --db "$DB" "$@" 2>"$WORK/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$WORK/stderr")
}

# run_raw ARGS...: like run, without --db.
run_raw() {
  OUT=$("$POV_BIN" "$@" 2>"$WORK/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$WORK/stderr")
}

fail() {
  FAILURES=$((FAILURES + 1))
  echo "FAIL: $*"
  echo "  exit: $RC"
  echo "  stdout: $(head -c 600 <<<"$OUT")"
  echo "  stderr: $(head -c 600 <<<"$ERR")"
}

# expect_rc CODE DESCRIPTION
expect_rc() {
  CHECKS=$((CHECKS + 1))
  [[ $RC == "$1" ]] || fail "$2: wanted exit $1"
}

# expect_out TEXT DESCRIPTION: stdout contains TEXT
expect_out() {
  CHECKS=$((CHECKS + 1))
  [[ $OUT == *"$1"* ]] || fail "$2: stdout lacks '$1'"
}

# expect_err TEXT DESCRIPTION: stderr contains TEXT
expect_err() {
  CHECKS=$((CHECKS + 1))
  [[ $ERR == *"$1"* ]] || fail "$2: stderr lacks '$1'"
}

# expect_out_lacks TEXT DESCRIPTION: stdout does not contain TEXT
expect_out_lacks() {
  CHECKS=$((CHECKS + 1))
  [[ $OUT != *"$1"* ]] || fail "$2: stdout holds '$1'"
}

# expect_err_lacks TEXT DESCRIPTION: stderr does not contain TEXT
expect_err_lacks() {
  CHECKS=$((CHECKS + 1))
  [[ $ERR != *"$1"* ]] || fail "$2: stderr holds '$1'"
}

expect_no_out() {
  CHECKS=$((CHECKS + 1))
  [[ -z $OUT ]] || fail "$1: stdout should be empty"
}

expect_no_err() {
  CHECKS=$((CHECKS + 1))
  [[ -z $ERR ]] || fail "$1: stderr should be empty"
}

# expect_json FILTER DESCRIPTION: jq -e FILTER holds on stdout
expect_json() {
  CHECKS=$((CHECKS + 1))
  jq -e "$1" >/dev/null 2>&1 <<<"$OUT" || fail "$2: jq '$1' does not hold"
}

# An error line is one line starting "pov: error: ".
expect_error_line() {
  CHECKS=$((CHECKS + 1))
  [[ $ERR == "pov: error: "* ]] || fail "$1: stderr does not start with 'pov: error: '"
}

# db_sum: a checksum of the database and its WAL, to prove a command wrote nothing.
db_sum() {
  cat "$DB" "$DB-wal" 2>/dev/null | md5sum | cut -d' ' -f1
}

# A POV that passes every qualification check: qualified_pov NAME [SA]; prints its id.
new_qualifiable_pov() {
  local name=$1 sa=${2:-Sam}
  "$POV_BIN" --db "$DB" -q create "$name" --account "$name Corp" --sa "$sa" --type guided \
    --start 2026-03-02 --end 2026-03-30 --stage 3 --deal new-logo --solution devsecops \
    --why-now "Audit in Q2" --why-anything "Releases take weeks" --metrics "Lead time" \
    --decision-process "CTO decides with VP Eng" --pain "Manual deploys" --eb-access "Monthly call with CTO" \
    --impact "Miss the audit" --champion "Pat" --economic-buyer "Kim" --technical-lead "Ana" \
    --capability "Build under 10 min" </dev/null
}

# qualified_pov NAME [SA]: creates, signs off and qualifies a POV; prints its id.
qualified_pov() {
  local id
  id=$(new_qualifiable_pov "$@")
  "$POV_BIN" --db "$DB" -q signoff "$id" --champion </dev/null >/dev/null
  "$POV_BIN" --db "$DB" -q signoff "$id" --economic-buyer </dev/null >/dev/null
  "$POV_BIN" --db "$DB" -q qualify "$id" </dev/null >/dev/null
  echo "$id"
}

# finish: the script's exit status.
finish() {
  echo "$CHECKS checks, $FAILURES failed"
  [[ $FAILURES == 0 ]]
}

# ---- Helpers added for the wider CLI suite --------------------------------------------------

# pov ARGS...: runs pov on $DB for set-up, output discarded; returns its exit code.
pov() {
  "$POV_BIN" --db "$DB" "$@" </dev/null >/dev/null 2>&1
}

# expect_fail CODE DESCRIPTION: the command exited CODE with one `pov: error: ` first line on
# stderr and nothing on stdout.
expect_fail() {
  expect_rc "$1" "$2"
  expect_error_line "$2"
  expect_no_out "$2"
}

# expect_eq ACTUAL EXPECTED DESCRIPTION
expect_eq() {
  CHECKS=$((CHECKS + 1))
  [[ $1 == "$2" ]] || fail "$3: got '$(head -c 300 <<<"$1")', wanted '$(head -c 300 <<<"$2")'"
}

# expect_ne ACTUAL UNEXPECTED DESCRIPTION
expect_ne() {
  CHECKS=$((CHECKS + 1))
  [[ $1 != "$2" ]] || fail "$3: got '$(head -c 300 <<<"$1")', which it should not be"
}

# expect_jq FILTER EXPECTED DESCRIPTION: jq -r FILTER on stdout prints exactly EXPECTED.
expect_jq() {
  local got
  got=$(jq -r "$1" 2>&1 <<<"$OUT")
  expect_eq "$got" "$2" "$3 (jq '$1')"
}

# expect_same_db SUM DESCRIPTION: the database checksum is still SUM (nothing was written).
expect_same_db() {
  expect_eq "$(db_sum)" "$1" "$2: the database changed"
}

# expect_file_same FILE_A FILE_B DESCRIPTION: the files are byte for byte equal.
expect_file_same() {
  CHECKS=$((CHECKS + 1))
  cmp -s "$1" "$2" || fail "$3: $1 and $2 differ ($(cmp "$1" "$2" 2>&1 | head -c 200))"
}

# expect_missing PATH DESCRIPTION / expect_exists PATH DESCRIPTION
expect_missing() {
  CHECKS=$((CHECKS + 1))
  [[ ! -e $1 ]] || fail "$2: $1 should not exist"
}
expect_exists() {
  CHECKS=$((CHECKS + 1))
  [[ -e $1 ]] || fail "$2: $1 should exist"
}

# started_pov NAME [SA]: a qualified POV started today; prints its id.
started_pov() {
  local id
  id=$(qualified_pov "$@")
  "$POV_BIN" --db "$DB" -q start "$id" </dev/null >/dev/null
  echo "$id"
}

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

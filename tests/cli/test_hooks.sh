# Notification hooks (contract section 14): each runs after its change is committed, with the POV
# as JSON on stdin and POV_EVENT and POV_ID set; a hook that fails or overruns is one warning and
# never undoes the change or changes the exit status.
source "$(dirname "$0")/lib.sh"
POV_BIN=$(realpath "$POV_BIN") # the hostile-name test runs in $WORK

CFG=$WORK/hooks.toml
SEEN=$WORK/seen
mkdir -p "$SEEN"

# hooks_config KEY=COMMAND...: writes $CFG with these hooks (TOML literal strings).
hooks_config() {
  printf '[hooks]\n' >"$CFG"
  local pair
  for pair in "$@"; do
    printf "%s = '''%s'''\n" "${pair%%=*}" "${pair#*=}" >>"$CFG"
  done
}

# A hook that records what it got: stdin, POV_EVENT and POV_ID, one set of files per event, and
# a line per run in $SEEN/runs.
recorder() {
  echo "cat >\"$SEEN/\$POV_EVENT.json\"; printf '%s %s\n' \"\$POV_EVENT\" \"\$POV_ID\" >>\"$SEEN/runs\""
}
hooks_config "on_create=$(recorder)" "on_qualify=$(recorder)" "on_start=$(recorder)" "on_close=$(recorder)"

# hook_runs: what the recorder saw, one `EVENT ID` line per run.
hook_runs() {
  cat "$SEEN/runs" 2>/dev/null
}

# expect_hook_stdin EVENT ID NAME STATUS: the record the EVENT hook read on stdin.
expect_hook_stdin() {
  OUT=$(cat "$SEEN/$1.json")
  expect_jq '.id' "$2" "on_$1 stdin: the id"
  expect_jq '.name' "$3" "on_$1 stdin: the name"
  expect_jq '.status' "$4" "on_$1 stdin: the status after the change"
}

# ---- each event, once, after its change --------------------------------------------------------
run --config "$CFG" -q create "Acme Pilot" --account "Acme" --sa Sam --type guided --start 2026-03-02 \
  --end 2026-03-30 --stage 3 --deal new-logo --solution devsecops --why-now "Audit in Q2" \
  --why-anything "Releases take weeks" --metrics "Lead time" --decision-process "CTO decides" \
  --pain "Manual deploys" --eb-access "Monthly call" --impact "Miss the audit" --champion Pat \
  --economic-buyer Kim --technical-lead Ana --capability "Build under 10 min"
expect_rc 0 "create with an on_create hook"
id=$OUT
expect_eq "$id" 1 "create -q prints only the id"
expect_no_err "a hook that succeeds prints nothing"
expect_eq "$(hook_runs)" "create 1" "on_create ran once with POV_EVENT=create, POV_ID=1"
expect_hook_stdin create 1 "Acme Pilot" new
expect_json '.risks | type == "array"' "on_create stdin: the risks, as show --json"
run show "$id" --json
expect_eq "$(jq -S . <<<"$OUT")" "$(jq -S . "$SEEN/create.json")" "on_create stdin is show --json"

# Sign-offs, approvals and other changes run no hook.
run --config "$CFG" signoff "$id" --champion
expect_rc 0 "signoff"
run --config "$CFG" signoff "$id" --economic-buyer
run --config "$CFG" set "$id" --pain "Manual deploys, weekly"
expect_eq "$(hook_runs)" "create 1" "signoff and set run no hook"

# A dry run and a qualify that fails run no hook.
run --config "$CFG" qualify "$id" --dry-run
expect_rc 0 "qualify --dry-run"
expect_eq "$(hook_runs)" "create 1" "qualify --dry-run runs no hook"
run --config "$CFG" -q create "Unready" --account B --sa Sam
unready=$OUT
run --config "$CFG" qualify "$unready"
expect_rc 1 "a qualify that fails"
expect_eq "$(hook_runs | tail -n 1)" "create $unready" "a qualify that fails runs no hook"

run --config "$CFG" qualify "$id"
expect_rc 0 "qualify"
expect_eq "$(hook_runs | tail -n 1)" "qualify $id" "on_qualify ran with POV_EVENT=qualify"
expect_hook_stdin qualify "$id" "Acme Pilot" qualified
runs_before=$(hook_runs | wc -l)
run --config "$CFG" qualify "$id"
expect_rc 0 "qualify an already qualified POV"
expect_eq "$(hook_runs | wc -l)" "$runs_before" "a qualify that changes nothing runs no hook"

run --config "$CFG" start "$unready"
expect_fail 5 "start an unqualified POV"
expect_eq "$(hook_runs | wc -l)" "$runs_before" "a failing command runs no hook"

run --config "$CFG" start "$id"
expect_rc 0 "start"
expect_out "Started POV $id" "start prints its outcome"
expect_eq "$(hook_runs | tail -n 1)" "start $id" "on_start ran with POV_EVENT=start"
expect_hook_stdin start "$id" "Acme Pilot" in_progress

run --config "$CFG" close "$id" --result successful --reason "All met"
expect_fail 5 "close with a pending capability"
expect_eq "$(hook_runs | tail -n 1)" "start $id" "a close that fails runs no hook"
pov cap set "$id" 1 --status met --evidence "8 min"
run --config "$CFG" close "$id" --result successful --reason "All met"
expect_rc 0 "close"
expect_eq "$(hook_runs | tail -n 1)" "close $id" "on_close ran with POV_EVENT=close"
expect_hook_stdin close "$id" "Acme Pilot" closed
expect_jq '.result' successful "on_close stdin: the result"

# Cancel, reopen, extend and delete run none of the four (section 14 names only these).
runs_before=$(hook_runs | wc -l)
run --config "$CFG" cancel "$unready" --reason "No budget"
expect_rc 0 "cancel"
run --config "$CFG" reopen "$unready" --reason "Budget found"
expect_rc 0 "reopen"
expect_eq "$(hook_runs | wc -l)" "$runs_before" "cancel and reopen run no hook"

# A hook that is not configured, or blank, runs nothing.
hooks_config "on_create=   "
run --config "$CFG" -q create "Blank hook" --account A --sa S
expect_rc 0 "a blank hook"
expect_no_err "a blank hook runs nothing"

# ---- a failing hook: one warning, exit 0, the change kept ------------------------------------------
hooks_config "on_create=echo from the hook >&2; exit 3"
run --config "$CFG" create "Failing hook" --account A --sa S
expect_rc 0 "a hook that exits 3 leaves the exit status 0"
expect_out "Created POV" "the outcome is printed"
failing=$(sed -n 's/^Created POV \([0-9]*\):.*/\1/p' <<<"$OUT")
expect_err "pov: warning: hook on_create failed (exit 3): POV $failing was created all the same" "the warning"
expect_err "from the hook" "the hook's stderr reaches pov's stderr"
expect_eq "$(grep -c '^pov: warning:' <<<"$ERR")" 1 "one warning line"
run show "$failing" --json
expect_jq '.name' "Failing hook" "the change is kept"

# --quiet keeps the warning: it is an error of the user's hook.
run --config "$CFG" -q create "Quiet failing" --account A --sa S
expect_rc 0 "-q with a failing hook"
expect_err "pov: warning: hook on_create failed (exit 3)" "-q still warns"

hooks_config "on_start=$WORK/no-such-hook --flag"
started=$(qualified_pov "Missing hook")
run --config "$CFG" start "$started"
expect_rc 0 "a hook that does not exist leaves the exit status 0"
expect_err "pov: warning: hook on_start failed (exit 127: command not found): POV $started was started all the same" \
  "a missing hook warns"
run show "$started" --json
expect_jq '.status' in_progress "the start is kept"

hooks_config "on_create=kill -9 \$\$"
run --config "$CFG" -q create "Killed hook" --account A --sa S
expect_rc 0 "a hook killed by a signal"
expect_err "hook on_create failed (killed by signal 9)" "a killed hook warns"

# ---- stdin and stdout ------------------------------------------------------------------------------
# A hook that never reads its stdin, with a record far larger than a pipe holds, does not hang pov.
big=$(head -c 90000 /dev/zero | tr '\0' x)
hooks_config "on_create=true"
start=$(date +%s)
run --config "$CFG" -q create "Big" --account A --sa S --pain "$big" --why-now "$big" --metrics "$big"
expect_rc 0 "a hook that ignores a large stdin"
expect_no_err "a hook that ignores its stdin is no failure"
expect_ne "$(($(date +%s) - start > 5))" 1 "a hook that ignores a large stdin does not hang"

# Its stdout goes to pov's stderr, never to pov's stdout, which scripts parse.
hooks_config "on_create=echo hook-stdout; cat >/dev/null; echo hook-done"
run --config "$CFG" create "Json" --account A --sa S --json
expect_rc 0 "create --json with a chatty hook"
expect_jq '.name' Json "create --json stays valid JSON"
expect_err "hook-stdout" "the hook's stdout is on pov's stderr"
expect_err "hook-done" "the hook read all of its stdin"
CHECKS=$((CHECKS + 1))
[[ $OUT != *hook-stdout* ]] || fail "the hook's stdout is not on pov's stdout"

# ---- record values never reach a command line -------------------------------------------------------
cd "$WORK" || exit 1
hooks_config "on_create=cat >\"$SEEN/hostile.json\"; echo \"\$POV_ID\" >/dev/null"
hostile='$(touch pwned) `touch pwned2`; touch pwned3 '"'"'" && touch pwned4 | $POV_EVENT'
run --config "$CFG" -q create "$hostile" --account "A; touch pwned5" --sa S
expect_rc 0 "a name with shell metacharacters"
for file in pwned pwned2 pwned3 pwned4 pwned5; do
  expect_missing "$WORK/$file" "no record value is executed ($file)"
done
OUT=$(cat "$SEEN/hostile.json")
expect_jq '.name' "$hostile" "the hook gets the name as data, unchanged"

# ---- a slow hook is killed after the 10 s limit (the one slow test) ----------------------------------
hooks_config "on_create=sleep 30 & echo \$! >\"$SEEN/child\"; sleep 30"
start=$(date +%s)
run --config "$CFG" -q create "Slow" --account A --sa S
elapsed=$(($(date +%s) - start))
expect_rc 0 "a hook that overruns leaves the exit status 0"
expect_err "pov: warning: hook on_create failed (timed out after 10 s; killed)" "a slow hook warns"
CHECKS=$((CHECKS + 1))
((elapsed >= 9 && elapsed <= 15)) || fail "a slow hook is killed after about 10 s (took ${elapsed} s)"
slow=$OUT
run show "$slow" --json
expect_jq '.name' Slow "the change of a slow hook is kept"
# The whole process group goes: the hook's background child too.
child=$(cat "$SEEN/child")
CHECKS=$((CHECKS + 1))
for _ in 1 2 3 4 5 6 7 8 9 10; do
  state=$(awk '{ print $3 }' "/proc/$child/stat" 2>/dev/null)
  [[ -z $state || $state == Z ]] && break
  sleep 0.1
done
[[ -z $state || $state == Z ]] || fail "the hook's background child was killed (state $state)"

finish

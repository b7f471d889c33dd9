# The lifecycle of sections 4 and 5: qualify, approve, start, extend, log, retro, close, cancel,
# reopen, and what changing the criteria does to sign-offs and status.
source "$(dirname "$0")/lib.sh"

status_of() { "$POV_BIN" --db "$DB" show "$1" --json </dev/null | jq -r .status; }

# ---- qualify ----------------------------------------------------------------------------------
id=$(new_qualifiable_pov "Acme")
run qualify "$id" --json
expect_rc 1 "qualify before the sign-offs"
expect_jq '.id' "$id" "qualify --json names the POV"
expect_jq '.qualified' false "not qualified yet"
expect_jq '.checks | length' 10 "ten checks"
expect_jq '[.checks[].rule] | join(",")' \
  "stage,deal,command_plan,solution,capabilities,signoffs,technical_lead,schedule,strategic,type" \
  "the ten rules in order"
expect_json '.checks | all(has("rule") and has("ok") and has("detail"))' "each check has rule, ok, detail"
expect_jq '[.checks[] | select(.ok | not) | .rule] | join(",")' signoffs "only the sign-offs fail"
expect_jq '.checks[] | select(.rule == "signoffs") | .detail | test("pov signoff")' true \
  "a failure says what to do"

run qualify "$id"
expect_rc 1 "qualify in text"
expect_out "FAIL" "text names the failing check"
expect_out "signoffs" "text names the rule"

pov signoff "$id" --champion
pov signoff "$id" --economic-buyer
before=$(db_sum)
run qualify "$id" --dry-run --json
expect_rc 0 "qualify --dry-run of a qualifiable POV"
expect_jq '.qualified' true "--dry-run reports qualified"
expect_same_db "$before" "qualify --dry-run"
expect_eq "$(status_of "$id")" new "--dry-run leaves the POV new"

run qualify "$id"
expect_rc 0 "qualify a fully qualifiable POV"
expect_out "qualified" "qualify says the POV is qualified"
expect_eq "$(status_of "$id")" qualified "the POV is qualified"
run qualify "$id" --json
expect_rc 0 "qualify an already qualified POV"
expect_jq '.qualified' true "still qualified"
expect_eq "$(status_of "$id")" qualified "status unchanged on a second qualify"

# A bare POV fails several rules, each on its own line.
pov create "Bare" --account "Bare Co" --sa Sam
run qualify 2 --json
expect_rc 1 "a bare POV does not qualify"
expect_jq '[.checks[] | select(.ok | not) | .rule] | join(",")' \
  "stage,deal,command_plan,solution,capabilities,signoffs,technical_lead,schedule" \
  "a bare POV fails every rule that needs data"
expect_jq '.checks[] | select(.rule == "command_plan") | .detail | test("why_now") and test("impact")' true \
  "the command plan check names the missing fields"

# Uptier, strategic and paid rules.
up=$(new_qualifiable_pov "Uptier")
pov signoff "$up" --champion
pov signoff "$up" --economic-buyer
pov set "$up" --deal uptier --net-arr 50k
run qualify "$up" --dry-run --json
expect_jq '[.checks[] | select(.ok | not) | .rule] | join(",")' deal "a small uptier fails the deal rule"
pov set "$up" --net-arr 100k
run qualify "$up" --dry-run --json
expect_jq '.qualified' true "an uptier at the threshold qualifies"
pov set "$up" --net-arr 10k --lam-significant yes
run qualify "$up" --dry-run --json
expect_jq '.qualified' true "an uptier with significant LAM qualifies"
pov set "$up" --strategic yes
run qualify "$up" --dry-run --json
expect_jq '[.checks[] | select(.ok | not) | .rule] | join(",")' strategic "strategic guided needs more"
pov set "$up" --desired-future "Daily releases" --business-outcomes "Pass the audit"
run qualify "$up" --dry-run --json
expect_jq '.qualified' true "a complete strategic POV qualifies"
pov set "$up" --type paid --end 2026-06-01
run qualify "$up" --dry-run --json
expect_jq '[.checks[] | select(.ok | not) | .rule] | join(",")' type "paid needs the licence"
pov set "$up" --license-purchased yes
run qualify "$up" --json
expect_rc 0 "a paid POV with its licence qualifies"
run set "$up" --license-purchased no
expect_rc 0 "the licence can be unset"
expect_err "no longer qualifies (type)" "a qualified POV that no longer qualifies is told so"
run show "$up" --json
expect_jq '.status' new "a qualified POV that no longer qualifies is new again"
run start "$up"
expect_fail 5 "a paid POV without its licence does not start"
expect_err "qualify" "the start error says what to do"

# Once a bug: a qualified POV whose planned dates are cleared stays qualified and starts without them:
# `pov set ID --start "" --end ""` exits 0, `pov start ID` exits 0 ("planned end –, 0 days"),
# and then `pov extend ID --to 2026-04-10 --reason x` reads the empty dates
# ("0000-00-00 → 2026-04-10 is 740113 days"; an empty std::optional dereferenced in
# Tracker::extend). Section 4 rule 8 needs start and end set; section 5: start needs qualified.
nd=$(qualified_pov "No dates")
pov set "$nd" --start "" --end ""
run start "$nd"
CHECKS=$((CHECKS + 1))
[[ $RC != 0 ]] || fail "a POV without planned dates does not start"

# ---- start ------------------------------------------------------------------------------------
run start "$id" --on tomorrow
expect_fail 3 "start --on in the future"
run start "$id" --on 2026-13-40
expect_fail 2 "start --on a malformed date"
run start "$id" --on yesterday
expect_rc 0 "start --on yesterday"
expect_out "Started POV $id" "start message"
run show "$id" --json
expect_jq '.status + " " + .started_on' "in_progress 2026-03-01" "started on the day given"
run start "$id"
expect_fail 5 "start a started POV"

# Three running for Lee, a fourth with --force.
for name in L1 L2 L3; do started_pov "$name" Lee >/dev/null; done
l4=$(qualified_pov "L4" Lee)
run start "$l4" --force
expect_rc 0 "start --force over the limit"
expect_err "pov: warning: " "a forced start warns"
run history "$l4" --json
expect_jq '.[-2].kind' started "the forced start is recorded as a start"
expect_jq '.[-1].kind' forced "and as a forced event (section 8)"
expect_jq '.[-1].detail | test("concurrency limit")' true "the forced event says what was forced"
expect_jq '.[-1].detail | test("Lee")' true "the forced detail names the SA"

# ---- approval ---------------------------------------------------------------------------------
printf '[rules]\nrequire_approval = true\n' >"$WORK/approval.toml"
ap=$(qualified_pov "Approval" Zed)
run --config "$WORK/approval.toml" start "$ap"
expect_fail 5 "start without a required approval"
expect_err "pov approve $ap" "the error gives the approve command"
run --config "$WORK/approval.toml" approve "$ap" --by "Mia Manager"
expect_rc 0 "approve"
run --config "$WORK/approval.toml" start "$ap"
expect_rc 0 "start once approved"
run show "$ap" --json
expect_jq '.approved_by + " " + .approved_on' "Mia Manager 2026-03-02" "the approval is recorded"

# ---- extend -----------------------------------------------------------------------------------
# $id: guided, started 2026-03-01, planned 2026-03-02 → 2026-03-30; 60 days from start is 2026-05-01.
before=$(db_sum)
run extend "$id" --to 2026-05-02 --reason "Customer holiday"
expect_fail 3 "extend beyond 60 days of a guided POV"
expect_err "60" "the extension error names the limit"
run extend "$id" --to 2026-03-20 --reason "Shorter"
expect_fail 3 "extend to before the current end"
run extend "$id" --to 2026-04-20 --reason ""
expect_fail 3 "extend with an empty reason"
expect_same_db "$before" "refused extensions"
run extend "$id" --to 2026-04-20 --reason "Customer holiday"
expect_rc 0 "extend within the limit"
expect_no_err "a first extension does not warn"
run show "$id" --json
expect_jq '.end' 2026-04-20 "extend moves the end"
expect_jq '.extensions | length' 1 "one extension recorded"
expect_jq '.extensions[0] | "\(.from) \(.to) \(.reason) \(.on)"' \
  "2026-03-30 2026-04-20 Customer holiday 2026-03-02" "the extension's from, to, reason, on"
run set "$id" --end 2026-04-25
expect_fail 5 "set --end on a started POV"
run extend "$id" --to 2026-05-01 --reason "Late data"
expect_rc 0 "a second extension up to the 60-day ceiling"
expect_err "pov: warning: " "a second extension warns"
expect_err "endless" "the warning names the endless extension"
run show "$id" --json
expect_jq '.risks | index("endless_extension") != null' true "two extensions: endless_extension risk"
run extend 2 --to 2026-05-01 --reason "Not started"
expect_fail 5 "extend a new POV"

# ---- log and retro ------------------------------------------------------------------------------
run log "$id" "Kick-off held"
expect_rc 0 "log"
expect_out "Logged" "log message"
run retro "$id" --went-well "Pipelines green" --problems "Slow VPN" --change "Get a jump host" --on-track yes
expect_rc 0 "retro"
run show "$id" --json
expect_jq '.journal | length' 2 "two journal entries"
expect_jq '.journal[0] | "\(.on) \(.kind) \(.text)"' "2026-03-02 note Kick-off held" "the note"
expect_jq '.journal[1].kind' retro "the retro is a retro entry"
expect_jq '.journal[1].text | test("Pipelines green") and test("Slow VPN") and test("Get a jump host") and test("yes")' \
  true "the retro holds its four answers"
run retro 2 --went-well a --problems b --change c --on-track no
expect_fail 5 "a retro on a POV that is not running"
run log "$id" ""
expect_fail 3 "an empty note"

# ---- criteria changes after start ---------------------------------------------------------------
run show "$id" --json
expect_jq '.risks | index("criteria_creep")' null "no criteria creep yet"
run cap add "$id" "Deploy daily"
expect_rc 0 "add a capability after start"
expect_err "criteria creep" "the change after start warns of criteria creep"
run show "$id" --json
expect_jq '.risks | index("criteria_creep") != null' true "criteria_creep shows in show --json"
expect_jq '[.champion_signoff, .eb_signoff] | map(tostring) | join(",")' "null,null" "the sign-offs are cleared"
expect_jq '.risks | index("unsigned_criteria") != null' true "running without sign-offs: unsigned_criteria"
expect_jq '.status' in_progress "a running POV stays in progress"

# ---- close ------------------------------------------------------------------------------------
pov cap set "$id" 1 --status met --evidence "8 minutes"
pov cap set "$id" 2 --status partial
run close "$id" --result successful --reason "Proved value" --on tomorrow
expect_fail 3 "close --on in the future"
run close "$id" --result successful --reason "Proved value" --on 2026-02-01
expect_fail 3 "close --on before the start"
run close "$id" --result successful --reason "Proved value" --loss-type technical
expect_fail 3 "a successful close with a loss type"
run close "$id" --result successful --reason "Proved value" --on 2026-03-02
expect_rc 0 "close successful"
expect_out "Closed POV $id" "close message"
run show "$id" --json
expect_jq '"\(.status) \(.result) \(.reason) \(.closed_on) \(.loss_type)"' \
  "closed successful Proved value 2026-03-02 null" "the close data"
run list --json
expect_jq "map(select(.id == $id)) | length" 0 "a closed POV leaves the default list"

run reopen "$id" --reason "Signed too early"
expect_rc 0 "reopen a closed POV"
run show "$id" --json
expect_jq '"\(.status) \(.result) \(.closed_on)"' "in_progress null null" "reopen goes back to in progress"
run close "$id" --result unsuccessful --reason "Chose a rival" --competitor "RivalSoft" --loss-type non-technical
expect_rc 0 "close unsuccessful"
run show "$id" --json
expect_jq '"\(.result) \(.competitor) \(.loss_type)"' "unsuccessful RivalSoft non-technical" "the loss data"

# ---- cancel and reopen to the state it left ------------------------------------------------------
for state in new qualified in_progress; do
  case $state in
    new) cid=$(new_qualifiable_pov "Cancel $state" Cy) ;;
    qualified) cid=$(qualified_pov "Cancel $state" Cy) ;;
    in_progress) cid=$(started_pov "Cancel $state" Cy) ;;
  esac
  run cancel "$cid" --reason "Budget frozen"
  expect_rc 0 "cancel a $state POV"
  run show "$cid" --json
  expect_jq '"\(.status) \(.reason) \(.closed_on)"' "cancelled Budget frozen 2026-03-02" "a cancelled $state POV"
  run cancel "$cid" --reason "Again"
  expect_fail 5 "cancel a cancelled POV"
  run start "$cid"
  expect_fail 5 "start a cancelled POV"
  run reopen "$cid" --reason "Budget back"
  expect_rc 0 "reopen a POV cancelled while $state"
  expect_eq "$(status_of "$cid")" "$state" "reopen returns to $state"
done
run reopen "$cid" --reason "x"
expect_fail 5 "reopen an open POV"
run cancel "$cid" --reason ""
expect_fail 3 "cancel with an empty reason"


# ---- words: "an onsite POV", "1 POV" ------------------------------------------------------------
wdb=$WORK/words.db
"$POV_BIN" --db "$wdb" -q create "Words" --account Acme --sa Lee --type onsite --start 2026-03-02 --end 2026-03-04 \
  </dev/null >/dev/null
OUT=$("$POV_BIN" --db "$wdb" qualify 1 --dry-run 2>&1 </dev/null)
expect_out "an onsite POV in the enterprise segment" "qualify says 'an onsite POV'"

finish

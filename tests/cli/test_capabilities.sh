# Success criteria: cap add|set|rm|list, the 1–5 limit, sign-offs, and what a change of the
# criteria does to the sign-offs and the status (section 4).
source "$(dirname "$0")/lib.sh"

run -q create "Acme" --account "Acme Corp" --sa Sam
id=$OUT

run cap list "$id" --json
expect_rc 0 "cap list of a POV without criteria"
expect_eq "$OUT" "[]" "cap list --json is [] without criteria"

run cap add "$id" "Build under 10 min" --target "< 10 min" --outcome "Faster releases"
expect_rc 0 "cap add"
expect_eq "$OUT" "Added capability 1 to POV $id: Build under 10 min" "cap add message"
for title in "Deploy daily" "Scan in CI" "SBOM export" "Audit trail"; do
  pov cap add "$id" "$title"
done
run cap list "$id" --json
expect_rc 0 "cap list --json"
expect_jq 'length' 5 "five capabilities"
expect_jq '[.[].n] | join(",")' "1,2,3,4,5" "numbered 1 to 5"
expect_jq '.[0] | "\(.title)|\(.target)|\(.outcome)|\(.status)|\(.evidence)"' \
  "Build under 10 min|< 10 min|Faster releases|pending|null" "the first capability's fields"
expect_json 'all(has("n") and has("title") and has("target") and has("outcome") and has("status") and has("evidence"))' \
  "every capability has its keys"

# The sixth is refused and nothing is written.
before=$(db_sum)
run cap add "$id" "One too many"
expect_fail 3 "a sixth capability"
expect_err "5" "the error names the limit"
expect_same_db "$before" "a refused sixth capability"

# set: status, evidence, title; errors.
run cap set "$id" 2 --status met --evidence "$(printf 'Deployed 5 days running\nsee logs')"
expect_rc 0 "cap set --status --evidence"
expect_eq "$OUT" "Updated capability 2 of POV $id" "cap set message"
run cap list "$id" --json
expect_jq '.[1].status' met "the status is set"
expect_jq '.[1].evidence' "$(printf 'Deployed 5 days running\nsee logs')" "multi-line evidence is kept"
for status in partial not-met pending; do
  run cap set "$id" 3 --status "$status"
  expect_rc 0 "cap set --status $status"
  run cap list "$id" --json
  expect_jq '.[2].status' "$status" "status $status"
done
before=$(db_sum)
run cap set "$id" 6 --status met
expect_fail 4 "cap set on capability 6"
run cap set "$id" 0 --status met
CHECKS=$((CHECKS + 1))
[[ $RC == 2 || $RC == 4 ]] || fail "cap set on capability 0: wanted exit 2 or 4"
run cap set "$id" 1 --status "done"
expect_fail 2 "an unknown capability status"
run cap set "$id" 1
expect_fail 2 "cap set without a change"
run cap set "$id" 1 --title ""
expect_fail 3 "an empty title"
run cap add "$id" "$(printf 'tab\there')"
expect_fail 3 "a control character in a title"
expect_same_db "$before" "refused capability changes"

# rm renumbers the ones after it.
run cap rm "$id" 1
expect_rc 0 "cap rm"
run cap list "$id" --json
expect_jq '[.[] | "\(.n):\(.title)"] | join(",")' \
  "1:Deploy daily,2:Scan in CI,3:SBOM export,4:Audit trail" "rm renumbers"
run cap rm "$id" 9
expect_fail 4 "cap rm of a missing capability"
run cap list 99
expect_fail 4 "cap list of a missing POV"

# Text output.
run cap list "$id"
expect_rc 0 "cap list in text"
expect_out "Deploy daily" "cap list shows the titles"
expect_out "met" "cap list shows the statuses"

# ---- sign-offs ----------------------------------------------------------------------------------
run -q create "Signless" --account "S Co" --sa Sam
bare=$OUT
run signoff "$bare" --champion
expect_fail 5 "sign-off with no champion named"
pov set "$bare" --champion "Pat" --economic-buyer "Kim"
run signoff "$bare" --champion
expect_fail 5 "sign-off with no criteria"
pov cap add "$bare" "Something measurable"
run signoff "$bare"
expect_fail 2 "signoff without --champion or --economic-buyer"
run signoff "$bare" --champion --on tomorrow
expect_fail 3 "a sign-off in the future"
run signoff "$bare" --champion --on 2026-02-20
expect_rc 0 "champion sign-off on a past day"
expect_out "Pat" "the sign-off message names the champion"
run signoff "$bare" --economic-buyer
expect_rc 0 "economic buyer sign-off"
run show "$bare" --json
expect_jq '.champion_signoff + " " + .eb_signoff' "2026-02-20 2026-03-02" "both sign-offs recorded"

# ---- a criteria change clears both sign-offs; a qualified POV drops back to new ------------------
change_clears() { # DESCRIPTION COMMAND...: on a fresh qualified POV
  local what=$1 q
  shift
  q=$(qualified_pov "Q $what")
  "$POV_BIN" --db "$DB" show "$q" --json </dev/null | jq -e '.status == "qualified"' >/dev/null ||
    fail "set-up: POV $q is not qualified"
  run "${@//@/$q}"
  expect_rc 0 "$what"
  expect_err "pov: warning: " "$what warns that the sign-offs are cleared"
  run show "$q" --json
  expect_jq '[.champion_signoff, .eb_signoff] | map(tostring) | join(",")' "null,null" "$what clears both sign-offs"
  expect_jq '.status' new "$what drops a qualified POV back to new"
  run history "$q" --json
  expect_jq '.[-1].kind' criteria_changed "$what records criteria_changed"
  expect_jq '.[-1].changes.status | join(">")' "qualified>new" "$what records the status change"
}
change_clears "cap add" cap add @ "Deploy daily"
change_clears "cap set --title" cap set @ 1 --title "Build under 5 min"
change_clears "cap set --target" cap set @ 1 --target "< 5 min"
change_clears "cap rm" cap rm @ 1

# Status and evidence are progress, not a change of the criteria.
q=$(qualified_pov "Progress only")
run cap set "$q" 1 --status met --evidence "7 min"
expect_rc 0 "cap set --status on a qualified POV"
expect_no_err "a status change does not warn"
run show "$q" --json
expect_jq '.status' qualified "a status change keeps the POV qualified"
expect_json '.champion_signoff != null and .eb_signoff != null' "a status change keeps the sign-offs"
run cap set "$q" 1 --title "Build under 10 min"
expect_no_err "setting the same title changes nothing"
run show "$q" --json
expect_jq '.status' qualified "the same title keeps the POV qualified"

# A closed POV's criteria are frozen.
c=$(started_pov "Closed")
pov cap set "$c" 1 --status met
pov close "$c" --result successful --reason "Done"
before=$(db_sum)
run cap add "$c" "Late addition"
expect_fail 5 "cap add on a closed POV"
run cap set "$c" 1 --status not-met
expect_fail 5 "cap set on a closed POV"
expect_same_db "$before" "a closed POV's criteria"

# A lower configured maximum applies to create and cap add.
printf '[rules]\nmax_capabilities = 2\n' >"$WORK/two.toml"
run --config "$WORK/two.toml" create "Three" --account T --sa Sam --capability a --capability b --capability c
expect_fail 3 "three capabilities with max_capabilities = 2"
run --config "$WORK/two.toml" -q create "Two" --account T --sa Sam --capability a --capability b
expect_rc 0 "two capabilities with max_capabilities = 2"
run --config "$WORK/two.toml" cap add "$OUT" "c"
expect_fail 3 "a third cap add with max_capabilities = 2"

finish

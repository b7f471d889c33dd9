# create and set: messages, -q and --json, every field option of section 2, money and boolean
# forms, relative dates, --today and POV_TODAY, repeated options, clearing, ids.
source "$(dirname "$0")/lib.sh"

# ---- create's three outputs ----------------------------------------------------------------
run create "Acme Rollout" --account "Acme Corp" --sa Sam
expect_rc 0 "create"
expect_eq "$OUT" "Created POV 1: Acme Rollout" "create prints exactly its message"
expect_no_err "create writes nothing on stderr"

run -q create "Beta" --account "Beta Inc" --sa Sam
expect_rc 0 "create -q"
expect_eq "$OUT" "2" "create -q prints the id alone"

run create "Gamma" --account "Gamma GmbH" --sa Lee --json
expect_rc 0 "create --json"
expect_jq '.id' 3 "create --json prints the record's id"
expect_jq '.name' Gamma "create --json prints the record's name"
expect_jq '.status' new "a new POV is new"
expect_jq '.type + " " + .segment' "guided enterprise" "type and segment default to guided, enterprise"
expect_jq '.capabilities | length' 0 "create --json has the capabilities array"
expect_json '.uuid | test("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")' "a v4 uuid"

run list --json
expect_jq '[.[].id] | join(",")' "1,2,3" "ids are 1, 2, 3 in creation order"
expect_jq '[.[].uuid] | unique | length' 3 "every POV has its own uuid"

# A failed create takes no id.
pov create "Broken" --account B --sa S --start 2026-13-01
run -q create "Delta" --account "Delta AG" --sa Sam
expect_eq "$OUT" 4 "the id after a failed create is the next one"

# ---- every writable field of section 2 lands in show --json -------------------------------
run -q create "Full Record" --account "Full Corp" --sa "Sam Archer" \
  --opportunity "Full Corp - Platform 2026" --stage 3 --segment commercial --deal uptier \
  --net-arr 150k --lam-significant true --type guided --strategic yes --solution software-compliance \
  --owner "Olive Owner" --csm "Cara CSM" --champion "Pat Champion" --economic-buyer "Kim Buyer" \
  --technical-lead "Ana Lead" --business-owner "Bob Business" \
  --why-now "Audit in Q2" --why-anything "Releases take weeks" --metrics "Lead time < 1 day" \
  --decision-process "CTO decides with VP Eng" --pain "Manual deploys" --eb-access "Monthly call" \
  --impact "Fail the audit" --desired-future "Daily releases" --business-outcomes "Pass the audit" \
  --objective "Prove daily releases" --in-scope "Two teams" --out-of-scope "Mainframe" \
  --customer-commitments "Two engineers, a staging cluster" --next-steps "Sign the order form" \
  --start 2026-03-02 --end 2026-04-01 --ps-positioned yes --license-purchased no \
  --capability "Build under 10 min" --capability "Deploy daily"
expect_rc 0 "create with every field option"
full=$OUT
run show "$full" --json
expect_rc 0 "show the full record"
expected=$(
  cat <<'EOF'
{
  "name": "Full Record",
  "account": "Full Corp",
  "opportunity": "Full Corp - Platform 2026",
  "stage": 3,
  "segment": "commercial",
  "deal": "uptier",
  "net_arr": 150000,
  "lam_significant": true,
  "type": "guided",
  "strategic": true,
  "solution": "software-compliance",
  "owner": "Olive Owner",
  "sa": "Sam Archer",
  "csm": "Cara CSM",
  "champion": "Pat Champion",
  "economic_buyer": "Kim Buyer",
  "technical_lead": "Ana Lead",
  "business_owner": "Bob Business",
  "why_now": "Audit in Q2",
  "why_anything": "Releases take weeks",
  "metrics": "Lead time < 1 day",
  "decision_process": "CTO decides with VP Eng",
  "pain": "Manual deploys",
  "eb_access": "Monthly call",
  "impact": "Fail the audit",
  "desired_future": "Daily releases",
  "business_outcomes": "Pass the audit",
  "objective": "Prove daily releases",
  "in_scope": "Two teams",
  "out_of_scope": "Mainframe",
  "customer_commitments": "Two engineers, a staging cluster",
  "next_steps": "Sign the order form",
  "start": "2026-03-02",
  "end": "2026-04-01",
  "ps_positioned": true,
  "license_purchased": false,
  "status": "new",
  "champion_signoff": null,
  "eb_signoff": null,
  "started_on": null,
  "closed_on": null,
  "approved_by": null,
  "approved_on": null,
  "result": null,
  "reason": null,
  "competitor": null,
  "loss_type": null
}
EOF
)
got=$(jq -S --argjson want "$expected" 'with_entries(select(.key as $k | $want | has($k)))' <<<"$OUT")
expect_eq "$got" "$(jq -S . <<<"$expected")" "every field option lands in show --json"
expect_jq '[.capabilities[] | "\(.n):\(.title):\(.status)"] | join(",")' \
  "1:Build under 10 min:pending,2:Deploy daily:pending" "--capability repeats, in order, pending"

# ---- money and booleans --------------------------------------------------------------------
check_money() {
  run set "$full" --net-arr "$1"
  expect_rc 0 "--net-arr $1"
  run show "$full" --json
  expect_jq '.net_arr' "$2" "--net-arr $1 is $2"
}
check_money 150000 150000
check_money 150k 150000
check_money 1.2M 1200000
check_money '$150,000' 150000
check_money 2.5k 2500

run set "$full" --net-arr 1.5
expect_fail 3 "--net-arr 1.5 is not whole dollars"
run set "$full" --net-arr 12x
expect_fail 2 "--net-arr 12x"

for value in yes true; do
  pov set "$full" --ps-positioned no
  run set "$full" --ps-positioned "$value"
  expect_rc 0 "--ps-positioned $value"
  run show "$full" --json
  expect_jq '.ps_positioned' true "--ps-positioned $value is true"
done
for value in no false; do
  pov set "$full" --lam-significant yes
  run set "$full" --lam-significant "$value"
  expect_rc 0 "--lam-significant $value"
  run show "$full" --json
  expect_jq '.lam_significant' false "--lam-significant $value is false"
done

# ---- set: messages, clearing, repeated options ----------------------------------------------
run set "$full" --pain "Slow releases"
expect_rc 0 "set --pain"
expect_eq "$OUT" "Updated POV $full: pain" "set names the changed field"
run set "$full" --pain "Slow releases"
expect_eq "$OUT" "POV $full unchanged" "set of the same value says unchanged"
run set "$full" --pain ""
expect_rc 0 "set --pain \"\""
run show "$full" --json
expect_jq '.pain' null "an empty --pain clears it to null"
run set "$full" --opportunity "" --owner "" --stage ""
expect_rc 0 "clearing several optional fields"
run show "$full" --json
expect_jq '[.opportunity, .owner, .stage] | map(tostring) | join(",")' "null,null,null" "the cleared fields are null"

run set "$full" --sa "First SA" --sa "Second SA"
expect_rc 0 "an option given twice"
run show "$full" --json
expect_jq '.sa' "Second SA" "an option given twice takes the last value"
run -q create "Twice" --account "First" --account "Second" --sa Sam --type onsite --type guided
twice=$OUT
run show "$twice" --json
expect_jq '.account + "/" + .type' "Second/guided" "create takes the last of repeated options"

run set "$full" --metrics "x" --json
expect_rc 0 "set --json"
expect_jq '.id' "$full" "set --json prints the record"
expect_jq '.metrics' x "set --json shows the new value"

# ---- relative dates, --today and POV_TODAY --------------------------------------------------
run -q create "Relative" --account R --sa Sam --start today --end +4w
rel=$OUT
run show "$rel" --json
expect_jq '.start + " " + .end' "2026-03-02 2026-03-30" "--start today --end +4w"
expect_jq '.created_on' 2026-03-02 "created_on is POV_TODAY"
run set "$rel" --start -3d --end +25d
expect_rc 0 "set with -3d and +25d"
run show "$rel" --json
expect_jq '.start + " " + .end' "2026-02-27 2026-03-27" "-3d and +25d"
run set "$rel" --start yesterday --end +14d
run show "$rel" --json
expect_jq '.start + " " + .end' "2026-03-01 2026-03-16" "yesterday and +14d"
run set "$rel" --start tomorrow --end +3w
run show "$rel" --json
expect_jq '.start + " " + .end' "2026-03-03 2026-03-23" "tomorrow and +3w"

run --today 2026-06-01 -q create "Flag today" --account T --sa Sam --start today --end +2w
run show "$OUT" --json
expect_jq '.start + " " + .end + " " + .created_on' "2026-06-01 2026-06-15 2026-06-01" "--today sets today"
POV_TODAY=2026-07-01 run -q create "Env today" --account T --sa Sam --start today --end +2w
run show "$OUT" --json
expect_jq '.start + " " + .end' "2026-07-01 2026-07-15" "POV_TODAY sets today"
POV_TODAY=2026-07-01 run --today 2026-08-03 -q create "Both" --account T --sa Sam --start today --end +2w
run show "$OUT" --json
expect_jq '.start' "2026-08-03" "--today wins over POV_TODAY"

# ---- warnings --------------------------------------------------------------------------------
run create "Lite" --account "Small Co" --sa Sam --type lite --segment commercial \
  --start 2026-03-02 --end 2026-03-20
expect_rc 0 "a lite commercial POV"
expect_out "Created POV" "the lite POV is created"
expect_err "pov: warning: " "creating a lite POV warns"
expect_err_lacks "pov: error" "a warning is not an error"
expect_out_lacks "warning" "the warning is not on stdout"

# Lifecycle and identity fields are not options of set (--started-on corrects a start: test_forgiving_strict.sh).
before=$(db_sum)
for option in "--status closed" "--id 7" "--uuid x" "--closed-on 2026-03-01" \
  "--result successful" "--champion-signoff 2026-03-01" "--approved-by Boss" "--created-on 2026-03-01"; do
  # shellcheck disable=SC2086
  run set "$full" $option
  expect_fail 2 "set $option"
done
expect_same_db "$before" "set of lifecycle fields"
run create "No title" --account A --sa S --capability ""
expect_fail 3 "an empty --capability"
run -q create "Leap" --account A --sa S --start 2024-02-29 --end 2024-03-20
expect_rc 0 "29 February of a leap year"
run show "$OUT" --json
expect_jq '.start' 2024-02-29 "the leap day is kept"

# ---- quiet -----------------------------------------------------------------------------------
run -q set "$full" --pain "Quiet pain"
expect_rc 0 "set -q"
expect_no_out "set -q prints nothing"
run -q log "$full" "Quiet note"
expect_no_out "log -q prints nothing"
run -q show "$full" --json
expect_jq '.pain' "Quiet pain" "-q still prints data"

# ---- set validates the whole record ----------------------------------------------------------
before=$(db_sum)
run set "$rel" --end 2026-12-31
expect_fail 3 "set an end past the guided maximum"
run set "$rel" --type onsite
expect_fail 3 "set a type whose duration rule the dates break"
run set "$full" --type lite --segment enterprise
expect_fail 3 "set a lite type in the enterprise segment"
run set "$full" --solution nope
expect_fail 3 "set an unknown solution"
run set "$full" --name ""
expect_fail 3 "clear the required name"
run set "$full" --stage -1
CHECKS=$((CHECKS + 1))
[[ $RC == 2 || $RC == 3 ]] || fail "set --stage -1: wanted exit 2 or 3"
expect_same_db "$before" "failed sets"

finish

# show and list: the JSON shapes of section 12, list's filters and sorting, and the risks of
# section 9 as show and list report them.
source "$(dirname "$0")/lib.sh"

# ---- show --json: every key present, null when missing -----------------------------------------
pov create "Bare" --account "Bare Co" --sa Sam
run show 1 --json
expect_rc 0 "show --json"
expect_no_err "show --json writes nothing on stderr"
keys="id uuid name account opportunity stage segment deal net_arr lam_significant type strategic solution
owner sa csm champion economic_buyer technical_lead business_owner champion_signoff eb_signoff why_now
why_anything metrics decision_process pain eb_access impact desired_future business_outcomes objective
in_scope out_of_scope customer_commitments next_steps start end started_on closed_on status approved_by
approved_on result reason competitor loss_type ps_positioned license_purchased capabilities extensions
journal risks"
missing=""
for key in $keys; do
  jq -e --arg k "$key" 'has($k)' >/dev/null <<<"$OUT" || missing="$missing $key"
done
expect_eq "$missing" "" "show --json has every key of sections 2 and 12"
nulls="opportunity stage deal net_arr solution owner csm champion economic_buyer technical_lead
business_owner champion_signoff eb_signoff why_now why_anything metrics decision_process pain eb_access
impact desired_future business_outcomes objective in_scope out_of_scope customer_commitments next_steps
start end started_on closed_on approved_by approved_on result reason competitor loss_type"
not_null=""
for key in $nulls; do
  jq -e --arg k "$key" '.[$k] == null' >/dev/null <<<"$OUT" || not_null="$not_null $key"
done
expect_eq "$not_null" "" "unset fields are null in show --json"
expect_json '(.capabilities | type) == "array" and (.extensions | type) == "array" and (.journal | type) == "array" and (.risks | type) == "array"' \
  "capabilities, extensions, journal and risks are arrays"
expect_json '.lam_significant == false and .strategic == false and .ps_positioned == false and .license_purchased == false' \
  "booleans default to false"
expect_json '.id | type == "number"' "id is a number"

run show 1
expect_rc 0 "show in text"
expect_out "POV 1: Bare" "show's title line"
expect_out "Bare Co" "show shows the account"

# ---- list --json ---------------------------------------------------------------------------------
run list --json
expect_rc 0 "list --json"
expect_json 'type == "array" and length == 1' "list --json is an array"
expect_json '.[0] | has("journal") | not' "list --json has no journal"
expect_json '.[0] | has("capabilities") and has("risks") and has("extensions")' "list --json has capabilities, extensions and risks"
expect_json '.[0] | has("why_now") and .why_now == null' "list --json keeps null keys"
run list --sa Nobody --json
expect_rc 0 "list with no match"
expect_eq "$OUT" "[]" "list --json is [] when nothing matches"
run list --sa Nobody
expect_rc 0 "list in text with no match"
expect_no_out "list in text with no match prints no rows"

# ---- a small portfolio ---------------------------------------------------------------------------
# 1 Bare (new, Sam), 2 zeta (new onsite, Lee, Acme), 3 Alpha (qualified, Sam), 4 Mid (in progress,
# Lee), 5 Closed (closed, Sam), 6 Gone (cancelled, Lee)
pov create "zeta" --account "Acme" --sa Lee --type onsite --start 2026-03-02 --end 2026-03-06
qualified_pov "Alpha" Sam >/dev/null
started_pov "Mid" Lee >/dev/null
c=$(started_pov "Closed" Sam)
pov cap set "$c" 1 --status met
pov close "$c" --result successful --reason "Won"
pov create "Gone" --account "Gone Ltd" --sa Lee
pov cancel 6 --reason "No budget"

ids() { jq -r '[.[].id] | join(",")' <<<"$OUT"; }
run list --json
expect_eq "$(ids)" "1,2,3,4" "list defaults to the open POVs"
run list --all --json
expect_eq "$(ids)" "1,2,3,4,5,6" "--all lists every POV"
run list --status closed --json
expect_eq "$(ids)" "5" "--status closed"
run list --status cancelled --status closed --json
expect_eq "$(ids)" "5,6" "--status repeats"
run list --status in-progress --json
expect_eq "$(ids)" "4" "--status in-progress"
run list --status in_progress --json
expect_eq "$(ids)" "4" "--status in_progress"
run list --status qualified --json
expect_eq "$(ids)" "3" "--status qualified"
run list --sa Lee --json
expect_eq "$(ids)" "2,4" "--sa (open only)"
run list --sa Lee --all --json
expect_eq "$(ids)" "2,4,6" "--sa --all"
run list --account Acme --json
expect_eq "$(ids)" "2" "--account"
run list --type onsite --json
expect_eq "$(ids)" "2" "--type onsite"
run list --type paid --json
expect_eq "$OUT" "[]" "--type with no match"
run list --type foo
expect_fail 2 "list --type foo"
run list --sort name --json
expect_eq "$(ids)" "3,1,4,2" "--sort name ignores case"
run list --sort name --all --json
expect_eq "$(ids)" "3,1,5,6,4,2" "--sort name --all"
run list --limit 1 --json
expect_eq "$(ids)" "1" "--limit 1"
run list --sort name --limit 2 --json
expect_eq "$(ids)" "3,1" "--sort name --limit 2"
run list --limit 0 --json
expect_eq "$OUT" "[]" "--limit 0"
run list
expect_rc 0 "list in text"
expect_out "Alpha" "text list shows names"
expect_out "in_progress" "text list shows statuses"
expect_out_lacks "Closed" "text list hides closed POVs by default"

# ---- risks -----------------------------------------------------------------------------------------
# POV 4 (Mid): started 2026-03-02, ends 2026-03-30, signed off, one pending capability.
risks_of() { "$POV_BIN" --db "$DB" "$@" </dev/null | jq -r '.risks | join(",")'; }
risk_in() { [[ ",$1," == *",$2,"* ]]; }

r=$(risks_of show 4 --json)
CHECKS=$((CHECKS + 1))
! risk_in "$r" overdue && ! risk_in "$r" ending_soon || fail "no overdue or ending_soon on day one ($r)"
CHECKS=$((CHECKS + 1))
risk_in "$r" ps_not_positioned || fail "a running POV without PS positioned: ps_not_positioned ($r)"
r=$(risks_of --today 2026-03-25 show 4 --json)
CHECKS=$((CHECKS + 1))
risk_in "$r" ending_soon || fail "5 days before the end: ending_soon ($r)"
r=$(risks_of --today 2026-03-31 show 4 --json)
CHECKS=$((CHECKS + 1))
risk_in "$r" overdue || fail "a day after the end: overdue ($r)"
CHECKS=$((CHECKS + 1))
! risk_in "$r" ending_soon || fail "overdue is not also ending_soon ($r)"
CHECKS=$((CHECKS + 1))
risk_in "$r" stale || fail "no journal entry for 29 days: stale ($r)"
CHECKS=$((CHECKS + 1))
risk_in "$r" no_progress || fail "past half its length with every capability pending: no_progress ($r)"
pov set 4 --ps-positioned yes
r=$(risks_of show 4 --json)
CHECKS=$((CHECKS + 1))
! risk_in "$r" ps_not_positioned || fail "PS positioned: no ps_not_positioned ($r)"

run --today 2026-03-31 list --overdue --json
expect_eq "$(ids)" "4" "list --overdue after the end"
expect_jq '.[0].risks | index("overdue") != null' true "list shows the overdue risk"
run list --overdue --json
expect_eq "$OUT" "[]" "list --overdue before the end"
run --today 2026-03-25 list --ending-within 7 --json
expect_eq "$(ids)" "4" "--ending-within 7, five days before the end"
run --today 2026-03-20 list --ending-within 7 --json
expect_eq "$OUT" "[]" "--ending-within 7, ten days before the end"
run --today 2026-03-25 list --ending-within 7
expect_out "Mid" "text list --ending-within"

# unsigned_criteria: a criteria change after start clears the sign-offs.
pov cap add 4 "Deploy daily"
r=$(risks_of show 4 --json)
CHECKS=$((CHECKS + 1))
risk_in "$r" unsigned_criteria || fail "running without sign-offs: unsigned_criteria ($r)"
CHECKS=$((CHECKS + 1))
risk_in "$r" criteria_creep || fail "criteria changed after start: criteria_creep ($r)"
pov signoff 4 --champion
pov signoff 4 --economic-buyer
r=$(risks_of show 4 --json)
CHECKS=$((CHECKS + 1))
! risk_in "$r" unsigned_criteria || fail "signed again: no unsigned_criteria ($r)"

# endless_extension: two extensions.
pov extend 4 --to 2026-04-10 --reason "Holiday"
r=$(risks_of show 4 --json)
CHECKS=$((CHECKS + 1))
! risk_in "$r" endless_extension || fail "one extension is not endless ($r)"
pov extend 4 --to 2026-04-20 --reason "Late data"
r=$(risks_of show 4 --json)
CHECKS=$((CHECKS + 1))
risk_in "$r" endless_extension || fail "two extensions: endless_extension ($r)"
run show 4 --json
expect_jq '.extensions | length' 2 "show --json lists both extensions"

# over_limit: Lee runs 4 with --force.
for name in O1 O2; do started_pov "$name" Lee >/dev/null; done
o4=$(qualified_pov "O4" Lee)
r=$(risks_of show 4 --json)
CHECKS=$((CHECKS + 1))
! risk_in "$r" over_limit || fail "at the limit is not over it ($r)"
pov start "$o4" --force
r=$(risks_of show 4 --json)
CHECKS=$((CHECKS + 1))
risk_in "$r" over_limit || fail "four running for Lee: over_limit ($r)"
run list --sa Lee --status in-progress --json
expect_jq '[.[] | .risks | index("over_limit") != null] | all' true "list shows over_limit on each of Lee's POVs"
expect_jq 'length' 4 "Lee runs four"

# not_approved: running without approval once approval is required.
printf '[rules]\nrequire_approval = true\n' >"$WORK/approval.toml"
r=$(risks_of show 4 --json)
CHECKS=$((CHECKS + 1))
! risk_in "$r" not_approved || fail "approval not required: no not_approved ($r)"
r=$(risks_of --config "$WORK/approval.toml" show 4 --json)
CHECKS=$((CHECKS + 1))
risk_in "$r" not_approved || fail "approval required and missing: not_approved ($r)"

# ps_not_positioned on a qualified POV.
r=$(risks_of show 3 --json)
CHECKS=$((CHECKS + 1))
risk_in "$r" ps_not_positioned || fail "a qualified POV without PS positioned: ps_not_positioned ($r)"
r=$(risks_of show 1 --json)
expect_eq "$r" "" "a new POV has no risks"

# Text show lists the risks.
run --today 2026-04-25 show 4
expect_out "Risks" "show has a Risks section"
expect_out "overdue" "show names the overdue risk"
expect_out "over_limit" "show names the over_limit risk"


# ---- --sa and --account: any letter case, the whole name or the start of a word (section 6) ----
fdb=$WORK/filters.db
"$POV_BIN" --db "$fdb" -q create "Filter one" --account "Northwind Logistics" --sa "Priya Raman" --start 2026-03-02 --end 2026-03-20 </dev/null >/dev/null
"$POV_BIN" --db "$fdb" -q create "Filter two" --account "Globex" --sa "Marcus Chen" --start 2026-03-02 --end 2026-03-20 </dev/null >/dev/null
for query in priya raman "priya raman" "PRIYA RAMAN" ram; do
  OUT=$("$POV_BIN" --db "$fdb" list --sa "$query" --json </dev/null 2>&1)
  RC=$?
  expect_jq '[.[].name] | join(",")' "Filter one" "list --sa '$query' finds Priya Raman"
done
OUT=$("$POV_BIN" --db "$fdb" list --sa iya --json </dev/null 2>&1)
expect_jq 'length' 0 "list --sa iya matches no word start"
OUT=$("$POV_BIN" --db "$fdb" list --account logistics --json </dev/null 2>&1)
expect_jq '[.[].name] | join(",")' "Filter one" "list --account logistics"
OUT=$("$POV_BIN" --db "$fdb" list --account "glob" --json </dev/null 2>&1)
expect_jq '[.[].name] | join(",")' "Filter two" "list --account glob"
OUT=$("$POV_BIN" --db "$fdb" report --sa "priya raman" --json </dev/null 2>&1)
expect_jq '.counts.new' 1 "report --sa 'priya raman' counts Priya's POV"
expect_jq '.period.created' 1 "report --sa 'priya raman' counts what she created"

finish

# Issue 9, the record half: the new fields (exec_review_on, business_impact, findings), shared
# journal notes, the results document for the customer and for the account team, the risks
# off_track, late_start and no_exec_review, and migration 2 from a version-1 database.
source "$(dirname "$0")/lib.sh"

# ---- the new fields: create, set, show, JSON, list ----------------------------------------------
id=$(started_pov "Acme Results")
run set "$id" --exec-review-on 2026-03-27 --business-impact $'Reviews cut from 10 days to 1\n2,400 hours a year' \
  --findings "Dedicated runners keep pipelines under 10 minutes"
expect_rc 0 "set the new fields"
expect_out "exec_review_on" "set names the changed fields"
run show "$id" --json
expect_jq '.exec_review_on' 2026-03-27 "show --json has exec_review_on"
expect_jq '.business_impact' $'Reviews cut from 10 days to 1\n2,400 hours a year' "show --json has business_impact"
expect_jq '.findings' "Dedicated runners keep pipelines under 10 minutes" "show --json has findings"
run list --json
expect_jq ".[] | select(.id == $id) | [.exec_review_on, .findings != null, .business_impact != null] | @tsv" \
  $'2026-03-27\ttrue\ttrue' "list --json has the new keys"
run show "$id"
expect_out "Exec review     2026-03-27" "show has the executive review"
expect_out "Impact          Reviews cut from 10 days to 1" "show has the business impact"
expect_out "Findings        Dedicated runners" "show has the findings"
run set "$id" --exec-review-on someday
expect_fail 2 "a malformed executive review date"
run set "$id" --findings ""
run show "$id" --json
expect_jq '.findings' null "an empty value clears findings"
run create "Dated" --account Acme --sa Sam --exec-review-on +3w --json
expect_jq '.exec_review_on' 2026-03-23 "create takes --exec-review-on with a relative date"

# ---- log --shared ------------------------------------------------------------------------------
run log "$id" "Kickoff with both pilot teams" --shared
expect_rc 0 "log --shared"
expect_eq "$OUT" "Logged a shared note on POV $id" "log --shared says the note is shared"
run log "$id" "Rival Inc. pitched a discount to procurement"
expect_eq "$OUT" "Logged a note on POV $id" "a plain note"
run retro "$id" --went-well "Scans live" --problems "Slow runners" --change "More runners" --on-track yes
run show "$id" --json
expect_jq '[.journal[] | .shared] | @csv' "true,false,false" "journal entries carry shared"
run show "$id"
expect_out "[shared] Kickoff with both pilot teams" "show marks a shared note"
expect_out "note   Rival Inc." "show leaves a plain note unmarked"
run history "$id" --json
expect_jq '[.[] | select(.kind == "logged")][0].changes.journal[1].shared' true "the logged event records shared"

# ---- the results document ------------------------------------------------------------------------
pov cap set "$id" 1 --status partial --evidence "p95 11 min"
run results "$id"
expect_rc 0 "results"
expect_out "Kickoff with both pilot teams" "the customer's document has the shared note"
expect_out_lacks "Rival Inc." "the customer's document leaks an internal note"
expect_out_lacks "Slow runners" "the customer's document leaks a retro"
[[ $OUT != *"pass"* && $OUT != *"Internal"* ]] || fail "the customer's document says pass, or internal"
CHECKS=$((CHECKS + 3))
expect_out "| partly met | p95 11 min |" "a partial criterion reads 'partly met'"
expect_out $'## Business impact\n\nReviews cut from 10 days to 1' "the business impact"
expect_out $'## Technical findings and recommendations\n\nNo technical findings recorded.' "empty findings say so"
expect_out "- **Executive review**: 2026-03-27" "the timeline has the executive review"
run results "$id" --internal
expect_out "# Proof of Value results (internal): Acme Results (Acme Results Corp)" "the internal title"
expect_out "**Internal: for the account team only." "the internal document says so first"
expect_out "Rival Inc. pitched a discount" "the internal document has the internal note"
expect_out "Slow runners" "the internal document has the retro"
run results "$id" --internal --format html
expect_out '<p class="internal"' "the internal HTML says so"
expect_out "Rival Inc. pitched a discount" "the internal HTML has the internal note"
run results "$id" --format html
expect_out_lacks "Rival Inc." "the customer's HTML leaks an internal note"
CHECKS=$((CHECKS + 1))
expect_out "Kickoff with both pilot teams" "the customer's HTML has the shared note"

cancelled=$(qualified_pov "Cancelled One")
pov cancel "$cancelled" --reason "Customer froze all new spend"
run results "$cancelled"
expect_out "- **Outcome**: Cancelled on 2026-03-02" "a cancelled POV's outcome"
expect_out "- **Why it was cancelled**: Customer froze all new spend" "a cancelled POV's document gives the reason"

# ---- risks: no_exec_review, off_track, late_start --------------------------------------------------
other=$(started_pov "No Review")
run show "$other" --json
expect_jq '.risks | index("no_exec_review") != null' true "running without an executive review"
run list
expect_out "no_exec_review" "list shows no_exec_review"
run show "$id" --json
expect_jq '.risks | index("no_exec_review")' null "a booked review in the future is no risk"
run --today 2026-03-28 show "$id" --json
expect_jq '.risks | index("no_exec_review") != null' true "a review date passed while still running"

pov retro "$id" --went-well "Demo went well" --problems "No test environment" --change "Escalate" --on-track no
run show "$id"
expect_out "off_track" "show lists off_track after an off-track retro"
expect_out "the latest retro says it is off track" "show gives off_track's advice"
run list --json
expect_jq ".[] | select(.id == $id) | .risks | index(\"off_track\") != null" true "list --json has off_track"
run report --json
expect_jq ".attention[] | select(.id == $id) | .risks | index(\"off_track\") != null" true "the report's attention list"
expect_jq ".attention[] | select(.id == $id) | .advice | map(select(test(\"off track\"))) | length" 1 \
  "the report gives off_track's advice"
pov retro "$id" --went-well "Environment arrived" --problems "None" --change "None" --on-track yes
run show "$id" --json
expect_jq '.risks | index("off_track")' null "a later retro on track clears off_track"

late=$(qualified_pov "Late Starter")
run --today 2026-03-02 show "$late" --json
expect_jq '.risks | index("late_start")' null "not late on its planned start day"
run --today 2026-03-03 list --json
expect_jq ".[] | select(.id == $late) | .risks | index(\"late_start\") != null" true "late the day after"
run --today 2026-03-03 report
expect_out "late_start" "the report's attention list has late_start"
expect_out "its planned start has passed" "the report gives late_start's advice"

# ---- plans carry the new fields ----------------------------------------------------------------------
run plan template
expect_out "# ---- Results: for the results document (pov results) ----" "the template has a results section"
expect_out $'# The executive review meeting, booked while planning (guards against a vanishing sponsor); YYYY-MM-DD, or "today", "+14d"\nexec_review_on = ""' \
  "the template comments exec_review_on from its meaning"
expect_out 'business_impact = ""' "the template has business_impact"
expect_out 'findings = ""' "the template has findings"
run plan show "$id"
expect_out "exec_review_on = 2026-03-27" "plan show has the executive review as a TOML date"
printf '%s\n' "$OUT" >"$WORK/acme.toml"
planned=$(POV_TODAY=2026-03-02 "$POV_BIN" --db "$DB" -q create "Acme Copy" --from "$WORK/acme.toml" </dev/null)
run show "$planned" --json
expect_jq '[.exec_review_on, .business_impact, .findings] | @json' \
  '["2026-03-27","Reviews cut from 10 days to 1\n2,400 hours a year",null]' "a plan round trip keeps the new fields"

# ---- export → import → export ----------------------------------------------------------------------
run export --output "$WORK/one.json"
expect_rc 0 "export"
jq -e '.povs[] | select(.name == "Acme Results") | .exec_review_on == "2026-03-27" and (.journal[0].shared == true)' \
  "$WORK/one.json" >/dev/null || fail "the export has the new keys"
CHECKS=$((CHECKS + 1))
DB=$WORK/copy.db
run import "$WORK/one.json"
expect_rc 0 "import into a new database"
run export --output "$WORK/two.json"
expect_eq "$(jq -S 'del(.exported_at)' "$WORK/one.json")" "$(jq -S 'del(.exported_at)' "$WORK/two.json")" \
  "export → import → export is identical"
run export --format csv
expect_out "exec_review_on,business_impact,findings" "the CSV export has the new columns"
# A hand-written document without the new keys: null and false.
DB=$WORK/hand.db
jq '{schema, povs: [.povs[0] | del(.exec_review_on, .business_impact, .findings, .events) | .journal |= map(del(.shared))]}' \
  "$WORK/one.json" >"$WORK/old.json"
run import "$WORK/old.json"
expect_rc 0 "import a document without the new keys"
run show 1 --json
expect_jq '[.exec_review_on, .business_impact, .findings, (.journal | map(.shared) | unique)] | @json' \
  '[null,null,null,[false]]' "missing keys mean null and false"
jq '.povs[0].journal[0].shared = "yes"' "$WORK/one.json" >"$WORK/bad.json"
DB=$WORK/bad.db
run import "$WORK/bad.json"
expect_fail 3 "a shared that is not true or false"
expect_err "shared" "the error names the key"

# ---- migration 2 from a version-1 database --------------------------------------------------------
# A version-1 database: this binary's schema with migrations 4, 3 and 2 taken back out.
DB=$WORK/v1.db
pov create "Old One" --account "Old Corp" --sa Sam --next-steps "Sign the order" --net-arr 100k
pov log 1 "A note from before the upgrade"
sqlite3 "$DB" 'CREATE INDEX povs_closed_on ON povs (closed_on); CREATE INDEX povs_started_on ON povs (started_on);
  CREATE INDEX povs_created_on ON povs (created_on); DROP TRIGGER events_net_arr; DROP VIEW event_net_arr_source; DROP TABLE event_net_arr; DROP INDEX events_at; DROP INDEX journal_retro;
  ALTER TABLE povs DROP COLUMN exec_review_on; ALTER TABLE povs DROP COLUMN business_impact;
  ALTER TABLE povs DROP COLUMN findings; ALTER TABLE journal DROP COLUMN shared; PRAGMA user_version = 1'
expect_eq "$(sqlite3 "$DB" 'PRAGMA user_version')" 1 "the database is at version 1"
run show 1 --json
expect_rc 0 "a version-1 database opens"
expect_jq '[.name, .next_steps, .exec_review_on, .journal[0].text, .journal[0].shared] | @json' \
  '["Old One","Sign the order",null,"A note from before the upgrade",false]' "migration 2 keeps the data"
expect_eq "$(sqlite3 "$DB" 'PRAGMA user_version')" 4 "the database is now at version 4"
expect_eq "$(sqlite3 "$DB" 'SELECT count(*) FROM event_net_arr')" 1 "migration 3 copies the created event's net ARR"
expect_eq "$(sqlite3 "$DB" "SELECT group_concat(name) FROM sqlite_master WHERE name LIKE 'povs_%_on'")" "" \
  "migration 4 drops the date indexes no query reads"
run log 1 "After the upgrade" --shared
run show 1 --json
expect_jq '[.journal[] | .shared] | @csv' "false,true" "a shared note after the upgrade"

finish

# history: the audit log of section 8, oldest first, with the fields changed as [old, new].
source "$(dirname "$0")/lib.sh"

id=$(started_pov "Acme")
pov set "$id" --pain "Slow audits"
pov log "$id" "Kick-off"
pov extend "$id" --to 2026-04-10 --reason "Holiday"
pov cap set "$id" 1 --status met
pov close "$id" --result successful --reason "Proved value"
pov reopen "$id" --reason "Reopened for a second team"
pov cancel "$id" --reason "Budget"

run history "$id" --json
expect_rc 0 "history --json"
expect_no_err "history --json writes nothing on stderr"
expect_json 'type == "array"' "history --json is an array"
expect_jq '[.[].kind] | join(",")' \
  "created,signed_off,signed_off,qualified,started,updated,logged,extended,updated,closed,reopened,cancelled" \
  "every change appends an event, oldest first"
expect_json 'all(.[]; has("at") and has("kind") and has("changes") and has("detail"))' \
  "each event has at, kind, changes, detail"
expect_json 'all(.[]; .at | test("^2026-03-02T[0-9]{2}:[0-9]{2}:[0-9]{2}"))' "at is a timestamp on the given day"
expect_json 'all(.[]; .changes | type == "object")' "changes is an object"
expect_json 'all(.[]; .changes | to_entries | all(.value | type == "array" and length == 2))' \
  "each change is [old, new]"

expect_jq '.[0].changes.name | "\(.[0]) \(.[1])"' "null Acme" "created records the name from null"
expect_jq '.[0].changes.sa[1]' Sam "created records the SA"
expect_jq '.[0].changes["capabilities.1"][1].title' "Build under 10 min" "created records the capabilities"
expect_jq '.[3].changes.status | join(">")' "new>qualified" "qualified records the status change"
expect_jq '.[4].changes.status | join(">")' "qualified>in_progress" "started records the status change"
expect_jq '.[4].changes.started_on | "\(.[0]) \(.[1])"' "null 2026-03-02" "started records started_on"
expect_jq '.[5].changes.pain | "\(.[0]) \(.[1])"' "Manual deploys Slow audits" "set records old and new"
expect_jq '.[5].changes | keys | join(",")' pain "set records only what changed"
expect_jq '.[6].changes.journal[1].text' "Kick-off" "log records the note"
expect_jq '.[7].changes.end | join(">")' "2026-03-30>2026-04-10" "extend records the end"
expect_jq '.[7].detail' "Holiday" "extend records the reason"
expect_jq '.[8].changes["capabilities.1.status"] | join(">")' "pending>met" "cap set records the status"
expect_jq '.[9].changes.result | "\(.[0]) \(.[1])"' "null successful" "close records the result"
expect_jq '.[9].detail' "Proved value" "close records the reason"
expect_jq '.[10].changes.status | join(">")' "closed>in_progress" "reopen records where it went back"
expect_jq '.[11].changes.status | join(">")' "in_progress>cancelled" "cancel records the status"
expect_jq '.[1].detail | test("Pat")' true "a sign-off names who signed"
expect_jq '.[0].detail' null "a missing detail is null"

# A failed or empty change appends nothing.
count=$("$POV_BIN" --db "$DB" history "$id" --json | jq length)
pov set "$id" --stage 99
pov set "$id" --end 2027-01-01
pov set "$id" --metrics "Lead time"
after=$("$POV_BIN" --db "$DB" history "$id" --json | jq length)
expect_eq "$after" "$count" "failed sets and a set to the same value append no event"
pov set "$id" --metrics "Cycle time"
after=$("$POV_BIN" --db "$DB" history "$id" --json | jq length)
expect_eq "$after" "$((count + 1))" "a set that changes something appends one event"

# Criteria change and forced start events.
q=$(qualified_pov "Q")
pov cap add "$q" "Deploy daily"
run history "$q" --json
expect_jq '.[-1].kind' criteria_changed "cap add records criteria_changed"
expect_jq '.[-1].changes["capabilities.2"][1].title' "Deploy daily" "criteria_changed records the new capability"
expect_jq '.[-1].changes.champion_signoff[1]' null "criteria_changed records the cleared sign-off"

for n in 1 2 3; do started_pov "L$n" Lee >/dev/null; done
f=$(qualified_pov "Forced" Lee)
pov start "$f" --force
run history "$f" --json
expect_jq '.[-1].kind' forced "a forced start is recorded as a forced event"
expect_jq '.[-2].kind' started "after the started event"

# Text and errors.
run history "$id"
expect_rc 0 "history in text"
expect_out "created" "text history shows the kinds"
expect_out "pain" "text history shows the changed fields"
run history 99 --json
expect_fail 4 "history of a missing POV"

finish

# pov export and pov import (contract sections 6, 12 and 13): the round trip, idempotence,
# all-or-nothing, the errors and their exit codes, the CSV and Salesforce forms, --output.
source "$(dirname "$0")/lib.sh"

sql="Robert'); DROP TABLE povs;--"
quotes="O'Brien said \"ship it\""
emoji="Rocket 🚀 launch ✅ naïve café 日本語"
multi=$'First line\n\n\tindented "quoted" line\nlast line, then a newline\n'

# ---- A database with every kind of POV and part, hostile text everywhere ----------------------
new=$(new_qualifiable_pov "$sql")
pov set "$new" --account "$quotes" --pain "$multi" --next-steps "$emoji" --csm "=1+1"
pov cap add "$new" "$emoji" --target "$quotes" --outcome "$sql"
pov log "$new" "$multi"
qualified=$(qualified_pov "Qualified One" Lee)
running=$(started_pov "Running One" Sam)
pov cap set "$running" 1 --evidence "$multi" --status met
pov --today 2026-03-09 log "$running" "Week one: green"
pov --today 2026-03-09 retro "$running" --went-well "builds" --problems "none" --change "nothing" --on-track yes
pov --today 2026-03-20 extend "$running" --to 2026-04-10 --reason "Customer \"holiday\" week"
won=$(started_pov "=HYPERLINK(\"http://evil\")" Ana)
pov --today 2026-03-20 cap set "$won" 1 --status met
pov --today 2026-03-20 close "$won" --result successful --reason "All criteria met, signed"
lost=$(started_pov "Lost One" Ana)
pov --today 2026-03-26 cap set "$lost" 1 --status not-met
pov --today 2026-03-26 close "$lost" --result unsuccessful --reason "Price" --competitor "Rival, Inc." --loss-type technical
cancelled=$(new_qualifiable_pov "Cancelled One")
pov cancel "$cancelled" --reason "Budget frozen"
undated=$("$POV_BIN" --db "$DB" -q create "Not dated yet" --account "Later Corp" --sa Sam </dev/null)

# ---- export → import into an empty database → export: the same document -----------------------
run --today 2026-03-30 export --output "$WORK/first.json"
expect_rc 0 "export --output"
expect_no_out "export --output prints nothing on stdout"
expect_eq "$(stat -c %a "$WORK/first.json")" 600 "the export file is 0600"
OUT=$(cat "$WORK/first.json")
expect_jq '.schema' "pov/1" "the document's schema"
expect_jq '.exported_at' "2026-03-30" "exported_at is the command's today"
expect_jq '.povs | length' 7 "every POV is exported"
expect_jq '[.povs[].id] | join(",")' "1,2,3,4,5,6,7" "in id order"
expect_jq '.povs[0].journal | length' 1 "with its journal"
expect_jq '.povs[2].extensions | length' 1 "with its extensions"
expect_jq '.povs[2].journal | map(.kind) | join(",")' "note,retro" "notes and retros"
expect_jq '[.povs[0].events[].kind] | join(",")' "created,updated,criteria_changed,logged" "with its history"
expect_json '.povs | all(has("capabilities") and has("extensions") and has("journal") and has("events"))' \
  "every record has its parts"
run --today 2026-03-30 export
expect_eq "$OUT" "$(cat "$WORK/first.json")" "export to stdout is the same document"

first_db=$DB
DB=$WORK/second.db
run --today 2026-03-30 import "$WORK/first.json"
expect_rc 0 "import into a new database"
expect_out "Imported 7 POVs: 7 added, 0 updated, 0 unchanged" "the import's report"
expect_eq "$(stat -c %a "$DB")" 600 "import creates the database with mode 0600"
run --today 2026-03-30 export --output "$WORK/second.json"
expect_file_same "$WORK/first.json" "$WORK/second.json" "export → import → export gives the same document"
run show "$undated" --json
expect_jq '[.start, .end] | map(tostring) | join(",")' "null,null" "a POV not dated yet comes back undated"
run history 2 --json
expect_jq '.[-1].kind' "imported" "an import adds an imported event"
expect_jq '.[-1].detail' "added from $WORK/first.json" "which names the file"
run show 1 --json
expect_jq '.name' "$sql" "SQL in a name survives"
expect_jq '.account' "$quotes" "quotes survive"
expect_jq '.next_steps' "$emoji" "emoji survive"
printf '%s' "$multi" >"$WORK/want"
jq -j .pain <<<"$OUT" >"$WORK/got"
expect_file_same "$WORK/want" "$WORK/got" "newlines in a multi-line field survive"
jq -j '.journal[0].text' <<<"$OUT" >"$WORK/got"
expect_file_same "$WORK/want" "$WORK/got" "newlines in a journal note survive"

# ---- a second import of the same file changes nothing ------------------------------------------
sum=$(db_sum)
run --today 2026-03-30 import "$WORK/first.json"
expect_rc 0 "a second import"
expect_out "Imported 7 POVs: 0 added, 0 updated, 7 unchanged" "a second import says unchanged"
expect_same_db "$sum" "a second import"
run --today 2026-03-30 import "$WORK/first.json" --json
expect_jq '[.added, .updated, .unchanged, .povs] | join(",")' "0,0,7,7" "--json gives the counts"
expect_jq '.ids.unchanged | join(",")' "1,2,3,4,5,6,7" "--json gives the ids"
run -q import "$WORK/first.json"
expect_rc 0 "-q import"
expect_no_out "-q import prints nothing"

# Importing the second database's own export into the first changes nothing there either.
DB=$first_db
sum=$(db_sum)
run import "$WORK/second.json"
expect_out "0 added, 0 updated, 7 unchanged" "an export imported back where it came from"
expect_same_db "$sum" "an export imported back where it came from"

# ---- a changed record is updated in place, a new one added; --dry-run writes nothing -----------
jq -c '.povs[1].sa = "Priya Raman" | .povs[1].journal += [{"on": "2026-03-28", "kind": "note", "text": "Handed over"}]
       | .povs += [.povs[0] | .uuid = "d5e0b0a4-2f1c-4b9e-8a77-0c1d2e3f4a5b" | .name = "Brand new" | .id = 99]' \
  "$WORK/first.json" >"$WORK/changed.json"
sum=$(db_sum)
run --today 2026-03-30 import "$WORK/changed.json" --dry-run
expect_rc 0 "--dry-run"
expect_out "Would import 8 POVs: 1 added, 1 updated, 6 unchanged (dry run: nothing was written)" "--dry-run reports"
expect_same_db "$sum" "--dry-run writes nothing"
run --today 2026-03-30 import "$WORK/changed.json" --dry-run --json
expect_jq '.dry_run' "true" "--dry-run --json says so"
expect_jq '[.ids.added[0], .ids.updated[0]] | join(",")' "8,2" "--dry-run gives the ids the import would"
run --today 2026-03-30 import "$WORK/changed.json"
expect_out "Imported 8 POVs: 1 added, 1 updated, 6 unchanged" "an import that updates and adds"
run show 2 --json
expect_jq '.sa' "Priya Raman" "the update keeps the local id"
expect_jq '.journal[-1].text' "Handed over" "and takes the document's journal"
run history 2 --json
expect_jq '.[-1].kind' "imported" "the update is an imported event"
expect_jq '.[-1].changes.sa | join(" → ")' "Lee → Priya Raman" "with the changes"
run show 8 --json
expect_jq '.name' "Brand new" "a new uuid gets the next id, not the file's"

# ---- all or nothing: an invalid record writes nothing and is named -----------------------------
jq -c '.povs[3].end = "2026-12-31"' "$WORK/first.json" >"$WORK/invalid.json"
sum=$(db_sum)
run import "$WORK/invalid.json"
expect_fail 3 "an invalid record"
expect_err "povs[3]" "the error names the record's index"
expect_err "uuid $(jq -r '.povs[3].uuid' "$WORK/first.json")" "the error names the record's uuid"
expect_err "must last 14–45 days" "the error names the rule"
expect_err "Nothing was imported." "the error says nothing was imported"
expect_same_db "$sum" "an invalid record"
jq -c 'del(.povs[4].account)' "$WORK/first.json" >"$WORK/no-account.json"
run import "$WORK/no-account.json"
expect_fail 3 "a record without an account"
expect_err "povs[4] (\"Lost One\"" "the record is named by its name"
expect_err "account is required" "the missing key is named"
expect_same_db "$sum" "a record without an account"

# ---- a uuid twice in one file: exit 3, no SQLite text --------------------------------------------
jq -c '.povs[5].uuid = .povs[0].uuid' "$WORK/first.json" >"$WORK/twice.json"
DB=$WORK/fresh.db
run import "$WORK/twice.json"
expect_fail 3 "a uuid twice in one file"
expect_err "povs[5]" "the second record is named"
expect_err "povs[0]" "the first one too"
CHECKS=$((CHECKS + 1))
[[ $ERR != *UNIQUE* && $ERR != *constraint* && $ERR != *SQLITE* ]] || fail "no SQLite text in the error"
run list --all --json
expect_eq "$OUT" "[]" "a failed import into a new database leaves no POV"
DB=$first_db

# ---- files that are not an export ------------------------------------------------------------------
sum=$(db_sum)
printf '{"schema": "pov/1",\n "povs": [\n  {"uuid": tru}\n]}\n' >"$WORK/broken.json"
run import "$WORK/broken.json"
expect_fail 3 "malformed JSON"
expect_err "is not valid JSON: line 3, column" "malformed JSON names the line and column"
printf '{"schema": "pov/7", "povs": []}' >"$WORK/other.json"
run import "$WORK/other.json"
expect_fail 3 "another schema"
expect_err 'schema "pov/7"' "the schema is named"
run export --format csv --output "$WORK/all.csv"
run import "$WORK/all.csv"
expect_fail 3 "a CSV export"
expect_err "cannot be imported" "the CSV is explained"
run import "$WORK/missing.json"
expect_fail 4 "a missing file"
expect_err "missing.json" "the missing file is named"
run import "$WORK"
expect_fail 4 "a folder"
expect_same_db "$sum" "failed imports"
run import
expect_rc 2 "import without a file"

# ---- stdin and stdout ---------------------------------------------------------------------------
DB=$WORK/piped.db
OUT=$("$POV_BIN" --db "$first_db" --today 2026-03-30 export --output - | "$POV_BIN" --db "$DB" import - 2>&1)
expect_eq "$OUT" "Imported 8 POVs: 8 added, 0 updated, 0 unchanged" "export | import -"
DB=$first_db

# ---- a database that does not exist: export creates nothing -------------------------------------------
run --db "$WORK/none.db" --today 2026-03-30 export
expect_rc 0 "export of a missing database"
expect_eq "$OUT" '{"schema":"pov/1","exported_at":"2026-03-30","povs":[]}' "an empty document"
expect_missing "$WORK/none.db" "export creates no database"
run --db "$WORK/none.db" import "$WORK/first.json" --dry-run
expect_out "7 added" "a dry run into a missing database"
expect_missing "$WORK/none.db" "a dry run creates no database"

# ---- CSV and Salesforce --------------------------------------------------------------------------------
run export --format csv
expect_rc 0 "export --format csv"
header=$(head -n 1 <<<"$OUT" | tr -d '\r')
expect_eq "${header%%,name,*}" "id,uuid" "the CSV header starts with id and uuid"
CHECKS=$((CHECKS + 1))
[[ $header == *",net_arr,"* && $header == *",status,"* && $header == *",capabilities,capabilities_met,capability_list,extensions" ]] ||
  fail "the CSV header has every scalar field and the criteria"
expect_out "\"'=HYPERLINK(\"\"http://evil\"\")\"" "a name starting with = is guarded in CSV"
expect_out ",'=1+1," "a CSM starting with = is guarded"
CHECKS=$((CHECKS + 1))
[[ $(python3 -c 'import csv,sys; rows=list(csv.reader(sys.stdin)); print(len(rows), len({len(r) for r in rows}))' <<<"$OUT") == "9 1" ]] ||
  fail "the CSV has a header and one row per POV, all as wide"

run export --format salesforce --output "$WORK/sf.csv"
expect_rc 0 "export --format salesforce"
expect_eq "$(stat -c %a "$WORK/sf.csv")" 600 "the Salesforce file is 0600"
expect_eq "$(head -n 1 "$WORK/sf.csv")" $'Proof of Value Name,Account,Opportunity,POV Owner,Solutions Architect,Customer Success Manager,POV Start Date,POV Close Date,POV Type,Status,Result,Notes\r' \
  "the Salesforce headers are exactly the contract's"
OUT=$(python3 -c 'import csv,sys,json; print(json.dumps(list(csv.DictReader(open(sys.argv[1], newline="")))))' "$WORK/sf.csv")
expect_jq '[.[].Status] | join(",")' "New,New,In Progress,Closed,Closed,Closed,New,New" "statuses map to New, In Progress, Closed"
expect_jq '[.[].Result] | join(",")' ",,,Successful,Unsuccessful,,," "results"
expect_jq '.[5].Notes | startswith("Cancelled: Budget frozen")' "true" "a cancelled POV says so in the notes"
expect_jq '.[1].Notes | startswith("Qualified")' "true" "a qualified POV says so in the notes"
expect_jq '.[3]["POV Start Date"] + " " + .[3]["POV Close Date"]' "2026-03-02 2026-03-20" "actual dates once there"
expect_jq '.[0]["POV Type"]' "Guided" "the type as the handbook names it"
expect_jq '.[6]["POV Start Date"] + .[6]["POV Close Date"]' "" "a POV not dated yet has no dates"
expect_jq '.[0]["Proof of Value Name"]' "$sql" "SQL in a name is plain text"
run export --format xml
expect_rc 2 "an unknown format"

# ---- --output: through a symlink, never onto a folder ---------------------------------------------
ln -s "$WORK/target.json" "$WORK/link.json"
run export --output "$WORK/link.json"
expect_rc 0 "export through a symlink"
CHECKS=$((CHECKS + 1))
[[ -L $WORK/link.json && -s $WORK/target.json ]] || fail "a symlink is written through to its target"
run export --output "$WORK"
expect_fail 6 "export onto a folder"
run export --output "$WORK/missing/export.json"
expect_fail 6 "export into a missing folder"
expect_missing "$WORK/missing" "export creates no folder"
leftovers=$(find "$WORK" -maxdepth 1 -name '.*.json.*' | wc -l)
expect_eq "$leftovers" 0 "a failed export leaves no temporary file"

finish

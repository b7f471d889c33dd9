#!/usr/bin/env bash
# Issue 10: input that is forgiving where people are and strict where data is (contract
# sections 2, 5, 6, 10 and 11), and the ordinary mistakes a user can fix.
source "$(dirname "$0")/lib.sh"

# ---- Money: commas group exactly three digits (section 2) ----------------------------------
for bad in '150,00' '1,2M' '1000,000' ',150'; do
  run create "Money" --account A --sa S --net-arr "$bad"
  expect_fail 2 "--net-arr $bad is refused"
  expect_err "'$bad'" "--net-arr $bad names the value"
done
expect_missing "$DB" "a refused create creates no database"
run -q create "Money" --account A --sa S --net-arr '$1,200,000'
expect_rc 0 "grouped money is accepted"
run show 1 --json
expect_jq .net_arr 1200000 "\$1,200,000 is 1200000"

# ---- Single-line text is trimmed; blank counts as empty (section 2) ------------------------
run -q create "  Trimmed  " --account " Acme " --sa "  Priya Raman "
expect_rc 0 "padded names are accepted"
id=$OUT
run show "$id" --json
expect_jq '[.name, .account, .sa] | join("|")' "Trimmed|Acme|Priya Raman" "names are stored trimmed"
for option in NAME --account --sa; do
  args=("Blank" --account A --sa S)
  case $option in
    NAME) args[0]="   " ;;
    --account) args[2]="   " ;;
    --sa) args[4]="  " ;;
  esac
  run create "${args[@]}"
  expect_fail 3 "a blank $option exits 3"
  expect_err "may not be empty" "a blank $option says it may not be empty"
done

# A command plan field of blanks is not filled: qualify names it.
id=$(new_qualifiable_pov "Blank impact")
pov signoff "$id" --champion
pov signoff "$id" --economic-buyer
run set "$id" --impact "   "
expect_rc 0 "a blank --impact clears it"
run qualify "$id" --json
expect_rc 1 "qualify fails with a blank impact"
expect_jq '.checks[] | select(.rule == "command_plan") | .ok' false "a blank impact is not filled"
run show "$id" --json
expect_jq .impact null "a blank impact is stored as empty"

# ---- Clearing a required field exits 3, whatever the field ---------------------------------
for option in --name --account --sa --type --segment; do
  sum=$(db_sum)
  run set "$id" "$option" ""
  expect_fail 3 "clearing $option exits 3"
  expect_same_db "$sum" "clearing $option writes nothing"
  run set "$id" "$option" "  "
  expect_fail 3 "a blank $option exits 3"
done

# ---- Files (sections 6 and 11) -------------------------------------------------------------
# A config named on purpose that is missing is a typo, not the defaults: exit 7.
run --config "$WORK/mistyped.toml" list
expect_fail 7 "a missing --config exits 7"
expect_err "$WORK/mistyped.toml" "the missing config is named"
POV_CONFIG=$WORK/mistyped.toml run list
expect_fail 7 "a missing POV_CONFIG exits 7"
run --config "$WORK/new/config.toml" config init
expect_rc 0 "config init still writes a named config that is not there yet"

# A database named on purpose that is missing: read commands warn and create nothing.
missing=$WORK/typo/pov.db
run_raw --db "$missing" list
expect_rc 0 "list on a missing --db"
expect_err "pov: warning: database $missing does not exist" "list warns that the named database is missing"
run_raw --db "$missing" report
expect_rc 0 "report on a missing --db"
expect_err "does not exist" "report warns that the named database is missing"
POV_DB=$missing run_raw report --json
expect_err "does not exist" "report warns that POV_DB is missing"
expect_missing "$WORK/typo" "reads create nothing"

# --output: - is stdout; a symlink is written through; a folder or a device exits 6.
cd "$WORK" || exit 1
run report --output -
expect_rc 0 "--output -"
expect_out "POV report:" "--output - writes stdout"
expect_missing ./- "--output - writes no file named -"
touch "$WORK/real.md"
ln -s "$WORK/real.md" "$WORK/link.md"
run report --output "$WORK/link.md"
expect_rc 0 "--output onto a symlink"
CHECKS=$((CHECKS + 1))
[[ -L $WORK/link.md ]] || fail "the symlink is kept"
expect_eq "$(head -c 11 "$WORK/real.md")" "POV report:" "the symlink's target is written"
run report --output "$WORK"
expect_fail 6 "--output a folder exits 6"
expect_err "use - for stdout" "a folder gets the hint"
run report --output /dev/null
expect_fail 6 "--output a device exits 6"
expect_err "use - for stdout" "a device gets the hint"

# ---- Errors that help (section 6) ----------------------------------------------------------
run lst
expect_fail 2 "an unknown command exits 2"
expect_eq "$(head -1 <<<"$ERR")" "pov: error: unknown command 'lst'; did you mean 'list'?" "an unknown command names the nearest"
run list --stauts new
expect_fail 2 "an unknown option exits 2"
expect_eq "$(head -1 <<<"$ERR")" "pov: error: unknown option '--stauts'; did you mean '--status'?" "an unknown option names the nearest"
run cap ad 1 T
expect_fail 2 "an unknown subcommand exits 2"
expect_err "unknown command 'cap ad'; did you mean 'cap add'?" "an unknown subcommand names the nearest"
run show 1 2 3
expect_fail 2 "extra arguments exit 2"
expect_err "2 3" "extra arguments are reported in the order typed"
run show 1 foo 1
expect_err "not expected by pov show: foo 1" "an extra word equal to the id is the later one"
run frobnicate
expect_fail 2 "an unknown command with nothing near"
expect_eq "$(head -1 <<<"$ERR")" "pov: error: unknown command 'frobnicate'" "no suggestion when nothing is near"

# pov help [COMMAND…] is --help.
run help
expect_rc 0 "pov help"
expect_eq "$OUT" "$("$POV_BIN" --help)" "pov help is pov --help"
run help cap add
expect_rc 0 "pov help cap add"
expect_eq "$OUT" "$("$POV_BIN" cap add --help)" "pov help cap add is pov cap add --help"
run help lst
expect_fail 2 "pov help of an unknown command"
expect_err "did you mean 'list'?" "pov help suggests the nearest command"

# A group given alone lists its subcommands.
for group in "cap:add set rm list" "db:check backup path" "config:init show path" "plan:template show"; do
  name=${group%%:*}
  run "$name"
  expect_fail 2 "pov $name alone is a usage error"
  for sub in ${group#*:}; do
    expect_err "pov $name $sub" "pov $name lists $sub"
  done
done

# config show and db check take --json.
run config show --json
expect_rc 0 "config show --json"
expect_jq .config.rules.max_capabilities 5 "config show --json holds the rules"
run db check --json
expect_rc 0 "db check --json"
expect_jq .ok true "db check --json says ok"

# qualify names the step that will work: approval first when the config requires it.
printf '[rules]\nrequire_approval = true\n' >"$WORK/approval.toml"
id=$(new_qualifiable_pov "Needs approval")
pov signoff "$id" --champion
pov signoff "$id" --economic-buyer
run --config "$WORK/approval.toml" qualify "$id"
expect_rc 0 "qualify with approval required"
expect_out "pov approve $id --by NAME" "qualify says approve first"
CHECKS=$((CHECKS + 1))
[[ $OUT != *"pov start $id"* ]] || fail "qualify does not say start when approval is required"

# ---- Corrections (sections 2, 5, 6) --------------------------------------------------------
id=$(qualified_pov "Corrections")
run start "$id" --on 2026-02-27
expect_rc 0 "an early start"
expect_err "before its planned start 2026-03-02" "an early start warns"
run log "$id" "Missed Friday check-in" --on 2026-02-28
expect_rc 0 "log --on"
run show "$id" --json
expect_jq '.journal[0].on' 2026-02-28 "log --on dates the note"
run log "$id" "Tomorrow" --on tomorrow
expect_fail 3 "log --on in the future"
run retro "$id" --went-well a --problems b --change c --on-track yes --on yesterday
expect_rc 0 "retro --on"
run set "$id" --started-on 2026-02-25
expect_rc 0 "set --started-on"
run show "$id" --json
expect_jq .started_on 2026-02-25 "the start is corrected"
run set "$id" --started-on tomorrow
expect_fail 3 "--started-on in the future"
other=$(new_qualifiable_pov "Not started")
run set "$other" --started-on 2026-02-25
expect_fail 5 "--started-on a POV that has not started"

run delete "$id"
expect_fail 2 "delete without --yes"
expect_err "give --yes" "delete without --yes says what would go"
run delete "$id" --yes
expect_rc 0 "delete --yes"
run show "$id"
expect_fail 4 "a deleted POV is gone"
run -q create "After delete" --account A --sa S
CHECKS=$((CHECKS + 1))
[[ $OUT -gt $id ]] || fail "a deleted id is never reused"

# ---- Words (issue 10) ------------------------------------------------------------------------
# A range with equal ends reads as one number: "it has only capability 1", never "it has 1–1".
run -q create "One criterion" --account A --sa S --capability "Only one"
one=$OUT
run cap set "$one" 2 --status met
expect_fail 4 "a capability beyond the last"
expect_err "POV $one has no capability 2; it has only capability 1" "one capability reads as one number"
expect_err_lacks "1–1" "a range with equal ends is not printed as 1–1"
pov cap add "$one" "Second"
run cap set "$one" 3 --status met
expect_err "it has capabilities 1–2" "two capabilities read as a range"
# Removing the second-to-last criterion renumbers one: "capability 2 renumbered 1", not "2–2 … 1–1".
pov cap rm "$one" 1
run history "$one"
expect_out "capability 2 renumbered 1" "one renumbered criterion reads as one number"

# An empty --overdue or --ending-within says what is true; --all would not help there.
run list --overdue
expect_rc 0 "an empty list --overdue"
expect_err "No POVs match: none in progress is past its end." "an empty --overdue says what it looked for"
expect_err_lacks "--all" "an empty --overdue does not suggest --all"
run list --ending-within 0
expect_err "none in progress ends within 0 days" "an empty --ending-within says what it looked for"
expect_err_lacks "--all" "an empty --ending-within does not suggest --all"
run list --account "Nobody at all"
expect_err "(closed and cancelled ones: --all)" "an empty open list still points at --all"

# config init: each type's comment is a sentence, never "the common enterprise POV POV".
run_raw --config "$WORK/words.toml" config init
expect_rc 0 "config init"
CHECKS=$((CHECKS + 1))
! grep -q "POV POV" "$WORK/words.toml" || fail "config init writes 'POV POV'"
CHECKS=$((CHECKS + 1))
grep -qx "# A guided POV: the common enterprise POV." "$WORK/words.toml" || fail "config init describes guided"
CHECKS=$((CHECKS + 1))
grep -qx "# An onsite POV: intense, on the customer's premises." "$WORK/words.toml" || fail "config init: an onsite"

# set requires nothing: its --help marks no field required (create's does).
run_raw set --help
expect_rc 0 "set --help"
for option in --name --account --sa; do
  CHECKS=$((CHECKS + 1))
  grep -E -- "^ +$option " <<<"$OUT" | grep -qi "required" && fail "set --help marks $option required"
done
run_raw create --help
CHECKS=$((CHECKS + 1))
grep -E -- "^ +--sa " <<<"$OUT" | grep -q "(required)" || fail "create --help marks --sa required"

# show and cap list show a criterion's business outcome.
run -q create "Outcome" --account A --sa S
outcome=$OUT
pov cap add "$outcome" "Audit evidence" --target "< 1 h" --outcome "Pass the audit"
run cap list "$outcome"
expect_out "OUTCOME" "cap list has an outcome column"
expect_out "Pass the audit" "cap list shows the outcome"
run show "$outcome"
expect_out "Pass the audit" "show shows the outcome"

# pov help's own help names its argument [COMMAND...], not "COMMAND TEXT".
run_raw help --help
expect_rc 0 "pov help --help"
expect_out "[COMMAND...]" "pov help --help names its argument"
expect_out_lacks "COMMAND TEXT" "pov help --help reads COMMAND TEXT"

# ---- Imported records are trimmed like options (section 2) ----------------------------------
cat >"$WORK/padded.json" <<'JSON'
{"schema": "pov/1", "povs": [{"uuid": "0b6e3f5e-4a43-4c39-9d4c-2f9d6f3f1a01", "name": "  Padded  ",
  "account": " Acme ", "sa": "  Priya Raman ", "champion": " Lee ", "type": "guided",
  "start": null, "end": null,
  "capabilities": [{"title": "  Scans  ", "target": " 100% ", "outcome": " audit "}],
  "extensions": [], "journal": [{"on": "2026-02-27", "kind": "note", "text": "  kept as typed  "}]}]}
JSON
main_db=$DB
DB=$WORK/padded.db
run import "$WORK/padded.json"
expect_rc 0 "import of padded text"
run show 1 --json
expect_jq '[.name, .account, .sa, .champion] | join("|")' "Padded|Acme|Priya Raman|Lee" \
  "imported single-line fields are trimmed"
expect_jq '.capabilities[0] | [.title, .target, .outcome] | join("|")' "Scans|100%|audit" \
  "imported criteria are trimmed"
expect_jq '.journal[0].text' "  kept as typed  " "multi-line text is kept as typed"
run import "$WORK/padded.json"
expect_out "0 added, 0 updated, 1 unchanged" "a padded document re-imports unchanged"
sed 's/"  Padded  "/"   "/; s/1a01/1a02/' "$WORK/padded.json" >"$WORK/blank.json"
run import "$WORK/blank.json"
expect_fail 3 "an imported name of blanks is empty"
DB=$main_db
finish

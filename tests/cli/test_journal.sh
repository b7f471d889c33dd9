#!/usr/bin/env bash
# pov journal ID [--json], journal edit ID N, journal rm ID N (contract sections 2, 6 and 8):
# the journal listed and numbered, and each correction one audited `journal_changed` event.
source "$(dirname "$0")/lib.sh"

id=$(started_pov "Journal")
pov log "$id" "Kickoff" --on 2026-02-27
pov log "$id" "Customer VPN acess granted"
pov retro "$id" --went-well "Scans run" --problems "Slow runners" --change "More runners" --on-track yes

# ---- the list ----------------------------------------------------------------------------------
run journal "$id"
expect_rc 0 "pov journal ID"
expect_out "N  ON          KIND   TEXT" "the journal has a header"
expect_out "1  2026-02-27  note   Kickoff" "entries are numbered in date order"
expect_out "2  2026-03-02  note   Customer VPN acess granted" "the second entry"
expect_out "3  2026-03-02  retro  What went well: Scans run" "a retro's first line"
expect_out "                      Problems to overcome: Slow runners" "a retro's next lines hang under its text"
run journal "$id" --json
expect_rc 0 "pov journal ID --json"
expect_json 'length == 3' "three entries"
expect_json '.[0] == {"n": 1, "on": "2026-02-27", "kind": "note", "text": "Kickoff", "shared": false}' \
  "each entry is {n, on, kind, text, shared}"
expect_json '[.[].n] == [1, 2, 3]' "n is the 1-based position"
run show "$id" --json
expect_json '[.journal[].n] == [1, 2, 3]' "show --json numbers the journal the same way"
other=$(started_pov "Empty journal" "Kim")
run journal "$other"
expect_rc 0 "an empty journal"
expect_out "POV $other has no journal entries yet: pov log $other TEXT" "an empty journal says how to add one"
run journal "$other" --json
expect_eq "$OUT" "[]" "an empty journal is [] in JSON"
run journal 99
expect_fail 4 "the journal of a POV that does not exist"
run journal
expect_fail 2 "pov journal alone"
expect_err "pov journal needs an ID or a command: edit, rm" "pov journal alone says what it takes"

# ---- edit ----------------------------------------------------------------------------------------
run journal edit "$id" 2 --text "Customer VPN access granted" --shared yes
expect_rc 0 "journal edit"
expect_out "Updated journal entry 2 of POV $id: text, shared" "journal edit names what changed"
run journal "$id" --json
expect_json '.[1] == {"n": 2, "on": "2026-03-02", "kind": "note", "text": "Customer VPN access granted", "shared": true}' \
  "the entry is corrected"
run history "$id" --json
expect_json '.[-1].kind == "journal_changed"' "a correction is a journal_changed event"
expect_json '.[-1].changes["journal.2.text"] == ["Customer VPN acess granted", "Customer VPN access granted"]' \
  "the event holds the old and new text"
expect_json '.[-1].changes["journal.2.shared"] == [false, true]' "the event holds the old and new shared"
run history "$id"
expect_out "journal_changed" "history shows the event"
expect_out "journal.2.text: Customer VPN acess granted → Customer VPN access granted" "history shows old and new"

run journal edit "$id" 2 --on 2026-02-20
expect_rc 0 "journal edit --on"
run journal "$id" --json
expect_json '.[0].text == "Customer VPN access granted" and .[0].on == "2026-02-20"' \
  "a new day moves the entry into date order"

events=$("$POV_BIN" --db "$DB" history "$id" --json | jq length)
sum=$(db_sum)
run journal edit "$id" 1 --text "Customer VPN access granted"
expect_rc 0 "an edit to the same text"
expect_out "Journal entry 1 of POV $id unchanged" "an edit that changes nothing says so"
expect_same_db "$sum" "an edit that changes nothing"
run journal edit "$id" 1
expect_fail 2 "journal edit with nothing to change"
expect_err "journal edit needs --text, --on or --shared; nothing to change" "edit with nothing to change says so"
run journal edit "$id" 9 --text x
expect_fail 3 "an entry out of range"
expect_err "POV $id has no journal entry 9; it has entries 1–3 (see pov journal $id)" "out of range names N and the range"
run journal edit "$id" 0 --text x
expect_fail 3 "entry 0"
run journal edit "$id" x --text x
expect_fail 2 "an entry number that is not a number"
run journal edit "$id" 1 --on tomorrow
expect_fail 3 "a day in the future"
run journal edit "$id" 1 --text "   "
expect_fail 3 "a blank text"
run journal edit "$id" 3 --shared yes
expect_fail 3 "a retro cannot be shared"
expect_err "only a note can be shared" "a retro stays internal"
run journal edit "$id" 1 --shared maybe
expect_fail 2 "--shared takes yes or no"
expect_same_db "$sum" "refused corrections write nothing"
expect_eq "$("$POV_BIN" --db "$DB" history "$id" --json | jq length)" "$events" "refused corrections add no event"

# ---- rm ------------------------------------------------------------------------------------------
run journal rm "$id" 2
expect_rc 0 "journal rm"
expect_out "Removed journal entry 2 from POV $id" "journal rm says what it removed"
run journal "$id" --json
expect_json '[.[].text[0:7]] == ["Custome", "What we"] and [.[].n] == [1, 2]' "the ones after it move up"
run history "$id" --json
expect_json '.[-1].kind == "journal_changed" and .[-1].changes["journal.2"][0].text == "Kickoff"
             and .[-1].changes["journal.2"][1] == null' "rm records the removed entry as old, null as new"
run journal rm "$id" 5
expect_fail 3 "rm out of range"
run journal rm "$other" 1
expect_fail 3 "rm on an empty journal"
expect_err "its journal is empty" "an empty journal says so"
pov log "$other" "only one"
run journal rm "$other" 2
expect_err "it has only entry 1" "a one-entry journal reads as one number, not 1–1"
pov log "$other" "second"
run journal rm "$other" 02
expect_out "Removed journal entry 2 from POV $other" "the entry is named by its number, as typed or not"
run -q journal rm "$other" 1
expect_rc 0 "journal rm -q"
expect_no_out "journal rm -q prints nothing"

# ---- export and import carry the event -----------------------------------------------------------
run export --output "$WORK/out.json"
expect_rc 0 "export"
CHECKS=$((CHECKS + 1))
jq -e --argjson id "$id" '.povs[] | select(.id == $id) | any(.events[]; .kind == "journal_changed")' \
  "$WORK/out.json" >/dev/null || fail "export holds the journal_changed event"
DB=$WORK/copy.db
run import "$WORK/out.json"
expect_rc 0 "import of a document with journal_changed events"
run history 1 --json
expect_json 'any(.[]; .kind == "journal_changed")' "import keeps the journal_changed event"

finish

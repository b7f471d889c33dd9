# Hostile text: quotes, SQL, emoji, backslashes, the 10,000 / 100,000 character limits, newlines
# and control characters. What is accepted must come back byte for byte through show --json.
source "$(dirname "$0")/lib.sh"

# roundtrip FILTER EXPECTED DESCRIPTION: jq -j FILTER of `show ID --json` ($ID) equals EXPECTED
# byte for byte (compared as files, so trailing newlines count).
roundtrip() {
  printf '%s' "$2" >"$WORK/want"
  "$POV_BIN" --db "$DB" show "$ID" --json </dev/null | jq -j "$1" >"$WORK/got"
  expect_file_same "$WORK/want" "$WORK/got" "$3"
}

sql="'; DROP TABLE povs; --"
quotes="O'Brien said \"ship it\" and left"
emoji="Rocket 🚀 launch ✅ naïve café 日本語 👩🏽‍💻"
slashes='C:\new\table \\server\share \n is not a newline \" \u0041'
dollar='$(rm -rf /) `id` ${HOME} %s %n'

run -q create "$sql" --account "$quotes" --sa "$emoji" --champion "$slashes" --owner "$dollar" \
  --csm "-starts with a dash" --economic-buyer "  padded  "
expect_rc 0 "create with hostile single-line text"
ID=$OUT
roundtrip .name "$sql" "SQL in a name"
roundtrip .account "$quotes" "quotes in an account"
roundtrip .sa "$emoji" "emoji in the SA"
roundtrip .champion "$slashes" "backslashes in the champion"
roundtrip .owner "$dollar" "shell syntax in the owner"
roundtrip .csm "-starts with a dash" "a leading dash"
roundtrip .economic_buyer "padded" "single-line text is trimmed of leading and trailing blanks (section 2)"
run_raw --db "$DB" list --all --json
expect_jq 'length' 1 "the povs table survived"
expect_eq "$(sqlite3 "$DB" 'SELECT count(*) FROM povs')" 1 "the povs table is still there"

# Filters take the same text literally.
run list --sa "$emoji" --json
expect_jq '[.[].id] | join(",")' "$ID" "--sa matches emoji text exactly"
run list --account "$quotes" --json
expect_jq 'length' 1 "--account matches quoted text exactly"
run list --account "' OR '1'='1" --json
expect_eq "$OUT" "[]" "an SQL injection in --account matches nothing"
run list --sa "%" --json
expect_eq "$OUT" "[]" "a LIKE wildcard in --sa matches nothing"

# Multi-line text keeps newlines, tabs and blank lines.
multi=$'First line\n\n\tindented "quoted" line\nlast line with trailing newline\n'
pov set "$ID" --pain "$multi" --next-steps "$sql"
roundtrip .pain "$multi" "multi-line pain"
roundtrip .next_steps "$sql" "SQL in a multi-line field"
note=$'Day 1:\n- set up runners\n- O\'Brien: "done"\n\n🚀 shipped\\n literally'
run log "$ID" "$note"
expect_rc 0 "log a multi-line note"
roundtrip '.journal[0].text' "$note" "a multi-line journal note"
pov cap add "$ID" "$quotes" --target "$sql" --outcome "$emoji"
roundtrip '.capabilities[0].title' "$quotes" "quotes in a capability title"
roundtrip '.capabilities[0].target' "$sql" "SQL in a capability target"
roundtrip '.capabilities[0].outcome' "$emoji" "emoji in a capability outcome"
pov cap set "$ID" 1 --evidence "$multi"
roundtrip '.capabilities[0].evidence' "$multi" "multi-line evidence"

# The text views show it too, without failing.
run show "$ID"
expect_rc 0 "show in text with hostile text"
expect_out "$sql" "text show prints the SQL name"
expect_out "🚀" "text show prints emoji"
run history "$ID" --json
expect_rc 0 "history with hostile text"
expect_jq '.[0].changes.name[1]' "$sql" "history keeps the hostile name"

# ---- length limits ------------------------------------------------------------------------------
name10k=$(head -c 10000 /dev/zero | tr '\0' 'x')
run -q create "$name10k" --account A --sa S
expect_rc 0 "a 10,000-character name"
ID=$OUT
roundtrip .name "$name10k" "the 10,000-character name round-trips"
before=$(db_sum)
run create "${name10k}x" --account A --sa S
expect_fail 3 "a 10,001-character name"
emoji10k=$(printf '🚀%.0s' $(seq 1 10000))
run -q create "$emoji10k" --account A --sa S
expect_rc 0 "10,000 emoji (40,000 bytes) count as 10,000 characters"
before=$(db_sum)
run create "${emoji10k}🚀" --account A --sa S
expect_fail 3 "10,001 emoji"
run set "$ID" --account "${name10k}x"
expect_fail 3 "a 10,001-character account"
text100k=$(head -c 100000 /dev/zero | tr '\0' 'm')
run set "$ID" --pain "${text100k}m"
expect_fail 3 "100,001 characters of multi-line text"
run log "$ID" "${text100k}m"
expect_fail 3 "a 100,001-character note"
expect_same_db "$before" "text over the limits"
run set "$ID" --pain "$text100k"
expect_rc 0 "100,000 characters of multi-line text"
roundtrip .pain "$text100k" "the 100,000-character pain round-trips"

# ---- control characters -------------------------------------------------------------------------
before=$(db_sum)
run create $'esc \e[31mred' --account A --sa S
expect_fail 3 "ESC in a name"
expect_err "control character" "the error says control character"
run create $'two\nlines' --account A --sa S
expect_fail 3 "a newline in a single-line name"
run set "$ID" --champion $'bell\a'
expect_fail 3 "BEL in a person"
run set "$ID" --sa $'del\x7f'
expect_fail 3 "DEL in the SA"
run set "$ID" --owner $'csi \xc2\x9b31m'
expect_fail 3 "a C1 control (U+009B) in the owner"
run set "$ID" --owner $'bad \xff utf-8'
expect_fail 3 "invalid UTF-8"
run log "$ID" $'note \e]0;title\a'
expect_fail 3 "ESC in a multi-line note"
run cap add "$ID" $'cap\ttab'
expect_fail 3 "a tab in a single-line capability title"
run close "$ID" --result successful --reason $'why\e'
CHECKS=$((CHECKS + 1))
[[ $RC != 0 ]] || fail "a close reason with ESC is refused"
expect_same_db "$before" "control characters"

# Tabs and carriage returns are allowed in multi-line text, and text output escapes them.
run log "$ID" $'tab\there\r\nCRLF line'
expect_rc 0 "a tab and CR in a note"
roundtrip '.journal[0].text' $'tab\there\r\nCRLF line' "tab and CR round-trip"
"$POV_BIN" --db "$DB" show "$ID" </dev/null >"$WORK/show.txt"
CHECKS=$((CHECKS + 1))
! grep -q $'\r' "$WORK/show.txt" || fail "show prints a raw carriage return"
CHECKS=$((CHECKS + 1))
! grep -q $'\e' "$WORK/show.txt" || fail "show prints a raw escape"
CHECKS=$((CHECKS + 1))
grep -qF 'tab\there\r' "$WORK/show.txt" || fail "show escapes the tab and CR as \\t and \\r"

finish

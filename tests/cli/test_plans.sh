# Plans (section 6): plan template, plan show, create --from and set --from, and pov edit with
# scripted editors: what is applied, what is refused (exit 3, nothing written), what is kept.
source "$(dirname "$0")/lib.sh"
unset VISUAL EDITOR

PLAN=$WORK/plan.toml
KEPT=$HOME/.local/share/pov/edits

# fill FILE KEY VALUE: sets KEY (a line `KEY = ""` or `# KEY = ""`, or KEY's value) to the TOML VALUE.
fill() {
  sed -i -E "s|^(# )?$2 = .*|$2 = $3|" "$1"
}

# ---- plan template -------------------------------------------------------------------------
run plan template
expect_rc 0 "plan template"
expect_no_err "plan template writes nothing on stderr"
for key in name account opportunity stage segment deal net_arr lam_significant type strategic solution \
  owner sa csm champion economic_buyer technical_lead business_owner why_now why_anything metrics \
  decision_process pain eb_access impact desired_future business_outcomes objective in_scope out_of_scope \
  customer_commitments next_steps start end ps_positioned license_purchased; do
  expect_out $'\n'"$key = \"\"" "the template has the key $key, empty"
done
expect_out "# The customer company (required)" "each key has its meaning as a comment"
expect_out "# [[capabilities]]" "the template has a commented [[capabilities]] example"
expect_out "# title" "the example has a title"
expect_out "devsecops, software-compliance" "the solution comment lists the configured solutions"
for key in status uuid champion_signoff started_on; do
  [[ $OUT != *$'\n'"$key = "* ]] || fail "the template has no key $key"
done
expect_missing "$DB" "plan template opens no database"

run plan template --type onsite
expect_rc 0 "plan template --type"
expect_out $'\n''type = "onsite"' "--type fills in the type"
expect_out "onsite POVs last 1–7 days" "--type names its duration limits"
expect_out "10 with extensions" "--type names the ceiling with extensions"

run plan template --type weekly
expect_fail 2 "an unknown --type"

run plan
expect_fail 2 "plan without its subcommand"

# ---- a plan that is refused writes nothing, creates nothing --------------------------------
"$POV_BIN" plan template >"$PLAN"
fill "$PLAN" name '"Acme Rollout"'
fill "$PLAN" account '"Acme Corp"'
fill "$PLAN" sa '"Sam"'
fill "$PLAN" stage 12
run create --from "$PLAN"
expect_fail 3 "create --from a plan with stage 12"
expect_err "plan.toml: stage must be 0–8; got 12" "the plan, the key and the rule are named"
expect_missing "$DB" "a refused create --from creates no database"

run create --from "$WORK/nowhere.toml"
expect_fail 4 "create --from a missing file"
expect_err "nowhere.toml" "the missing file is named"

# ---- template → filled with sed → create --from --------------------------------------------
"$POV_BIN" plan template --type guided >"$PLAN"
fill "$PLAN" name '"Acme Rollout"'
fill "$PLAN" account '"Acme Corp"'
fill "$PLAN" sa '"Sam"'
fill "$PLAN" stage 3
fill "$PLAN" net_arr '"150k"'
fill "$PLAN" strategic '"yes"'
fill "$PLAN" start 2026-03-09
fill "$PLAN" end '"+5w"'
fill "$PLAN" deal '"new-logo"'
fill "$PLAN" why_now '"""\nAudit in Q2,\nand the "board" asks\n"""'
cat >>"$PLAN" <<'EOF'

[[capabilities]]
title = "Build under 10 min"
target = "p95 < 10 min"
outcome = "Release daily"

[[capabilities]]
title = "SAST on every MR"
EOF
run create --from "$PLAN"
expect_rc 0 "create --from a filled template"
expect_eq "$OUT" "Created POV 1: Acme Rollout" "create --from prints its message"
run show 1 --json
expect_jq '[.name, .account, .sa, .stage, .net_arr, .strategic, .start, .end, .deal, .type] | map(tostring) | join("|")' \
  "Acme Rollout|Acme Corp|Sam|3|150000|true|2026-03-09|2026-04-06|new-logo|guided" "the plan's values land"
expect_jq '.why_now == "Audit in Q2,\nand the \"board\" asks\n"' true "multi-line text keeps its lines and quotes"
expect_jq '.opportunity' null "an empty key leaves the field empty"
expect_jq '[.capabilities[] | "\(.n):\(.title):\(.target):\(.outcome):\(.status)"] | join(",")' \
  "1:Build under 10 min:p95 < 10 min:Release daily:pending,2:SAST on every MR:null:null:pending" \
  "the plan's criteria land, in order"

# The command line wins; NAME and --capability too.
run -q create "Beta Rollout" --from "$PLAN" --sa Lee --stage 2 --capability "Only this one"
expect_rc 0 "create NAME --from with options"
beta=$OUT
run show "$beta" --json
expect_jq '[.name, .account, .sa, .stage] | map(tostring) | join("|")' "Beta Rollout|Acme Corp|Lee|2" \
  "command-line values win over the plan's"
expect_jq '[.capabilities[].title] | join(",")' "Only this one" "--capability replaces the plan's criteria"

# NAME, --account and --sa may be missing from the line only when the plan has them.
"$POV_BIN" plan template >"$WORK/blank.toml"
run create --from "$WORK/blank.toml" --account A --sa S
expect_fail 2 "create --from a plan without a name"
expect_err "NAME is required" "the missing NAME is named"
run create "Gamma" --from "$WORK/blank.toml" --sa S
expect_fail 2 "create --from a plan without an account"
expect_err "--account is required" "the missing --account is named"
expect_err "blank.toml" "the plan is named"
run create "Gamma" --from "$WORK/blank.toml" --account A --sa S
expect_rc 0 "a blank template with the required options creates a POV"
run -q create "Delta" --from "$WORK/blank.toml" --account A --sa S --json
expect_jq '[.type, .segment, .stage, .start] | map(tostring) | join("|")' "guided|enterprise|null|null" \
  "a blank template sets nothing but the defaults"

# ---- plan show -----------------------------------------------------------------------------
run plan show 1
expect_rc 0 "plan show"
expect_out 'name = "Acme Rollout"' "plan show has the name"
expect_out $'\n''start = 2026-03-09' "dates are TOML dates"
expect_out $'\n''net_arr = 150000' "money is a whole number"
expect_out $'\n''strategic = true' "booleans are TOML booleans"
expect_out $'\n''# opportunity = ""' "an empty field is a commented-out key"
expect_out $'\n''[[capabilities]]' "the criteria are [[capabilities]] tables"
expect_out 'title = "Build under 10 min"' "a criterion's title"
expect_out 'target = "p95 < 10 min"' "a criterion's target"
expect_out 'outcome = "Release daily"' "a criterion's outcome"
expect_out $'why_now = """\nAudit in Q2,' "multi-line text is a multi-line string"
run plan show 99
expect_fail 4 "plan show of a missing POV"
run plan show abc
expect_fail 2 "plan show of a malformed id"

# ---- plan show → edit a value → set --from: the round trip ----------------------------------
"$POV_BIN" --db "$DB" plan show 1 >"$WORK/show.toml"
before=$(db_sum)
run set 1 --from "$WORK/show.toml"
expect_rc 0 "set --from the POV's own plan"
expect_eq "$OUT" "POV 1 unchanged" "the POV's own plan changes nothing"
expect_same_db "$before" "the POV's own plan"

fill "$WORK/show.toml" stage 4
fill "$WORK/show.toml" pain '"Manual deploys"'
run set 1 --from "$WORK/show.toml"
expect_rc 0 "set --from an edited plan"
expect_eq "$OUT" "Updated POV 1: stage, pain" "set --from names what changed"
run show 1 --json
expect_jq '[.stage, .pain, .name, (.capabilities | length)] | map(tostring) | join("|")' "4|Manual deploys|Acme Rollout|2" \
  "set --from applies the plan's values and keeps the rest"

# A partial plan sets only its keys; the command line wins.
printf 'pain = "Slow reviews"\nstage = 2\n' >"$WORK/part.toml"
run set 1 --from "$WORK/part.toml" --stage 3
expect_rc 0 "set --from a partial plan"
run show 1 --json
expect_jq '[.stage, .pain, .account] | map(tostring) | join("|")' "3|Slow reviews|Acme Corp" \
  "a partial plan sets its keys only; --stage wins"
# --from - reads the plan from standard input.
OUT=$(printf 'csm = "Cara"\n' | "$POV_BIN" --db "$DB" set 1 --from - 2>"$WORK/stderr")
RC=$?
ERR=$(cat "$WORK/stderr")
expect_rc 0 "set --from -"
expect_eq "$OUT" "Updated POV 1: csm" "set --from - reads stdin"

# Criteria in a plan given to set replace them: sign-offs clear, the event is criteria_changed.
pov set 1 --champion Pat --economic-buyer Kim
pov signoff 1 --champion
pov signoff 1 --economic-buyer
"$POV_BIN" --db "$DB" plan show 1 >"$WORK/show.toml"
sed -i 's/^title = "SAST on every MR"/title = "SAST and DAST on every MR"/' "$WORK/show.toml"
run set 1 --from "$WORK/show.toml"
expect_rc 0 "set --from with a retitled criterion"
expect_err "sign-offs are cleared" "a change of the criteria warns that the sign-offs are cleared"
run show 1 --json
expect_jq '[.capabilities[].title] | join(",")' "Build under 10 min,SAST and DAST on every MR" "the criteria are the plan's"
expect_jq '[.champion_signoff, .eb_signoff] | map(tostring) | join(",")' "null,null" "both sign-offs are cleared"
run history 1 --json
expect_jq '.[-1].kind' criteria_changed "the event is criteria_changed"

# ---- refused plans: exit 3 (4 for a missing file), nothing written -------------------------
before=$(db_sum)
check_refused() { # check_refused DESCRIPTION MESSAGE: set --from $WORK/bad.toml exits 3 naming MESSAGE
  run set 1 --from "$WORK/bad.toml"
  expect_fail 3 "$1"
  expect_err "$2" "$1: the error names it"
  expect_same_db "$before" "$1"
}
printf 'stage = 12\n' >"$WORK/bad.toml"
check_refused "stage 12" "bad.toml: stage must be 0–8; got 12"
printf 'pain = "ok"\nname = "unterminated\n' >"$WORK/bad.toml"
check_refused "a TOML syntax error" "bad.toml:2:"
printf 'stagee = 3\n' >"$WORK/bad.toml"
check_refused "an unknown key" "unknown key 'stagee' in $WORK/bad.toml (line 1); see pov plan template"
printf 'stage = 2.5\n' >"$WORK/bad.toml"
check_refused "a wrong type" "stage must be a whole number; got a decimal number"
printf 'start = "someday"\n' >"$WORK/bad.toml"
check_refused "a malformed date" "invalid start 'someday'"
printf 'net_arr = "lots"\n' >"$WORK/bad.toml"
check_refused "malformed money" "invalid net_arr 'lots'"
printf 'status = "closed"\n' >"$WORK/bad.toml"
check_refused "a lifecycle key" "'status'"
printf 'type = "onsite"\n' >"$WORK/bad.toml"
check_refused "a duration the new type refuses" "onsite POV must last 1–7 days"
printf '[[capabilities]]\ntitle = "A"\n[[capabilities]]\ntitle = "B"\n[[capabilities]]\ntitle = "C"\n[[capabilities]]\ntitle = "D"\n[[capabilities]]\ntitle = "E"\n[[capabilities]]\ntitle = "F"\n' >"$WORK/bad.toml"
check_refused "six criteria" "at most 5"
run set 1 --from "$WORK/nowhere.toml"
expect_fail 4 "set --from a missing file"
expect_same_db "$before" "set --from a missing file"
run set 1 --from "$WORK"
expect_fail 4 "set --from a folder"
run set 99 --from "$WORK/part.toml"
expect_fail 4 "set --from on a missing POV"

# ---- pov edit with scripted editors ---------------------------------------------------------
BIN="$WORK/editors with spaces"
mkdir -p "$BIN"
# set-field KEY VALUE FILE: an editor with arguments, as in EDITOR="code -w".
cat >"$BIN/set-field" <<'EOF'
#!/bin/sh
sed -i "s|^\(# \)\{0,1\}$1 = .*|$1 = $2|" "$3"
EOF
# comment-out KEY FILE: turns the key's line into `# KEY = ""`.
cat >"$BIN/comment-out" <<'EOF'
#!/bin/sh
sed -i "s|^$1 = .*|# $1 = \"\"|" "$2"
EOF
cat >"$BIN/untouched" <<'EOF'
#!/bin/sh
exit 0
EOF
# record-path: notes the path it was given, and that it ran.
cat >"$BIN/record-path" <<EOF
#!/bin/sh
printf '%s\n' "\$1" >"$WORK/editor-path"
ls -l "\$1" >"$WORK/editor-mode"
sed -i 's/^stage = .*/stage = 6/' "\$1"
EOF
cat >"$BIN/fails" <<'EOF'
#!/bin/sh
sed -i 's/^stage = .*/stage = 8/' "$1"
exit 1
EOF
chmod +x "$BIN"/*
q() { printf "'%s'" "$1"; } # a path quoted for the editor variable, which sh reads

EDITOR="$(q "$BIN/set-field") stage 5" run edit 1
expect_rc 0 "edit with a scripted EDITOR that takes arguments"
expect_eq "$OUT" "Updated POV 1: stage" "edit says what changed"
run show 1 --json
expect_jq '.stage' 5 "the edit is applied"

before=$(db_sum)
EDITOR=$(q "$BIN/untouched") run edit 1
expect_rc 0 "edit with an editor that changes nothing"
expect_eq "$OUT" "POV 1 unchanged: the plan was not edited" "an unchanged file says so"
expect_same_db "$before" "an unchanged edit"

# VISUAL wins over EDITOR; an empty VISUAL counts as unset.
VISUAL="$(q "$BIN/set-field") stage 7" EDITOR="$(q "$BIN/set-field") stage 2" run edit 1
run show 1 --json
expect_jq '.stage' 7 "VISUAL wins over EDITOR"
VISUAL="" EDITOR="$(q "$BIN/set-field") stage 1" run edit 1
run show 1 --json
expect_jq '.stage' 1 "an empty VISUAL counts as unset"

# A key commented out in the editor is cleared: edit applies the whole plan.
EDITOR="$(q "$BIN/comment-out") pain" run edit 1
expect_rc 0 "edit that comments out a key"
run show 1 --json
expect_jq '.pain' null "a key commented out in the editor is cleared"

# The temporary file: private, in TMPDIR (spaces and quotes in its path), removed afterwards.
TMP="$WORK/tmp dir 'quoted' \"twice\""
mkdir -p "$TMP"
TMPDIR=$TMP EDITOR=$(q "$BIN/record-path") run edit 1
expect_rc 0 "edit with spaces and quotes in the temporary path"
path=$(cat "$WORK/editor-path")
expect_eq "${path%/*}" "$TMP" "the editor gets the temporary file's path as one argument"
expect_eq "$(cut -c1-10 "$WORK/editor-mode")" "-rw-------" "the temporary file is private (0600)"
expect_eq "$(ls -A "$TMP")" "" "the temporary file is removed"
run show 1 --json
expect_jq '.stage' 6 "the edit through a quoted path is applied"

# An invalid edit: exit 3, nothing written, the text kept in a private file named on stderr.
before=$(db_sum)
EDITOR="$(q "$BIN/set-field") stage 12" run edit 1
expect_fail 3 "an edit with stage 12"
expect_err "stage must be 0–8; got 12" "the rule is named"
expect_same_db "$before" "an invalid edit"
kept=$(sed -n 's/^The edited plan is kept in //p' <<<"$ERR")
expect_exists "$kept" "the kept edit"
expect_eq "${kept%/*}" "$KEPT" "edits are kept in \$XDG_DATA_HOME/pov/edits"
CHECKS=$((CHECKS + 1))
grep -qx 'stage = 12' "$kept" || fail "the kept file holds the edited text"
expect_eq "$(stat -c %a "$kept")" 600 "the kept edit is private (0600)"
expect_eq "$(stat -c %a "$KEPT")" 700 "the edits folder is private (0700)"
expect_err "pov set 1 --from '$kept'" "how to apply the kept file is said"
fill "$kept" stage 4
run set 1 --from "$kept"
expect_rc 0 "the kept edit, fixed, applies with set --from"

# A syntax error in the editor names the line of the kept file.
EDITOR="$(q "$BIN/set-field") stage '\"3'" run edit 1
expect_fail 3 "an edit with a TOML syntax error"
kept=$(sed -n 's/^The edited plan is kept in //p' <<<"$ERR")
line=$(grep -n '^stage = "3$' "$kept" | cut -d: -f1)
expect_err "${kept##*/}:$line:" "the syntax error names the kept file and its line"

# A failing editor (vim's :cq) changes nothing and keeps what was typed.
before=$(db_sum)
EDITOR=$(q "$BIN/fails") run edit 1
expect_rc 0 "an editor that exits 1"
expect_err "pov: warning: the editor" "a failing editor warns"
expect_err "exited with status 1; POV 1 is unchanged" "a failing editor changes nothing"
expect_err "the edited plan is kept in $KEPT/" "what was typed is kept"
expect_same_db "$before" "a failing editor"
EDITOR="$WORK/no-such-editor" run edit 1
expect_rc 0 "an editor that does not exist"
expect_err "was not found" "a missing editor is named"

# An editor path with spaces, given quoted as git wants it; stdin is not a terminal (run uses /dev/null).
EDITOR="$(q "$BIN/set-field") stage 3" run edit 1
expect_rc 0 "an EDITOR path with spaces"
run show 1 --json
expect_jq '.stage' 3 "the editor at a path with spaces ran"

# Without HOME there is no data folder: the edit is kept in the temporary folder.
TMP2="$WORK/tmp2"
mkdir -p "$TMP2"
OUT=$(env -u HOME TMPDIR="$TMP2" EDITOR="$(q "$BIN/set-field") stage 12" "$POV_BIN" --db "$DB" edit 1 2>"$WORK/stderr" </dev/null)
RC=$?
ERR=$(cat "$WORK/stderr")
expect_fail 3 "an invalid edit without HOME"
expect_err "The edited plan is kept in $TMP2/pov-1-" "without HOME the edit is kept in the temporary folder"

# A POV changed by someone else while it is edited is not overwritten (exit 5); the edit is kept.
cat >"$BIN/meanwhile" <<EOF
#!/bin/sh
"$POV_BIN" --db "$DB" -q set 1 --csm "Someone Else" </dev/null
sed -i 's/^stage = .*/stage = 2/' "\$1"
EOF
chmod +x "$BIN/meanwhile"
EDITOR=$(q "$BIN/meanwhile") run edit 1
expect_fail 5 "an edit of a POV changed meanwhile"
expect_err "changed while it was being edited" "the conflict is named"
expect_err "The edited plan is kept in" "the edit is kept"
run show 1 --json
expect_jq '[.stage, .csm] | map(tostring) | join("|")' "3|Someone Else" "the other change stays; the edit is not applied"

rm -f "$WORK/editor-path"
EDITOR=$(q "$BIN/record-path") run edit 99
expect_fail 4 "edit of a missing POV"
expect_missing "$WORK/editor-path" "no editor runs for a missing POV"

run edit 1 --help
expect_rc 0 "edit --help"

finish

# Shell completion: the bash completion driven through its function as bash calls it (COMP_WORDS,
# COMP_CWORD, COMPREPLY), the dynamic values from the hidden `pov __complete`, the zsh and fish
# scripts checked by their shells, and `pov completion SHELL` printing the installed files byte
# for byte. Run by hand: POV_BIN=build/pov bash tests/cli/test_completion.sh
source "$(dirname "$0")/lib.sh"
RC=0 OUT="" ERR="" # what fail() shows before the first run

ROOT=${POV_SOURCE_DIR:-$(dirname "$0")/../..}
COMPLETIONS=$ROOT/completions

# The scripts run `pov` as typed on the line: put the built one on PATH under that name.
mkdir -p "$WORK/bin"
ln -s "$(realpath "$POV_BIN")" "$WORK/bin/pov"
export PATH=$WORK/bin:$PATH

# bash_offers WORDS...: what bash offers for `pov WORDS...` (the last word is the one being
# completed), sorted, on one line.
bash_offers() {
  bash -c 'source "$1"; shift; COMP_WORDS=(pov "$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _pov
           printf "%s\n" "${COMPREPLY[@]}"' _ "$COMPLETIONS/pov.bash" "$@" </dev/null | sort | paste -sd " "
}

# offers EXPECTED WORDS...: bash offers exactly EXPECTED (sorted, space-separated).
offers() {
  local expected=$1
  shift
  expect_eq "$(bash_offers "$@")" "$expected" "bash completes 'pov $*'"
}

# ---- commands, subcommands, options ------------------------------------------------------------
offers "cancel cap" ca
offers "create" cr
offers "add list rm set" cap ''
offers "add list rm set" --db "$DB" cap ''
offers "show template" plan ''
offers "check" db ch
offers "bash fish zsh" completion ''
offers "--dry-run" import --dr
offers "--all" list --al
offers "--champion" signoff 1 --ch
expect_eq "$(bash_offers --ver)" "--version" "bash completes --version before a command"
expect_eq "$(bash_offers '')" "$(bash_offers '' | tr ' ' '\n' | grep -v __complete | paste -sd " ")" \
  "bash does not offer the hidden __complete"

# ---- fixed values ------------------------------------------------------------------------------
offers "guided lite onsite paid" create X --type ''
offers "guided lite onsite paid" list --type ''
offers "guided lite onsite paid" plan template --type ''
offers "csv html json markdown text" report --format ''
offers "html markdown" results 1 --format ''
offers "csv json salesforce" export --format ''
offers "html" report --format = h
offers "cancelled closed in-progress in_progress new qualified" list --status ''
offers "met not-met partial pending" cap set 1 1 --status ''
offers "successful unsuccessful" close 1 --result ''
offers "non-technical technical" close 1 --loss-type ''
offers "commercial enterprise" create X --segment ''
offers "new-logo uptier" set 1 --deal ''
offers "account end id name net_arr sa start status type" list --sort ''
offers "all month quarter week" report --period ''
offers "no yes" retro 1 --on-track ''
offers "no yes" set 1 --ps-positioned ''
offers "no yes" create X --lam-significant ''
offers "today tomorrow yesterday" start 1 --on ''
offers "today tomorrow yesterday" create X --end ''
offers "" create X --account ''

# Every choice `--help` shows (its spellings come from EnumNames) is what bash offers, for every
# command: the script's lists cannot drift from the binary's.
help_commands() {
  "$POV_BIN" "$@" --help </dev/null | awk '/^Subcommands:/ { on = 1; next } on && /^$/ { on = 0 } on && NF { print $1 }'
}
for command in $(help_commands); do
  subs=$(help_commands "$command")
  for path in ${subs:+$(for s in $subs; do echo "$command:$s"; done)} ${subs:-$command}; do
    while read -r option values; do
      expected=$(tr '|' '\n' <<<"$values" | sort | paste -sd " ")
      got=$(bash_offers ${path/:/ } "$option" '')
      # list --status also offers in-progress, which the CLI accepts for in_progress
      [[ $path == list && $option == --status ]] && got=${got/in-progress /}
      expect_eq "$got" "$expected" "bash completes the choices of '${path/:/ } $option'"
    done < <("$POV_BIN" ${path/:/ } --help </dev/null | sed -nE 's/^ +(--[a-z-]+) ([a-z_-]+(\|[a-z_-]+)+).*/\1 \2/p')
  done
done

# ---- files -------------------------------------------------------------------------------------
touch "$WORK/backup-old.db" "$WORK/plan.toml"
offers "$WORK/backup-old.db" db backup "$WORK/backup"
offers "$WORK/plan.toml" create X --from "$WORK/pl"
offers "$WORK/plan.toml" import "$WORK/pl"
offers "$WORK/plan.toml" report --output "$WORK/pl"

# ---- configured solutions ----------------------------------------------------------------------
offers "automated-software-delivery devops-platform devsecops software-compliance" create X --solution ''
cat >"$WORK/custom.toml" <<'EOF'
solutions = ["observability", "platform-engineering"]
EOF
offers "observability platform-engineering" --config "$WORK/custom.toml" create X --solution ''
offers "observability platform-engineering" set 1 --config "$WORK/custom.toml" --solution ''
offers "platform-engineering" --config = "$WORK/custom.toml" set 1 --solution p
CHECKS=$((CHECKS + 1))
POV_CONFIG=$WORK/custom.toml bash_offers create X --solution o | grep -qx observability ||
  fail "bash completes --solution from \$POV_CONFIG"
echo 'solutions = [' >"$WORK/broken.toml"
offers "" --config "$WORK/broken.toml" create X --solution ''

# ---- POV ids -----------------------------------------------------------------------------------
offers "" --db "$DB" show ''
expect_missing "$DB" "completing an id creates no database"
run_raw --db "$DB" __complete ids
expect_rc 0 "__complete ids without a database"
expect_no_out "__complete ids without a database"
expect_no_err "__complete ids without a database"
expect_missing "$DB" "__complete ids creates no database"

pov create "Acme Financial DevSecOps" --account "Acme Financial" --sa "Priya Raman"
pov create "Globex: Cloud Migration" --account Globex --sa "Tom Becker"
offers "1 2" --db "$DB" show ''
offers "1 2" show --db "$DB" ''
offers "1 2" --db = "$DB" cap add ''
offers "2" --db "$DB" start 2
CHECKS=$((CHECKS + 1))
[[ $(POV_DB=$DB bash_offers history '') == "1 2" ]] || fail "bash completes ids from \$POV_DB"
offers "" --db "$DB" show 1 ''
offers "" --db "$DB" cap add 1 ''
offers "1 2" --db "$DB" signoff --champion ''

pov cap add 1 "Scans on every merge request"
pov cap add 1 "Triage: one place"
offers "1 2" --db "$DB" cap set 1 ''
offers "2" --db "$DB" cap rm 1 2
offers "" --db "$DB" cap set 2 ''
offers "" --db "$DB" cap set 1 1 ''
run __complete capabilities 1
expect_eq "$OUT" $'1\tScans on every merge request\n2\tTriage: one place' \
  "__complete capabilities prints N<TAB>TITLE"
for id in 99 abc; do
  run __complete capabilities "$id"
  expect_rc 0 "__complete capabilities $id"
  expect_no_out "__complete capabilities $id"
  expect_no_err "__complete capabilities $id"
done

pov cancel 2 --reason "Budget frozen"
offers "1" --db "$DB" qualify ''
offers "1 2" --db "$DB" reopen ''
offers "1 2" --db "$DB" results ''

run __complete ids
expect_rc 0 "__complete ids"
expect_eq "$OUT" $'1\tAcme Financial DevSecOps' "__complete ids prints the open POVs as ID<TAB>NAME"
run __complete ids --all
expect_eq "$OUT" $'1\tAcme Financial DevSecOps\n2\tGlobex: Cloud Migration' "__complete ids --all prints every POV"
run_raw --config "$WORK/custom.toml" __complete solutions
expect_eq "$OUT" $'observability\nplatform-engineering' "__complete solutions prints the configured solutions"
run_raw --config "$WORK/broken.toml" __complete solutions
expect_rc 0 "__complete solutions with a broken config"
expect_no_out "__complete solutions with a broken config"
expect_no_err "__complete solutions with a broken config"
echo "not a database" >"$WORK/text.db"
run_raw --db "$WORK/text.db" __complete ids
expect_no_out "__complete ids on a file that is not a database"
expect_no_err "__complete ids on a file that is not a database"
run_raw --help
expect_out_lacks "__complete" "pov --help hides __complete"

# ---- pov completion SHELL: the installed files, byte for byte ------------------------------------
for shell_file in bash:pov.bash zsh:_pov fish:pov.fish; do
  shell=${shell_file%%:*}
  "$POV_BIN" completion "$shell" >"$WORK/completion.$shell" 2>"$WORK/stderr" </dev/null
  RC=$?
  OUT="" ERR=$(cat "$WORK/stderr")
  expect_rc 0 "pov completion $shell"
  expect_file_same "$WORK/completion.$shell" "$COMPLETIONS/${shell_file#*:}" "pov completion $shell"
done
run completion
expect_fail 2 "pov completion without a shell"
run completion tcsh
expect_fail 2 "pov completion tcsh"

# ---- the scripts parse in their shells ---------------------------------------------------------
CHECKS=$((CHECKS + 1))
bash -n "$COMPLETIONS/pov.bash" || fail "completions/pov.bash is valid bash"
if command -v zsh >/dev/null; then
  CHECKS=$((CHECKS + 1))
  zsh -n "$COMPLETIONS/_pov" || fail "completions/_pov is valid zsh"
else
  echo "SKIP: zsh is not installed; completions/_pov not checked (make deps installs it)"
fi
if command -v fish >/dev/null; then
  CHECKS=$((CHECKS + 1))
  fish -n "$COMPLETIONS/pov.fish" || fail "completions/pov.fish is valid fish"
  # fish completes without a terminal: ids come with their names, values per command.
  fish_offers() {
    HOME=$WORK/home XDG_CONFIG_HOME=$WORK/fish fish --no-config -c \
      'source $argv[1]; complete -C $argv[2]' "$COMPLETIONS/pov.fish" "$1" </dev/null 2>&1
  }
  expect_eq "$(fish_offers "pov --db $DB show ")" $'1\tAcme Financial DevSecOps\n2\tGlobex: Cloud Migration' \
    "fish completes ids with names"
  expect_eq "$(fish_offers "pov --db $DB close ")" $'1\tAcme Financial DevSecOps' "fish completes open ids"
  expect_eq "$(fish_offers "pov export --format " | cut -f1 | paste -sd " ")" "csv json salesforce" \
    "fish completes export --format"
  expect_eq "$(fish_offers "pov --config $WORK/custom.toml set 1 --solution " | cut -f1 | paste -sd " ")" \
    "observability platform-engineering" "fish completes --solution from the config"
  expect_eq "$(fish_offers "pov cap " | cut -f1 | paste -sd " ")" "add list rm set" "fish completes cap's subcommands"
  expect_eq "$(fish_offers "pov --db $DB cap set 1 ")" $'1\tScans on every merge request\n2\tTriage: one place' \
    "fish completes criteria with titles"
else
  echo "SKIP: fish is not installed; completions/pov.fish not checked (make deps installs it)"
fi

finish

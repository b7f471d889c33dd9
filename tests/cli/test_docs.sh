# The documentation keeps step with the binary: every command that `pov --help` lists is
# documented in the man page and the guide and completed by the bash, zsh and fish completions;
# every option of every command is in the bash completion, the guide and the man page, and named
# by the zsh and fish completions (those of `create` required by name); and every example of
# README.md, docs/guide.md and docs/report.md prints what it shows (see tests/cli/doc_examples.py).
# Run by hand: POV_BIN=build/pov bash tests/cli/test_docs.sh
source "$(dirname "$0")/lib.sh"

ROOT=${POV_SOURCE_DIR:-$(dirname "$0")/../..}
MAN=$ROOT/docs/pov.1
GUIDE=$ROOT/docs/guide.md
BASH_COMPLETION=$ROOT/completions/pov.bash
ZSH_COMPLETION=$ROOT/completions/_pov
FISH_COMPLETION=$ROOT/completions/pov.fish

# doc_check DESCRIPTION COMMAND...: one check; fails when COMMAND fails.
doc_check() {
  local description=$1
  shift
  CHECKS=$((CHECKS + 1))
  if ! "$@"; then
    FAILURES=$((FAILURES + 1))
    echo "FAIL: $description"
  fi
}

# help_subcommands ARGS...: the subcommands `pov ARGS --help` lists, one per line.
help_subcommands() {
  "$POV_BIN" "$@" --help </dev/null | awk '/^Subcommands:/ { on = 1; next } on && /^$/ { on = 0 } on && NF { print $1 }'
}

# help_options ARGS...: the options `pov ARGS --help` lists (long and short), one per line.
help_options() {
  "$POV_BIN" "$@" --help </dev/null | grep -E '^ +-' | sed -E 's/^ +//; s/ .*//' | tr ',' '\n' | grep -E '^-'
}

# has_word FILE WORD: FILE holds WORD as a whole token (roff's \- read as -).
has_word() {
  sed 's/\\-/-/g' "$1" | grep -qE -- "(^|[^A-Za-z0-9_-])$(sed 's/[.]/\\./g' <<<"$2")([^A-Za-z0-9_-]|$)"
}

# completes WORDS...: what the bash completion offers for `pov WORDS... -` (options), one per line.
completes() {
  bash -c 'source "$1"; shift; COMP_WORDS=(pov "$@" -); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _pov
           printf "%s\n" "${COMPREPLY[@]}"' _ "$BASH_COMPLETION" "$@"
}

# man_has_word WORD: the man page holds WORD as a whole token, its font escapes (\fB…) read away.
man_has_word() {
  sed -E 's/\\f[BIRP]//g' "$MAN" >"$WORK/man.txt"
  has_word "$WORK/man.txt" "$1"
}

# zsh_names WORD: the zsh completion offers WORD as a command ('create:…') or an option
# ('--json[…', '--account=[…', {-q,--quiet}).
zsh_names() {
  if [[ $1 == -* ]]; then
    grep -qE -- "(^|[^A-Za-z0-9_-])$1(=?\[|[,}])" "$ZSH_COMPLETION"
  else
    grep -qF -- "'$1:" "$ZSH_COMPLETION"
  fi
}

# fish_names WORD [COMMAND]: the fish completion offers WORD as an option (-l json, -s q), a
# command, or a subcommand of COMMAND.
fish_names() {
  case $1 in
    --*) grep -qE -- "-l ${1#--}( |$)" "$FISH_COMPLETION" ;;
    -*) grep -qE -- "-s ${1#-}( |$)" "$FISH_COMPLETION" ;;
    *) if [[ -n ${2-} ]]; then
         grep -qE -- "__pov_needs_sub $2' -a $1( |$)" "$FISH_COMPLETION"
       else
         grep -qE -- "__pov_needs_command -a $1( |$)" "$FISH_COMPLETION"
       fi ;;
  esac
}

# in_list WORD LIST: LIST (one per line) holds WORD.
in_list() {
  grep -qxF -- "$1" <<<"$2"
}

for file in "$MAN" "$GUIDE" "$BASH_COMPLETION" "$ZSH_COMPLETION" "$FISH_COMPLETION"; do
  doc_check "$file exists" test -s "$file"
done

commands=$(help_subcommands)
doc_check "pov --help lists subcommands" test -n "$commands"

# ---- every command: man page, guide, bash completion ----------------------------------------
command_list=$(grep -E '^_pov_commands=' "$BASH_COMPLETION" || true)
for command in $commands; do
  doc_check "docs/pov.1 documents 'pov $command'" has_word "$MAN" "pov $command"
  doc_check "docs/guide.md documents 'pov $command'" has_word "$GUIDE" "pov $command"
  doc_check "completions/pov.bash completes '$command'" grep -qwF -- "$command" <<<"$command_list"
  doc_check "completions/_pov completes '$command'" zsh_names "$command"
  doc_check "completions/pov.fish completes '$command'" fish_names "$command"
  for sub in $(help_subcommands "$command"); do
    doc_check "docs/pov.1 documents 'pov $command $sub'" has_word "$MAN" "pov $command $sub"
    doc_check "docs/guide.md documents 'pov $command $sub'" has_word "$GUIDE" "pov $command $sub"
    doc_check "completions/pov.bash completes '$command $sub'" \
      grep -qE -- "^ *$command\) .*[\" ]$sub[\" ]" "$BASH_COMPLETION"
    doc_check "completions/_pov completes '$command $sub'" zsh_names "$sub"
    doc_check "completions/pov.fish completes '$command $sub'" fish_names "$sub" "$command"
  done
done

# ---- options: create's by name, then every command's ------------------------------------------
create_options=$(help_options create)
doc_check "pov create --help lists options" test -n "$create_options"
offered=$(completes create NAME)
for option in $create_options; do
  doc_check "completions/pov.bash completes create's $option" in_list "$option" "$offered"
  doc_check "docs/guide.md has create's $option" has_word "$GUIDE" "$option"
done

for command in $commands; do
  subs=$(help_subcommands "$command")
  for path in "$command" ${subs:+$(for s in $subs; do echo "$command:$s"; done)}; do
    [[ -n $subs && $path == "$command" ]] && continue # cap, config, db: their subcommands' options
    offered=$(completes ${path/:/ })
    for option in $(help_options ${path/:/ }); do
      doc_check "completions/pov.bash completes '${path/:/ }' option $option" in_list "$option" "$offered"
      doc_check "docs/guide.md has '${path/:/ }' option $option" has_word "$GUIDE" "$option"
      doc_check "docs/pov.1 has '${path/:/ }' option $option" man_has_word "$option"
      doc_check "completions/_pov completes '${path/:/ }' option $option" zsh_names "$option"
      doc_check "completions/pov.fish completes '${path/:/ }' option $option" fish_names "$option"
    done
  done
done

# ---- the examples: run on a fresh folder, their shown output compared (doc_examples.py) ----------
for doc in "$ROOT/README.md" "$GUIDE" "$ROOT/docs/report.md"; do
  doc_check "the examples of ${doc#"$ROOT"/} print what they show" \
    python3 "$ROOT/tests/cli/doc_examples.py" "$POV_BIN" "$doc"
done

# ---- the completion script itself ---------------------------------------------------------------
doc_check "completions/pov.bash is valid bash" bash -n "$BASH_COMPLETION"
completed=$(bash -c 'source "$1"; COMP_WORDS=(pov cr); COMP_CWORD=1; _pov; echo "${COMPREPLY[*]}"' _ "$BASH_COMPLETION")
doc_check "bash completes 'pov cr' to create (got '$completed')" test "$completed" = create

finish

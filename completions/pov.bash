# bash completion for pov                                    -*- shell-script -*-
#
# Install: copy to /usr/share/bash-completion/completions/pov (or
# ~/.local/share/bash-completion/completions/pov), or source it from ~/.bashrc:
#     source /path/to/completions/pov.bash
# Static: it completes commands, options and fixed choices, and file names for
# --db, --config, --output, --include, `db backup FILE` and `import FILE`. It does not complete POV ids.

_pov_commands="init db create set show list history cap signoff qualify approve start extend close cancel reopen log retro report results export import config demo"
_pov_global_options="--db --config --today --no-color -q --quiet --version -h --help"
_pov_field_options="--account --opportunity --stage --segment --deal --net-arr --lam-significant --type --strategic --solution --owner --sa --csm --champion --economic-buyer --technical-lead --business-owner --why-now --why-anything --metrics --decision-process --pain --eb-access --impact --desired-future --business-outcomes --objective --in-scope --out-of-scope --customer-commitments --next-steps --start --end --ps-positioned --license-purchased"
_pov_solutions="devsecops software-compliance automated-software-delivery devops-platform"

# The options of a command ("cap add", "report", ...).
_pov_command_options() {
    case $1 in
        init | demo | "config show" | "config path" | "db check" | "db backup" | "db path") echo "" ;;
        create) echo "$_pov_field_options --capability --json" ;;
        set) echo "--name $_pov_field_options --json" ;;
        show | history | log | "cap rm" | "cap list") echo "--json" ;;
        list) echo "--status --sa --account --type --overdue --ending-within --all --sort --limit --json" ;;
        "cap add") echo "--target --outcome --json" ;;
        "cap set") echo "--status --evidence --title --target --outcome --json" ;;
        signoff) echo "--champion --economic-buyer --on --json" ;;
        qualify) echo "--dry-run --json" ;;
        approve) echo "--by --json" ;;
        start) echo "--on --force --json" ;;
        extend) echo "--to --reason --json" ;;
        retro) echo "--went-well --problems --change --on-track --json" ;;
        close) echo "--result --reason --competitor --loss-type --on --json" ;;
        cancel) echo "--reason --json" ;;
        reopen) echo "--reason --force --json" ;;
        report) echo "--period --since --until --sa --format --json --output --include" ;;
        results) echo "--format --output" ;;
        export) echo "--format --output" ;;
        import) echo "--dry-run --json" ;;
        "config init") echo "--force" ;;
    esac
}

# Options that take a value (the next word is that value, not a command).
_pov_takes_value() {
    case $1 in
        --db | --config | --today | --output | --include | --capability | --name | \
        --status | --sa | --account | --type | --ending-within | --sort | --limit | \
        --target | --outcome | --evidence | --title | --on | --by | --to | --reason | \
        --went-well | --problems | --change | --on-track | --result | --competitor | --loss-type | \
        --period | --since | --until | --format) return 0 ;;
    esac
    case " $_pov_field_options " in
        *" $1 "*) return 0 ;; # every field option takes a value
    esac
    return 1
}

_pov_compgen_words() {
    local IFS=$' \t\n'
    COMPREPLY=($(compgen -W "$1" -- "$2"))
}

_pov_compgen_files() {
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$1"))
}

_pov() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    # --option=value: bash splits at '='; complete the value of the option before it.
    if [[ $cur == "=" ]]; then
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        cur=""
    elif [[ $prev == "=" ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi

    # Find the command and, for cap, config and db, its subcommand.
    local command="" sub="" i word
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == "=" ]]; then
            ((i++)) # --option=value: skip the value
        elif [[ $word == -* ]]; then
            [[ $word != *=* ]] && _pov_takes_value "$word" && [[ ${COMP_WORDS[i + 1]} != "=" ]] && ((i++))
        elif [[ -z $command ]]; then
            command=$word
        elif [[ -z $sub && ($command == cap || $command == config || $command == db) ]]; then
            sub=$word
        fi
    done
    local full=$command
    [[ -n $sub ]] && full="$command $sub"

    # The value of the option before the cursor.
    case $prev in
        --db | --config | --output | --include)
            _pov_compgen_files "$cur"
            return
            ;;
        --type) _pov_compgen_words "guided onsite paid lite" "$cur"; return ;;
        --segment) _pov_compgen_words "enterprise commercial" "$cur"; return ;;
        --deal) _pov_compgen_words "new-logo uptier" "$cur"; return ;;
        --result) _pov_compgen_words "successful unsuccessful" "$cur"; return ;;
        --loss-type) _pov_compgen_words "technical non-technical" "$cur"; return ;;
        --solution) _pov_compgen_words "$_pov_solutions" "$cur"; return ;;
        --lam-significant | --strategic | --ps-positioned | --license-purchased | --on-track)
            _pov_compgen_words "yes no" "$cur"
            return
            ;;
        --status)
            if [[ $full == "cap set" ]]; then
                _pov_compgen_words "pending met partial not-met" "$cur"
            else
                _pov_compgen_words "new qualified in_progress in-progress closed cancelled" "$cur"
            fi
            return
            ;;
        --format)
            if [[ $command == results ]]; then
                _pov_compgen_words "markdown html" "$cur"
            elif [[ $command == export ]]; then
                _pov_compgen_words "json csv salesforce" "$cur"
            else
                _pov_compgen_words "text markdown json csv html" "$cur"
            fi
            return
            ;;
        --period) _pov_compgen_words "week month quarter all" "$cur"; return ;;
        --sort) _pov_compgen_words "id name account sa type status start end net_arr" "$cur"; return ;;
        --start | --end | --on | --to | --since | --until)
            _pov_compgen_words "today yesterday tomorrow" "$cur"
            return
            ;;
    esac
    if _pov_takes_value "$prev" && [[ $prev == --* ]]; then
        COMPREPLY=() # free text, a number or an id: nothing to offer
        return
    fi

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            _pov_compgen_words "$_pov_global_options" "$cur"
        else
            _pov_compgen_words "$_pov_commands" "$cur"
        fi
        return
    fi

    if [[ -z $sub && $cur != -* ]]; then
        case $command in
            cap) _pov_compgen_words "add set rm list" "$cur"; return ;;
            config) _pov_compgen_words "init show path" "$cur"; return ;;
            db) _pov_compgen_words "check backup path" "$cur"; return ;;
        esac
    fi

    if [[ ($full == "db backup" || $full == import) && $cur != -* ]]; then
        _pov_compgen_files "$cur"
        return
    fi

    if [[ $cur == -* ]]; then
        _pov_compgen_words "$(_pov_command_options "$full") $_pov_global_options" "$cur"
        return
    fi
    COMPREPLY=()
}

complete -F _pov pov

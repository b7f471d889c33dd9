# bash completion for pov                                    -*- shell-script -*-
#
# Installed by `cmake --install` and the .deb as .../share/bash-completion/completions/pov,
# which bash-completion loads when you first complete pov. By hand: save it as
# ~/.local/share/bash-completion/completions/pov, or put this line in ~/.bashrc:
#     source <(pov completion bash)
# It completes commands, options, fixed choices, dates and files; POV ids, success criterion
# numbers and the configured solutions come from `pov __complete`, which reads the database
# (--db, --config on the line count) and creates nothing.

_pov_commands="init db create set edit plan show list history cap signoff qualify approve start extend log retro journal close cancel reopen report results export import config demo completion help delete"

# Options: those that take a value end in "=" here (the "=" is not offered).
_pov_global_options="--db= --config= --today= --no-color -q --quiet -h --help"
_pov_field_options="--account= --opportunity= --stage= --segment= --deal= --net-arr= --lam-significant= --type= --strategic= --solution= --owner= --sa= --csm= --champion= --economic-buyer= --technical-lead= --business-owner= --why-now= --why-anything= --metrics= --decision-process= --pain= --eb-access= --impact= --desired-future= --business-outcomes= --objective= --in-scope= --out-of-scope= --customer-commitments= --next-steps= --start= --end= --exec-review-on= --business-impact= --findings= --ps-positioned= --license-purchased="

# The options of a command ("cap add", "report", ...), besides the global ones.
_pov_command_options() {
    case $1 in
        create) echo "$_pov_field_options --capability= --from= --json" ;;
        set) echo "--name= $_pov_field_options --started-on= --from= --json" ;;
        show | history | edit | "cap rm" | "cap list" | journal | "journal rm") echo "--json" ;;
        "journal edit") echo "--text= --on= --shared= --json" ;;
        log) echo "--shared --on= --json" ;;
        delete) echo "--yes" ;;
        list) echo "--status= --sa= --account= --type= --overdue --ending-within= --all --sort= --limit= --json" ;;
        "cap add") echo "--target= --outcome= --json" ;;
        "cap set") echo "--status= --evidence= --title= --target= --outcome= --json" ;;
        signoff) echo "--champion --economic-buyer --on= --json" ;;
        qualify) echo "--dry-run --json" ;;
        approve) echo "--by= --json" ;;
        start) echo "--on= --force --json" ;;
        extend) echo "--to= --reason= --json" ;;
        retro) echo "--went-well= --problems= --change= --on-track= --on= --json" ;;
        close) echo "--result= --reason= --competitor= --loss-type= --on= --json" ;;
        cancel) echo "--reason= --json" ;;
        reopen) echo "--reason= --force --json" ;;
        report) echo "--period= --since= --until= --sa= --format= --json --output= --include=" ;;
        results) echo "--format= --internal --output=" ;;
        "plan template") echo "--type=" ;;
        export) echo "--format= --output=" ;;
        import) echo "--dry-run --json" ;;
        "config init") echo "--force" ;;
        "config show" | "db check") echo "--json" ;;
    esac
}

# The subcommands of a command group.
_pov_subcommands() {
    case $1 in
        cap) echo "add set rm list" ;;
        journal) echo "edit rm" ;;
        plan) echo "template show" ;;
        config) echo "init show path" ;;
        db) echo "check backup path" ;;
        completion) echo "bash zsh fish" ;;
    esac
}

# What the first argument of a command is: a POV id (open POVs, or every POV for the reads,
# set, edit and reopen), a file, or nothing to offer.
_pov_first_argument() {
    case $1 in
        show | history | results | reopen | set | edit | delete | "cap list" | "plan show" | journal | "journal edit" | "journal rm") echo all-ids ;;
        signoff | qualify | approve | start | extend | log | retro | close | cancel | "cap add" | "cap set" | "cap rm") echo open-ids ;;
        import | "db backup") echo file ;;
    esac
}

# _pov_takes_value OPTION COMMAND: OPTION takes a value in COMMAND (signoff --champion does not).
_pov_takes_value() {
    local options=" $_pov_global_options $(_pov_command_options "$2") "
    [[ $options == *" $1= "* ]]
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

# _pov_helper ARGS...: `pov __complete ARGS` on the database and config of the line; silent.
_pov_helper() {
    local pov=${COMP_WORDS[0]}
    [[ $pov == "~/"* ]] && pov=$HOME/${pov#"~/"}
    type -P "$pov" >/dev/null || pov=pov # an alias or function of another name
    "$pov" "${_pov_globals[@]}" __complete "$@" 2>/dev/null </dev/null
}

# _pov_keys ARGS...: the first column of `pov __complete ARGS` (ids, criterion numbers); bash
# shows no descriptions, so the names are dropped.
_pov_keys() {
    local line keys=""
    while IFS= read -r line; do
        keys+=" ${line%%$'\t'*}"
    done < <(_pov_helper "$@")
    _pov_compgen_words "$keys" "$cur"
}

# _pov_values OPTION COMMAND: the values of OPTION.
_pov_values() {
    case $1 in
        --db | --config | --output | --include | --from) _pov_compgen_files "$cur" ;;
        --type) _pov_compgen_words "guided onsite paid lite" "$cur" ;;
        --segment) _pov_compgen_words "enterprise commercial" "$cur" ;;
        --deal) _pov_compgen_words "new-logo uptier" "$cur" ;;
        --result) _pov_compgen_words "successful unsuccessful" "$cur" ;;
        --loss-type) _pov_compgen_words "technical non-technical" "$cur" ;;
        --stage) _pov_compgen_words "0 1 2 3 4 5 6 7 8" "$cur" ;;
        --solution) _pov_compgen_words "$(_pov_helper solutions)" "$cur" ;;
        --lam-significant | --strategic | --ps-positioned | --license-purchased | --on-track | --shared)
            _pov_compgen_words "yes no" "$cur"
            ;;
        --status)
            if [[ $2 == "cap set" ]]; then
                _pov_compgen_words "pending met partial not-met" "$cur"
            else
                _pov_compgen_words "new qualified in_progress in-progress closed cancelled" "$cur"
            fi
            ;;
        --format)
            case $2 in
                results) _pov_compgen_words "markdown html" "$cur" ;;
                export) _pov_compgen_words "json csv salesforce" "$cur" ;;
                *) _pov_compgen_words "text markdown json csv html" "$cur" ;;
            esac
            ;;
        --period) _pov_compgen_words "week month quarter all" "$cur" ;;
        --sort) _pov_compgen_words "id name account sa type status start end net_arr" "$cur" ;;
        --start | --end | --exec-review-on | --on | --started-on | --to | --since | --until) _pov_compgen_words "today yesterday tomorrow" "$cur" ;;
        *) COMPREPLY=() ;; # free text, a number or an ISO date (--today): nothing to offer
    esac
}

_pov() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    # --option=value: bash splits at '='; complete the value of the option before it.
    if [[ $cur == "=" ]]; then
        cur=""
    elif [[ $prev == "=" ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi

    # The command, its subcommand (cap, plan, config, db, completion, journal), the arguments after them,
    # and --db/--config for the helper.
    local command="" sub="" arguments=0 first="" i word value
    local -a _pov_globals=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == -* ]]; then
            value=""
            if [[ $word == *=* ]]; then
                value=${word#*=}
                word=${word%%=*}
            elif [[ ${COMP_WORDS[i + 1]-} == "=" ]]; then
                ((i += 2))
                value=${COMP_WORDS[i]-}
            elif _pov_takes_value "$word" "$command${sub:+ $sub}"; then
                ((i++))
                value=${COMP_WORDS[i]-}
            fi
            if [[ $word == --db || $word == --config ]] && ((i < COMP_CWORD)); then
                [[ $value == "~/"* ]] && value=$HOME/${value#"~/"}
                _pov_globals+=("$word" "$value")
            fi
        elif [[ -z $command ]]; then
            command=$word
        elif [[ -z $sub && $arguments == 0 && -n $(_pov_subcommands "$command") ]] &&
            [[ $command != journal || " $(_pov_subcommands journal) " == *" $word "* ]]; then
            sub=$word # journal takes an ID of its own, or one of its commands
        else
            ((arguments++ == 0)) && first=$word
        fi
    done
    local full=$command${sub:+ $sub}

    # The value of the option before the cursor.
    if [[ $prev == -* ]] && { [[ $cur == "" && ${COMP_WORDS[COMP_CWORD]} == "=" ]] || _pov_takes_value "$prev" "$full"; }; then
        _pov_values "$prev" "$full"
        return
    fi

    if [[ $cur == -* ]]; then
        local options="$_pov_global_options"
        [[ -z $command ]] && options+=" --version"
        [[ -n $command && ($(_pov_subcommands "$command") == "" || -n $sub || $command == journal) ]] &&
            options+=" $(_pov_command_options "$full")"
        _pov_compgen_words "${options//=/}" "$cur"
        return
    fi

    if [[ -z $command ]]; then
        _pov_compgen_words "$_pov_commands" "$cur"
        return
    fi

    if [[ $command == journal && -z $sub ]]; then
        ((arguments == 0)) || return
        _pov_compgen_words "$(_pov_subcommands journal)" "$cur"
        local -a commands=("${COMPREPLY[@]}")
        _pov_keys ids --all
        COMPREPLY=("${commands[@]}" "${COMPREPLY[@]}")
        return
    fi

    if [[ -z $sub && -n $(_pov_subcommands "$command") ]]; then
        _pov_compgen_words "$(_pov_subcommands "$command")" "$cur"
        return
    fi

    COMPREPLY=()
    if ((arguments == 0)); then
        case $(_pov_first_argument "$full") in
            all-ids) _pov_keys ids --all ;;
            open-ids) _pov_keys ids ;;
            file) _pov_compgen_files "$cur" ;;
        esac
    elif ((arguments == 1)) && [[ $full == "cap set" || $full == "cap rm" ]]; then
        _pov_keys capabilities "$first"
    fi
}

complete -F _pov pov

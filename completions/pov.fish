# fish completion for pov
#
# Installed by `cmake --install` and the .deb as .../share/fish/vendor_completions.d/pov.fish,
# where fish looks. By hand: pov completion fish > ~/.config/fish/completions/pov.fish
# It completes commands, options, fixed choices, dates and files; POV ids and success criteria
# (with their names) and the configured solutions come from `pov __complete`, which reads the
# database (--db, --config on the line count) and creates nothing.

# The words of the line so far that are not options or option values: the command, its
# subcommand (cap, plan, config, db, completion, journal) and their arguments.
function __pov_words
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l words
    set -l skip 0
    for token in $tokens
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $token
            case --champion --economic-buyer
                # flags of signoff; fields (with a value) of create and set
                if test "$words[1]" != signoff
                    set skip 1
                end
            case --shared
                # a flag of log; a yes/no of journal edit
                if test "$words[1]" = journal
                    set skip 1
                end
            case --db --config --today --output --include --from --capability --name --status --sa --account \
                --type --ending-within --sort --limit --target --outcome --evidence --title --on --by --to \
                --reason --went-well --problems --change --on-track --result --competitor --loss-type \
                --period --since --until --format --opportunity --stage --segment --deal --net-arr \
                --lam-significant --strategic --solution --owner --csm --technical-lead --business-owner \
                --why-now --why-anything --metrics --decision-process --pain --eb-access --impact \
                --desired-future --business-outcomes --objective --in-scope --out-of-scope \
                --customer-commitments --next-steps --start --end --ps-positioned --license-purchased \
                --exec-review-on --business-impact --findings --text
                set skip 1
            case '-*'
            case '*'
                set -a words $token
        end
    end
    string join \n -- $words
end

# True when no command is given yet.
function __pov_needs_command
    test (count (__pov_words)) -eq 0
end

# __pov_is COMMAND [SUB]: true when the line holds this command (and subcommand).
function __pov_is
    set -l words (__pov_words)
    test (count $words) -ge (count $argv); or return 1
    for i in (seq (count $argv))
        test "$words[$i]" = "$argv[$i]"; or return 1
    end
end

# __pov_needs_sub COMMAND: the line holds this command group and not yet its subcommand.
function __pov_needs_sub
    set -l words (__pov_words)
    test (count $words) -eq 1; and test "$words[1]" = "$argv[1]"
end

# __pov_wants_id open|all: the next word is the POV id of a command that takes one; `all` for
# the commands that may name any POV (reads, set, edit, reopen), `open` for the others.
function __pov_wants_id
    set -l words (__pov_words)
    switch "$words"
        case show history results reopen set edit delete 'cap list' 'plan show' journal 'journal edit' 'journal rm'
            test "$argv[1]" = all
        case signoff qualify approve start extend log retro close cancel 'cap add' 'cap set' 'cap rm'
            test "$argv[1]" = open
        case '*'
            return 1
    end
end

# __pov_wants_capability: the next word is the criterion number of cap set or cap rm.
function __pov_wants_capability
    set -l words (__pov_words)
    test (count $words) -eq 3; and contains -- "$words[1] $words[2]" 'cap set' 'cap rm'
end

# __pov_capabilities: the criteria of the POV named on the line, with their titles.
function __pov_capabilities
    __pov_helper capabilities (__pov_words)[3]
end

# __pov_helper ARGS...: `pov __complete ARGS` on the database and config of the line; silent.
function __pov_helper
    set -l tokens (commandline -opc)
    set -l globals
    set -l n (count $tokens)
    for i in (seq 2 (math $n - 1))
        switch $tokens[$i]
            case --db --config
                set -a globals $tokens[$i] (string replace -r '^~/' "$HOME/" -- $tokens[(math $i + 1)])
        end
    end
    for token in $tokens
        switch $token
            case '--db=*' '--config=*'
                set -a globals (string replace -r '=~/' "=$HOME/" -- $token)
        end
    end
    set -l pov (string replace -r '^~/' "$HOME/" -- $tokens[1])
    command -q $pov; or set pov pov # an alias or function of another name
    $pov $globals __complete $argv 2>/dev/null </dev/null
end

complete -c pov -f

# Global options, anywhere on the line.
complete -c pov -l db -r -F -d 'The database file'
complete -c pov -l config -r -F -d 'The config file'
complete -c pov -l today -x -d 'Take this date (YYYY-MM-DD) as today'
complete -c pov -l no-color -d 'No colour, even on a terminal'
complete -c pov -s q -l quiet -d 'Print only data and errors'
complete -c pov -s h -l help -d 'Print help and exit'
complete -c pov -n __pov_needs_command -l version -d 'Print the version and exit'

# Commands.
complete -c pov -n __pov_needs_command -a init -d 'Create the database if missing; print its path'
complete -c pov -n __pov_needs_command -a db -d 'The database file: check, backup, path'
complete -c pov -n __pov_needs_command -a create -d 'Create a POV'
complete -c pov -n __pov_needs_command -a set -d "Change a POV's fields"
complete -c pov -n __pov_needs_command -a edit -d 'Edit a POV as a TOML plan in $VISUAL or $EDITOR'
complete -c pov -n __pov_needs_command -a plan -d 'TOML plans: template, show'
complete -c pov -n __pov_needs_command -a show -d 'Everything about one POV, with its risks'
complete -c pov -n __pov_needs_command -a list -d 'List POVs (the open ones by default)'
complete -c pov -n __pov_needs_command -a history -d 'The audit log of one POV'
complete -c pov -n __pov_needs_command -a cap -d 'Success criteria: add, set, rm, list'
complete -c pov -n __pov_needs_command -a signoff -d "Record the champion's or economic buyer's sign-off"
complete -c pov -n __pov_needs_command -a qualify -d 'Check the ten qualification rules'
complete -c pov -n __pov_needs_command -a approve -d "Record a manager's approval"
complete -c pov -n __pov_needs_command -a start -d 'Start a qualified POV'
complete -c pov -n __pov_needs_command -a extend -d "Move an in-progress POV's end"
complete -c pov -n __pov_needs_command -a log -d "Add a note to a POV's journal"
complete -c pov -n __pov_needs_command -a retro -d 'Record a weekly retrospective'
complete -c pov -n __pov_needs_command -a close -d 'Close an in-progress POV with its result'
complete -c pov -n __pov_needs_command -a cancel -d 'Cancel an open POV'
complete -c pov -n __pov_needs_command -a reopen -d 'Reopen a closed or cancelled POV'
complete -c pov -n __pov_needs_command -a report -d 'The weekly report'
complete -c pov -n __pov_needs_command -a results -d 'The results document for the executive sponsor'
complete -c pov -n __pov_needs_command -a export -d 'Every POV out: JSON for import, CSV, Salesforce CSV'
complete -c pov -n __pov_needs_command -a import -d 'POVs in from an export, all or nothing, by uuid'
complete -c pov -n __pov_needs_command -a config -d 'The TOML config: init, show, path'
complete -c pov -n __pov_needs_command -a demo -d 'Fill an empty database with sample POVs'
complete -c pov -n __pov_needs_command -a completion -d 'Print a shell completion script: bash, zsh, fish'
complete -c pov -n __pov_needs_command -a help -d 'Help on pov or on one command'
complete -c pov -n __pov_needs_command -a delete -d 'Remove a POV entered by mistake'
complete -c pov -n __pov_needs_command -a journal -d "A POV's journal, numbered: list, edit, rm"

# Subcommands.
complete -c pov -n '__pov_needs_sub cap' -a add -d 'Add a success criterion (at most 5)'
complete -c pov -n '__pov_needs_sub cap' -a set -d 'Change a success criterion'
complete -c pov -n '__pov_needs_sub cap' -a rm -d 'Remove a success criterion'
complete -c pov -n '__pov_needs_sub cap' -a list -d "A POV's success criteria"
complete -c pov -n '__pov_needs_sub plan' -a template -d 'Print a commented blank plan'
complete -c pov -n '__pov_needs_sub plan' -a show -d 'Print a POV as a plan'
complete -c pov -n '__pov_needs_sub config' -a init -d 'Write the default config'
complete -c pov -n '__pov_needs_sub config' -a show -d 'Print the config in effect'
complete -c pov -n '__pov_needs_sub config' -a path -d "Print the config file's path"
complete -c pov -n '__pov_needs_sub db' -a check -d "Check the database's integrity"
complete -c pov -n '__pov_needs_sub db' -a backup -d 'Copy the database to FILE'
complete -c pov -n '__pov_needs_sub db' -a path -d "Print the database file's path"
complete -c pov -n '__pov_needs_sub completion' -a bash -d 'The bash completion'
complete -c pov -n '__pov_needs_sub completion' -a zsh -d 'The zsh completion'
complete -c pov -n '__pov_needs_sub completion' -a fish -d 'The fish completion'
complete -c pov -n '__pov_needs_sub journal' -a edit -d 'Correct a journal entry'
complete -c pov -n '__pov_needs_sub journal' -a rm -d 'Remove a journal entry'

# POV ids and criterion numbers, described by their names; files for the FILE arguments.
complete -c pov -n '__pov_wants_id open' -k -a '(__pov_helper ids)'
complete -c pov -n '__pov_wants_id all' -k -a '(__pov_helper ids --all)'
complete -c pov -n __pov_wants_capability -k -a '(__pov_capabilities)'
complete -c pov -n '__pov_is db backup' -F
complete -c pov -n '__pov_is import' -F

# --json on the commands that take it.
for c in create set edit show list history signoff qualify approve start extend close cancel reopen log retro report
    complete -c pov -n "__pov_is $c" -l json -d 'Print the result as JSON'
end
for s in add set rm list
    complete -c pov -n "__pov_is cap $s" -l json -d 'Print the result as JSON'
end
complete -c pov -n '__pov_is journal' -l json -d 'Print the result as JSON'

# journal edit
complete -c pov -n '__pov_is journal edit' -l text -x -d 'The corrected text'
complete -c pov -n '__pov_is journal edit' -l on -x -a 'today yesterday' -d 'The day it is about'
complete -c pov -n '__pov_is journal edit' -l shared -x -a 'yes no' -d 'Whether the customer may read it (notes only)'

# Field options of create and set.
for c in create set
    set -l n "__pov_is $c"
    complete -c pov -n $n -l account -x -d 'The customer company'
    complete -c pov -n $n -l opportunity -x -d "The associated opportunity's name"
    complete -c pov -n $n -l stage -x -a '0 1 2 3 4 5 6 7 8' -d 'Opportunity stage; 3 is Technical Evaluation'
    complete -c pov -n $n -l segment -x -a 'enterprise commercial' -d 'Enterprise or commercial'
    complete -c pov -n $n -l deal -x -a 'new-logo uptier' -d 'New logo, or uptier of an existing customer'
    complete -c pov -n $n -l net-arr -x -d 'Net ARR in USD (150000, 150k, 1.2M)'
    complete -c pov -n $n -l lam-significant -x -a 'yes no' -d 'Significant landed addressable market'
    complete -c pov -n $n -l type -x -a 'guided onsite paid lite' -d 'POV type'
    complete -c pov -n $n -l strategic -x -a 'yes no' -d 'A strategic POV'
    complete -c pov -n $n -l solution -x -a '(__pov_helper solutions)' -d 'The solution the POV proves'
    complete -c pov -n $n -l owner -x -d 'The SAL or AE who owns the opportunity'
    complete -c pov -n $n -l sa -x -d 'The Solutions Architect who owns execution'
    complete -c pov -n $n -l csm -x -d 'The Customer Success Manager'
    complete -c pov -n $n -l champion -x -d "The customer's champion"
    complete -c pov -n $n -l economic-buyer -x -d 'The economic buyer (executive sponsor)'
    complete -c pov -n $n -l technical-lead -x -d "The customer's technical POV lead"
    complete -c pov -n $n -l business-owner -x -d "The customer's business owner"
    complete -c pov -n $n -l why-now -x -d 'Command plan: why now'
    complete -c pov -n $n -l why-anything -x -d 'Command plan: why do anything at all'
    complete -c pov -n $n -l metrics -x -d 'Command plan: the metrics that prove value'
    complete -c pov -n $n -l decision-process -x -d 'Command plan: stakeholders and how they decide'
    complete -c pov -n $n -l pain -x -d 'Command plan: the pain'
    complete -c pov -n $n -l eb-access -x -d 'Command plan: access to the economic buyer'
    complete -c pov -n $n -l impact -x -d 'Command plan: impact of not solving it'
    complete -c pov -n $n -l desired-future -x -d 'The desired future state (strategic guided POVs)'
    complete -c pov -n $n -l business-outcomes -x -d 'The desired business outcomes (strategic guided POVs)'
    complete -c pov -n $n -l objective -x -d "Proposal: the POV's objective"
    complete -c pov -n $n -l in-scope -x -d 'Proposal: what is in scope'
    complete -c pov -n $n -l out-of-scope -x -d 'Proposal: what is out of scope'
    complete -c pov -n $n -l customer-commitments -x -d 'Proposal: what the customer commits'
    complete -c pov -n $n -l next-steps -x -d 'Proposal: what happens on success'
    complete -c pov -n $n -l start -x -a 'today yesterday tomorrow' -d 'Planned start date'
    complete -c pov -n $n -l end -x -a 'today yesterday tomorrow' -d 'Planned end date'
    complete -c pov -n $n -l exec-review-on -x -a 'today yesterday tomorrow' -d 'The executive review meeting'
    complete -c pov -n $n -l business-impact -x -d 'The quantified business impact shown'
    complete -c pov -n $n -l findings -x -d 'Technical findings and recommendations'
    complete -c pov -n $n -l ps-positioned -x -a 'yes no' -d 'Professional services positioned'
    complete -c pov -n $n -l license-purchased -x -a 'yes no' -d "A paid POV's prorated licence is bought"
    complete -c pov -n $n -l from -r -F -d 'Take the fields from a TOML plan'
end
complete -c pov -n '__pov_is create' -l capability -x -d "A success criterion's title (repeatable)"
complete -c pov -n '__pov_is set' -l name -x -d "The POV's name"
complete -c pov -n '__pov_is set' -l started-on -x -a 'today yesterday' -d 'Correct the recorded start'
complete -c pov -n '__pov_is log' -l on -x -a 'today yesterday' -d 'The day the note is about'
complete -c pov -n '__pov_is retro' -l on -x -a 'today yesterday' -d 'The day of the retro'
complete -c pov -n '__pov_is delete' -l yes -d 'Really remove it'

# plan template
complete -c pov -n '__pov_is plan template' -l type -x -a 'guided onsite paid lite' -d 'The POV type'

# list
complete -c pov -n '__pov_is list' -l status -x -a 'new qualified in_progress in-progress closed cancelled' -d 'Only this status (repeatable)'
complete -c pov -n '__pov_is list' -l sa -x -d "Only this SA's POVs"
complete -c pov -n '__pov_is list' -l account -x -d "Only this account's POVs"
complete -c pov -n '__pov_is list' -l type -x -a 'guided onsite paid lite' -d 'Only this type'
complete -c pov -n '__pov_is list' -l overdue -d 'Only in-progress POVs past their end'
complete -c pov -n '__pov_is list' -l ending-within -x -d 'Only in-progress POVs ending within N days'
complete -c pov -n '__pov_is list' -l all -d 'Every status, closed and cancelled too'
complete -c pov -n '__pov_is list' -l sort -x -a 'id name account sa type status start end net_arr' -d 'Order by'
complete -c pov -n '__pov_is list' -l limit -x -d 'At most N POVs'

# cap add, cap set
complete -c pov -n '__pov_is cap add' -l target -x -d 'The measurable threshold'
complete -c pov -n '__pov_is cap add' -l outcome -x -d 'The business outcome it serves'
complete -c pov -n '__pov_is cap set' -l status -x -a 'pending met partial not-met' -d 'The status'
complete -c pov -n '__pov_is cap set' -l evidence -x -d 'What proves the status'
complete -c pov -n '__pov_is cap set' -l title -x -d 'A new title (clears the sign-offs)'
complete -c pov -n '__pov_is cap set' -l target -x -d 'A new target (clears the sign-offs)'
complete -c pov -n '__pov_is cap set' -l outcome -x -d 'The business outcome it serves'

# signoff, qualify, approve, start, extend
complete -c pov -n '__pov_is signoff' -l champion -d 'The champion signs off'
complete -c pov -n '__pov_is signoff' -l economic-buyer -d 'The economic buyer signs off'
complete -c pov -n '__pov_is signoff' -l on -x -a 'today yesterday' -d 'The day of the sign-off'
complete -c pov -n '__pov_is qualify' -l dry-run -d 'Only report; change nothing'
complete -c pov -n '__pov_is approve' -l by -x -d 'The approving manager'
complete -c pov -n '__pov_is start' -l on -x -a 'today yesterday' -d 'The day it started'
complete -c pov -n '__pov_is start' -l force -d 'Start even when the SA is at the concurrency limit'
complete -c pov -n '__pov_is extend' -l to -x -a 'today tomorrow' -d 'The new end date'
complete -c pov -n '__pov_is extend' -l reason -x -d 'Why it needs more time'

# retro, close, cancel, reopen
complete -c pov -n '__pov_is retro' -l went-well -x -d 'What went well?'
complete -c pov -n '__pov_is retro' -l problems -x -d 'What problems do we need to overcome?'
complete -c pov -n '__pov_is retro' -l change -x -d 'What do we need to change?'
complete -c pov -n '__pov_is retro' -l on-track -x -a 'yes no' -d 'Are the success criteria on track?'
complete -c pov -n '__pov_is close' -l result -x -a 'successful unsuccessful' -d 'The result'
complete -c pov -n '__pov_is close' -l reason -x -d 'Why it ended this way'
complete -c pov -n '__pov_is close' -l competitor -x -d 'The competitor, if any'
complete -c pov -n '__pov_is close' -l loss-type -x -a 'technical non-technical' -d 'Needed when unsuccessful'
complete -c pov -n '__pov_is close' -l on -x -a 'today yesterday' -d 'The day it closed'
complete -c pov -n '__pov_is cancel' -l reason -x -d 'Why it is cancelled'
complete -c pov -n '__pov_is reopen' -l reason -x -d 'Why it is reopened'
complete -c pov -n '__pov_is reopen' -l force -d 'Reopen into progress beyond the SA limit (recorded)'

# report, results
complete -c pov -n '__pov_is report' -l period -x -a 'week month quarter all' -d 'The period'
complete -c pov -n '__pov_is report' -l since -x -a 'today yesterday' -d "The period's first day"
complete -c pov -n '__pov_is report' -l until -x -a 'today yesterday' -d "The period's last day and the as-of date"
complete -c pov -n '__pov_is report' -l sa -x -d "Only this SA's POVs"
complete -c pov -n '__pov_is report' -l format -x -a 'text markdown json csv html' -d 'The output format'
complete -c pov -n '__pov_is report' -l output -r -F -d 'Write to FILE instead of stdout'
complete -c pov -n '__pov_is report' -l include -r -F -d "Add another SA's database, read-only"
complete -c pov -n '__pov_is results' -l format -x -a 'markdown html' -d 'The output format'
complete -c pov -n '__pov_is results' -l internal -d 'For the account team: add internal notes and retrospectives'
complete -c pov -n '__pov_is results' -l output -r -F -d 'Write to FILE instead of stdout'
complete -c pov -n '__pov_is log' -l shared -d 'The customer may read it (results document)'

# export, import
complete -c pov -n '__pov_is export' -l format -x -a 'json csv salesforce' -d 'The output format'
complete -c pov -n '__pov_is export' -l output -r -F -d 'Write to FILE instead of stdout'
complete -c pov -n '__pov_is import' -l dry-run -d 'Report what the import would do; write nothing'
complete -c pov -n '__pov_is import' -l json -d 'Print the result as JSON'

# config show, db check
complete -c pov -n '__pov_is config show' -l json -d 'Print the result as JSON'
complete -c pov -n '__pov_is db check' -l json -d 'Print the result as JSON'

# config init
complete -c pov -n '__pov_is config init' -l force -d 'Overwrite an existing config'

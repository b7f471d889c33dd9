# The global behaviour: version, help, unknown commands, stdout vs stderr.
source "$(dirname "$0")/lib.sh"

run --version
expect_rc 0 "--version"
expect_out "pov " "--version prints the name"

run --help
expect_rc 0 "--help"
expect_out "create" "--help lists commands"

run no-such-command
expect_rc 2 "unknown command"
expect_error_line "unknown command"
expect_no_out "unknown command"

run_raw
expect_rc 2 "no command"

run create "Acme" --account "Acme Corp" --sa "Sam" --start 2026-03-02 --end 2026-03-30
expect_rc 0 "create"
expect_out "Created POV 1: Acme" "create message"
expect_no_err "create is silent on stderr"

finish

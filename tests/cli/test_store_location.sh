# The store is chosen at one door by its location (contract section 11): a file path is SQLite;
# a server location is refused (exit 6), names no password, and creates nothing on disk.
source "$(dirname "$0")/lib.sh"

cd "$WORK" || exit 1
for location in "postgresql://sam:s3cret@db.example.com/pov" "postgres://db/pov" "POSTGRESQL://db/pov"; do
  for command in "list" "create X --account A --sa S" "init" "db check" "report"; do
    # shellcheck disable=SC2086
    run_raw --db "$location" $command
    expect_rc 6 "$command on $location"
    expect_error_line "$command on $location"
    expect_err "SQLite" "$command on $location says what is supported"
    CHECKS=$((CHECKS + 1))
    [[ $ERR != *s3cret* ]] || fail "$command on $location shows the password"
  done
done
expect_missing "$WORK/postgresql:" "no folder named like the URL"
expect_missing "$WORK/postgres:" "no folder named like the URL"

POV_DB="postgresql://db/pov" run_raw list
expect_rc 6 "POV_DB naming a server"

run report --include "postgresql://db/other"
expect_rc 6 "report --include naming a server"

# A path that only looks odd is still a file.
run_raw --db "$WORK/weird:name.db" init
expect_rc 0 "a file name with a colon"
expect_exists "$WORK/weird:name.db" "the file with a colon"

finish

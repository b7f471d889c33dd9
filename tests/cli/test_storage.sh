# The database file (section 11): refusing foreign, garbage and newer files without touching them,
# file modes, read commands on a missing database, where the database lives (--db, POV_DB, the
# config, XDG), db path|check|backup, the busy timeout, and nothing written after a failure.
source "$(dirname "$0")/lib.sh"

sum_of() { md5sum <"$1"; }

# ---- a garbage file is refused and left byte for byte untouched ---------------------------------
garbage=$WORK/garbage.db
head -c 8192 /dev/urandom >"$garbage"
cp "$garbage" "$WORK/garbage.orig"
for command in "list" "list --json" "show 1" "create X --account A --sa S" "log 1 note" "init" "db check"; do
  # shellcheck disable=SC2086
  run_raw --db "$garbage" $command
  expect_fail 6 "$command on a garbage file"
done
expect_err "$garbage" "the error names the file"
expect_file_same "$WORK/garbage.orig" "$garbage" "the garbage file is untouched"
expect_missing "$garbage-wal" "no WAL beside the garbage file"
expect_missing "$garbage-journal" "no journal beside the garbage file"

# A text file and an empty-but-foreign SQLite database too.
printf 'name,account\nAcme,Acme Corp\n' >"$WORK/povs.csv"
cp "$WORK/povs.csv" "$WORK/povs.csv.orig"
run_raw --db "$WORK/povs.csv" create X --account A --sa S
expect_fail 6 "a CSV file as --db"
expect_file_same "$WORK/povs.csv.orig" "$WORK/povs.csv" "the CSV file is untouched"
sqlite3 "$WORK/other.db" 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ("keep me")'
other_sum=$(sum_of "$WORK/other.db")
run_raw --db "$WORK/other.db" create X --account A --sa S
expect_fail 6 "another program's SQLite database"
expect_eq "$(sum_of "$WORK/other.db")" "$other_sum" "another program's database is untouched"

# ---- a database with a newer schema is refused and left untouched --------------------------------
future=$WORK/future.db
"$POV_BIN" --db "$future" -q create "Future" --account F --sa S </dev/null >/dev/null
sqlite3 "$future" 'PRAGMA user_version=99'
future_sum=$(sum_of "$future")
for command in "show 1" "list" "list --json" "create Y --account A --sa S" "set 1 --pain x" "log 1 note" \
  "history 1" "db check"; do
  # shellcheck disable=SC2086
  run_raw --db "$future" $command
  expect_fail 6 "$command on a user_version 99 database"
done
expect_err "99" "the error names the schema version"
expect_eq "$(sum_of "$future")" "$future_sum" "the newer database is byte for byte untouched"
expect_missing "$future-wal" "no WAL beside the newer database"
expect_eq "$(sqlite3 "$future" 'PRAGMA user_version')" 99 "user_version is still 99"

# ---- file modes: pov init in a new nested folder --------------------------------------------------
nested=$WORK/deep/er/folder/pov.db
run_raw --db "$nested" init
expect_rc 0 "init in a new nested folder"
expect_eq "$OUT" "$nested" "init prints the database path"
expect_eq "$(stat -c %a "$nested")" 600 "the database is 0600"
expect_eq "$(stat -c %a "$WORK/deep/er/folder")" 700 "the database's folder is 0700"
expect_eq "$(stat -c %a "$WORK/deep")" 700 "every created folder is 0700"
expect_eq "$(sqlite3 "$nested" 'PRAGMA user_version')" 4 "init creates the schema (migrations 1 to 4)"
nested_sum=$(sum_of "$nested")
run_raw --db "$nested" init
expect_rc 0 "init of an existing database"
run_raw --db "$nested" list --json
expect_eq "$OUT" "[]" "a fresh database is empty"
(umask 000 && "$POV_BIN" --db "$WORK/open/pov.db" -q create X --account A --sa S </dev/null >/dev/null)
expect_eq "$(stat -c %a "$WORK/open/pov.db")" 600 "the database is 0600 under umask 000"
expect_eq "$(stat -c %a "$WORK/open")" 700 "its folder is 0700 under umask 000"

# ---- read commands on a missing database behave as empty and create nothing ------------------------
missing=$WORK/not/yet/pov.db
run_raw --db "$missing" list --json
expect_rc 0 "list --json on a missing database"
expect_eq "$OUT" "[]" "list --json on a missing database is []"
run_raw --db "$missing" list
expect_rc 0 "list on a missing database"
run_raw --db "$missing" show 1
expect_fail 4 "show 1 on a missing database"
run_raw --db "$missing" history 1 --json
expect_fail 4 "history 1 on a missing database"
run_raw --db "$missing" cap list 1
expect_fail 4 "cap list 1 on a missing database"
run_raw --db "$missing" qualify 1 --dry-run
expect_fail 4 "qualify --dry-run on a missing database"
run_raw --db "$missing" db check
expect_rc 0 "db check on a missing database"
run_raw --db "$missing" db path
expect_eq "$OUT" "$missing" "db path on a missing database"
expect_missing "$missing" "read commands create no database"
expect_missing "$WORK/not" "read commands create no folder"

# Once a bug: a write command that fails on a missing database still creates the database and its
# folders (e.g. `pov --db new/pov.db create X --account A --sa S --start 2026-13-01` exits 2 and
# leaves new/pov.db behind; `pov --db new/pov.db log 1 x` exits 4 and does the same). Section 10:
# "Nothing is written when a command fails".
for command in "create X --account A --sa S --start 2026-13-01" "log 1 note" "set 1 --pain x" "start 1"; do
  run_raw --db "$missing" $command
  CHECKS=$((CHECKS + 1)); [[ $RC != 0 ]] || fail "$command on a missing database should fail"
  expect_missing "$missing" "a failed '$command' creates no database"
  expect_missing "$WORK/not" "a failed '$command' creates no folder"
done

# ---- where the database lives ------------------------------------------------------------------
xdg=$WORK/xdg
XDG_DATA_HOME=$xdg/data run_raw init
expect_rc 0 "init with XDG_DATA_HOME"
expect_eq "$OUT" "$xdg/data/pov/pov.db" "init prints the XDG path"
expect_exists "$xdg/data/pov/pov.db" "init creates \$XDG_DATA_HOME/pov/pov.db"
expect_eq "$(stat -c %a "$xdg/data/pov")" 700 "the XDG pov folder is 0700"
XDG_DATA_HOME=$xdg/data run_raw -q create "Via XDG" --account A --sa S
XDG_DATA_HOME=$xdg/data run_raw list --json
expect_jq '.[0].name' "Via XDG" "commands without --db use the XDG database"
run_raw db path
expect_eq "$OUT" "$HOME/.local/share/pov/pov.db" "without XDG_DATA_HOME: ~/.local/share/pov/pov.db"
XDG_DATA_HOME=relative/path run_raw db path
expect_eq "$OUT" "$HOME/.local/share/pov/pov.db" "a relative XDG_DATA_HOME is ignored"

POV_DB=$WORK/env/pov.db run_raw -q create "Via POV_DB" --account A --sa S
expect_rc 0 "create with POV_DB"
expect_exists "$WORK/env/pov.db" "POV_DB is honoured"
POV_DB=$WORK/env/pov.db run_raw db path
expect_eq "$OUT" "$WORK/env/pov.db" "db path shows POV_DB"
POV_DB=$WORK/env/pov.db run_raw --db "$WORK/flag.db" db path
expect_eq "$OUT" "$WORK/flag.db" "--db wins over POV_DB"
printf '[database]\npath = "%s"\n' "$WORK/fromconfig/pov.db" >"$WORK/dbpath.toml"
run_raw --config "$WORK/dbpath.toml" db path
expect_eq "$OUT" "$WORK/fromconfig/pov.db" "database.path from the config"
POV_DB=$WORK/env/pov.db run_raw --config "$WORK/dbpath.toml" db path
expect_eq "$OUT" "$WORK/env/pov.db" "POV_DB wins over the config"
XDG_DATA_HOME=$xdg/data run_raw --config "$WORK/dbpath.toml" db path
expect_eq "$OUT" "$WORK/fromconfig/pov.db" "the config wins over XDG"

# ---- db check and db backup --------------------------------------------------------------------------
id=$(started_pov "Backed up")
pov log "$id" "A note worth keeping"
run db check
expect_rc 0 "db check of a healthy database"
expect_out "ok" "db check says ok"
expect_no_err "db check ok writes nothing on stderr"
run db backup "$WORK/backup.db"
expect_rc 0 "db backup"
expect_eq "$(stat -c %a "$WORK/backup.db")" 600 "the backup is 0600"
run_raw --db "$WORK/backup.db" list --json
expect_rc 0 "the backup opens"
expect_jq '.[0].name' "Backed up" "the backup holds the POV"
run_raw --db "$WORK/backup.db" show "$id" --json
expect_jq '.journal[0].text' "A note worth keeping" "the backup holds the journal"
run_raw --db "$WORK/backup.db" db check
expect_rc 0 "the backup passes db check"
run -q db backup "$WORK/backup.db"
expect_rc 0 "db backup over an existing backup"
run db backup "$WORK/plainfile/backup.db"
expect_rc 6 "a backup whose folder cannot exist"
touch "$WORK/plainfile"
run db backup "$WORK/plainfile/backup.db"
expect_fail 6 "a backup under a regular file"

# ---- busy: another process holds the write lock past the timeout -----------------------------------
printf '[database]\nbusy_timeout_ms = 200\n' >"$WORK/fast.toml"
touch "$WORK/hold"
(
  printf 'BEGIN IMMEDIATE;\nUPDATE povs SET pain = pain;\n.print locked\n'
  for _ in $(seq 1 100); do [[ -e $WORK/hold ]] || break; sleep 0.1; done
  printf 'COMMIT;\n'
) | sqlite3 "$DB" >"$WORK/locker.out" &
locker=$!
for _ in $(seq 1 100); do grep -q locked "$WORK/locker.out" 2>/dev/null && break; sleep 0.05; done
run --config "$WORK/fast.toml" log "$id" "blocked"
expect_fail 6 "a write while another process holds the lock"
expect_err "busy" "the error says the database is busy"
expect_err "$DB" "the busy error names the file"
run --config "$WORK/fast.toml" show "$id" --json
expect_rc 0 "a read while another process holds the write lock"
rm -f "$WORK/hold"
wait "$locker"
run show "$id" --json
expect_jq '.journal | length' 1 "the blocked note was not written"

# ---- nothing is written when a command fails ------------------------------------------------------
for title in Two Three Four Five; do pov cap add "$id" "$title"; done
before=$(db_sum)
run set "$id" --stage 12
expect_fail 3 "set a rule violation"
run cap add "$id" "Sixth"
expect_fail 3 "a 6th capability"
run close "$id" --result successful --reason "Done"
expect_fail 5 "close with pending capabilities"
run start "$id" --on 2026-02-30
expect_fail 2 "a bad date"
run set "$id" --end 2026-04-30
expect_fail 5 "moving the end of a started POV with set"
run log "$id" ""
expect_fail 3 "an empty note"
expect_same_db "$before" "failing commands"

finish

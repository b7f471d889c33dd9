# The config file (sections 3 and 11): config init|show|path, where it is found, its keys taking
# effect, and every way it can be wrong (exit 7).
source "$(dirname "$0")/lib.sh"

# ---- config path ---------------------------------------------------------------------------------
run config path
expect_rc 0 "config path"
expect_eq "$OUT" "$HOME/.config/pov/config.toml" "the default config path"
XDG_CONFIG_HOME=$WORK/xdgc run config path
expect_eq "$OUT" "$WORK/xdgc/pov/config.toml" "XDG_CONFIG_HOME"
POV_CONFIG=$WORK/env.toml run config path
expect_eq "$OUT" "$WORK/env.toml" "POV_CONFIG"
POV_CONFIG=$WORK/env.toml run --config "$WORK/flag.toml" config path
expect_eq "$OUT" "$WORK/flag.toml" "--config wins over POV_CONFIG"

# A missing default config file means defaults (a named one that is missing exits 7:
# test_forgiving_strict.sh).
run config show
expect_rc 0 "config show without a config file"
expect_out "max_capabilities = 5" "default max_capabilities"
expect_out "max_concurrent_per_sa = 3" "default max_concurrent_per_sa"
expect_out "busy_timeout_ms = 5000" "default busy_timeout_ms"
expect_out "devsecops" "default solutions"
expect_missing "$HOME/.config/pov/config.toml" "config show creates no file"

# ---- config init ---------------------------------------------------------------------------------
cfg=$WORK/cfg/nested/config.toml
run --config "$cfg" config init
expect_rc 0 "config init"
expect_exists "$cfg" "config init writes the file"
expect_eq "$(stat -c %a "$cfg")" 600 "the config file is 0600"
# Once a bug: the file `pov config init` writes is refused by pov itself: `solutions = [...]` is written
# after the [rules] keys, so TOML reads it as rules.solutions, and every command with that config
# exits 7 ("invalid config …: unknown key 'rules.solutions'").
run --config "$cfg" config show
expect_rc 0 "the written config loads"
run --config "$cfg" -q create "With the written config" --account A --sa S
expect_rc 0 "create with the config config init wrote"
run --config "$cfg" config init
expect_fail 5 "config init does not overwrite"
echo "# my edit" >>"$cfg"
run --config "$cfg" config init --force
expect_rc 0 "config init --force"
CHECKS=$((CHECKS + 1))
! grep -q "# my edit" "$cfg" || fail "config init --force rewrites the file"

# Every key of section 3 is written...
missing=""
for key in "types.guided" "types.onsite" "types.paid" "types.lite"; do
  grep -q "^\[$key\]" "$cfg" || missing="$missing [$key]"
done
for key in min_days max_days max_extended_days max_capabilities uptier_min_net_arr max_concurrent_per_sa \
  require_approval max_extensions ending_soon_days stale_after_days solutions path busy_timeout_ms \
  on_create on_qualify on_start on_close; do
  grep -q "^$key = " "$cfg" || missing="$missing $key"
done
expect_eq "$missing" "" "config init writes every key"
expect_eq "$(grep -c '^min_days = ' "$cfg")" 4 "min_days for each of the four types"
# ...each with a comment: every key sits in a block (lines between blank lines) that has a
# comment line.
undocumented=$(awk '
  /^[[:space:]]*$/ { block_has_comment = 0; next }
  /^#/ { block_has_comment = 1; next }
  /^[a-z_]+ = / { if (!block_has_comment) print $1 }
' "$cfg")
expect_eq "$undocumented" "" "every key of config init is under a comment"
# Once a bug: section 3 says `pov config init` writes every key "with a comment each", but the keys of
# each [types.*] table (min_days, max_days, max_extended_days) share one comment above the table,
# and so do the four [hooks] keys. The strict check, a comment line right above each key (or
# above its table header):
uncommented=$(awk '
  /^#/ { prev = "comment"; next }
  /^\[/ { if (prev != "comment") prev = "header"; next }
  /^[a-z_]+ = / { if (prev != "comment") print $1; prev = "key"; next }
  { prev = "" }
' "$cfg")
expect_eq "$uncommented" "" "every key of config init has its own comment"

# The defaults are the contract's (config show without a config file, since the written one does
# not load; see the BUG above).
run config show
for line in "max_capabilities = 5" "uptier_min_net_arr = 100000" "max_concurrent_per_sa = 3" \
  "require_approval = false" "max_extensions = 1" "ending_soon_days = 7" "stale_after_days = 7" \
  "busy_timeout_ms = 5000"; do
  expect_out "$line" "config show: $line"
done
got=$(awk '/^\[types\./ { t = $0 } /^(min_days|max_days|max_extended_days) = / { printf "%s %s %s\n", t, $1, $3 }' <<<"$OUT")
want='[types.guided] min_days 14
[types.guided] max_days 45
[types.guided] max_extended_days 60
[types.onsite] min_days 1
[types.onsite] max_days 7
[types.onsite] max_extended_days 10
[types.paid] min_days 61
[types.paid] max_days 180
[types.paid] max_extended_days 365
[types.lite] min_days 7
[types.lite] max_days 30
[types.lite] max_extended_days 45'
expect_eq "$got" "$want" "the duration table of section 3"

# ---- keys take effect ------------------------------------------------------------------------------
printf '[rules]\nmax_concurrent_per_sa = 1\nmax_capabilities = 3\n[types.guided]\nmax_days = 20\nmax_extended_days = 25\n' \
  >"$WORK/tight.toml"
run --config "$WORK/tight.toml" config show
expect_out "max_concurrent_per_sa = 1" "config show shows the config in effect"
run --config "$WORK/tight.toml" create "Long" --account A --sa S --start 2026-03-02 --end 2026-03-30
expect_fail 3 "28 days with guided max_days = 20"
expect_err "14–20" "the error names the configured limit"
run --config "$WORK/tight.toml" -q create "Short" --account A --sa S --start 2026-03-02 --end 2026-03-20
expect_rc 0 "18 days with guided max_days = 20"
run --config "$WORK/tight.toml" create "Four" --account A --sa S --capability a --capability b --capability c --capability d
expect_fail 3 "four capabilities with max_capabilities = 3"
printf '[rules]\nmax_concurrent_per_sa = 1\n' >"$WORK/one.toml"
a=$(qualified_pov "A" Lee)
b=$(qualified_pov "B" Lee)
run --config "$WORK/one.toml" start "$a"
expect_rc 0 "the first start with max_concurrent_per_sa = 1"
run --config "$WORK/one.toml" start "$b"
expect_fail 5 "a second start with max_concurrent_per_sa = 1"
expect_err "limit 1" "the error names the configured limit"
run start "$b"
expect_rc 0 "the second start under the default limit"

printf 'solutions = ["alpha", "beta"]\n' >"$WORK/solutions.toml"
run --config "$WORK/solutions.toml" -q create "Alpha" --account A --sa S --solution alpha
expect_rc 0 "a configured solution"
run --config "$WORK/solutions.toml" create "Old" --account A --sa S --solution devsecops
expect_fail 3 "a default solution that the config replaced"
expect_err "alpha" "the error lists the configured solutions"

POV_CONFIG=$WORK/tight.toml run create "Env" --account A --sa S --start 2026-03-02 --end 2026-03-30
expect_fail 3 "POV_CONFIG is honoured"
mkdir -p "$WORK/xdgc/pov"
cp "$WORK/tight.toml" "$WORK/xdgc/pov/config.toml"
XDG_CONFIG_HOME=$WORK/xdgc run create "Xdg" --account A --sa S --start 2026-03-02 --end 2026-03-30
expect_fail 3 "the XDG config is honoured"

# ---- every way a config can be wrong: exit 7, nothing written -------------------------------------
before=$(db_sum)
bad_config() { # DESCRIPTION TOML
  printf '%s\n' "$2" >"$WORK/bad.toml"
  run --config "$WORK/bad.toml" create "X" --account A --sa S
  expect_fail 7 "$1"
  expect_err "$WORK/bad.toml" "$1: the error names the file"
}
bad_config "an unknown top-level key" 'colour = "blue"'
bad_config "an unknown rules key" $'[rules]\nmax_capabilitys = 4'
bad_config "an unknown type" $'[types.huge]\nmax_days = 400'
bad_config "an unknown type key" $'[types.guided]\nmax_weeks = 4'
bad_config "an unknown database key" $'[database]\ntimeout = 5'
bad_config "an unknown hook" $'[hooks]\non_delete = "true"'
bad_config "malformed TOML" $'[rules\nmax_capabilities = '
bad_config "a duplicate key" $'[rules]\nmax_extensions = 1\nmax_extensions = 2'
bad_config "max_capabilities = 6" $'[rules]\nmax_capabilities = 6'
bad_config "max_capabilities = 0" $'[rules]\nmax_capabilities = 0'
bad_config "a string where a number goes" $'[rules]\nmax_capabilities = "five"'
bad_config "a number where a boolean goes" $'[rules]\nrequire_approval = 1'
bad_config "min_days above max_days" $'[types.guided]\nmin_days = 50'
bad_config "an empty solutions list" 'solutions = []'
bad_config "solutions not a list" 'solutions = "devsecops"'
bad_config "rules not a table" 'rules = 5'
expect_err "rules" "the error names the bad key"
printf '\xff\xfe\x00garbage' >"$WORK/binary.toml"
run --config "$WORK/binary.toml" list
expect_fail 7 "a binary config"
mkdir "$WORK/folder.toml"
run --config "$WORK/folder.toml" list
expect_fail 7 "a folder as the config"
expect_same_db "$before" "config errors"
POV_CONFIG=$WORK/bad.toml run list
expect_fail 7 "a bad config through POV_CONFIG"

finish

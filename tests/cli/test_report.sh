# pov report and pov results: figures, formats, --output, --include, cron's environment.
source "$(dirname "$0")/lib.sh"

# ---- An empty or missing database: exit 0, figures without data are null / "–" ----
run report --format json
expect_rc 0 "report on a missing database"
expect_json '.win_rate.period == null and .win_rate.overall == null and .days_in_pov.median == null and .capability_hit_rate == null' "empty figures are null"
expect_json '.counts == {"new":0,"qualified":0,"in_progress":0,"closed":0,"cancelled":0}' "empty counts"
expect_json '.attention == [] and .upcoming.ending == [] and .upcoming.starting == []' "empty lists"
expect_missing "$DB" "a report creates no database"
run report
expect_rc 0 "text report on a missing database"
expect_out "–" "text shows a dash for missing figures"

# ---- A small team, dated by hand ----
# Alpha (Sam): started 03-02, won 03-20 (18 days). Beta (Sam): started 03-02, lost to GitHub on
# 03-26 (24 days). Gamma (Lee): running since 03-02, planned end 03-30.
a=$(qualified_pov "Alpha" Sam); b=$(qualified_pov "Beta" Sam); g=$(qualified_pov "Gamma" Lee)
pov start "$a"; pov start "$b"; pov start "$g"
pov --today 2026-03-20 cap set "$a" 1 --status met --evidence "8 min builds"
pov --today 2026-03-20 close "$a" --result successful --reason "All criteria met"
pov --today 2026-03-26 cap set "$b" 1 --status not-met
pov --today 2026-03-26 close "$b" --result unsuccessful --reason "Lost on price" --competitor GitHub --loss-type non-technical
pov --today 2026-03-26 log "$g" "Pilot going well"

run --today 2026-03-26 report --format json
expect_rc 0 "report json"
expect_jq '[.as_of, .since, .until] | join(" ")' "2026-03-26 2026-03-20 2026-03-26" "a week ends on the as-of date"
expect_jq '.period | [.won, .lost, .started, .created, .cancelled] | join(",")' "1,1,0,0,0" "won on the first day and lost on the last day count"
expect_jq '.win_rate.period' "0.5" "win rate in the period"
expect_jq '.win_rate.overall' "0.5" "win rate overall"
expect_jq '.days_in_pov | [.median, .mean, .count] | join(",")' "21,21,2" "days in POV: (18 + 24) / 2"
expect_jq '.losses.by_competitor.GitHub' "1" "losses by competitor"
expect_jq '.losses.by_type["non-technical"]' "1" "losses by type"
expect_jq '.capability_hit_rate' "0.5" "one criterion met of two"
expect_jq '.counts | [.closed, .in_progress] | join(",")' "2,1" "counts by status"
expect_jq '[.per_sa[] | .sa] | join(",")' "Lee,Sam" "per-SA rows"
expect_jq '.per_sa[] | select(.sa == "Sam") | [.won, .lost, .win_rate] | join(",")' "1,1,0.5" "Sam's row"
expect_jq '.upcoming.ending[0].id' "$g" "Gamma ends within 7 days"
expect_json 'has("per_type") and has("per_solution") and has("extensions") and has("attention")' "section 12 keys"

run --today 2026-03-26 report --json
expect_rc 0 "--json is --format json"
json_once=$OUT
run --today 2026-03-26 report --format json
expect_eq "$OUT" "$json_once" "the same data and date give the same bytes"

run --today 2026-03-26 report --since 2026-03-21 --until 2026-03-26 --json
expect_jq '.period | [.won, .lost] | join(",")' "0,1" "--since leaves the win before it out"
run --today 2026-03-26 report --until 2026-03-20 --json
expect_jq '[.as_of, .period.won, .period.lost] | join(",")' "2026-03-20,1,0" "--until is the as-of date"
run --today 2026-03-26 report --period all --json
expect_jq '.since' "null" "--period all has no start"
run --today 2026-03-26 report --sa Lee --json
expect_jq '[.sa, .period.won, .counts.in_progress] | join(",")' "Lee,0,1" "--sa narrows to one SA"

# Text, Markdown, CSV and HTML show the same numbers.
run --today 2026-03-26 report
expect_out "50% in the period · 50% overall" "text win rates as whole percents"
expect_out "median 21 · mean 21" "text days in POV"
expect_out "GitHub" "text losses"
[[ $OUT != *$'\x1b'* ]]; expect_eq "$?" 0 "no colour when stdout is not a terminal"
run --today 2026-03-26 report --format markdown
expect_out "# POV report: 2026-03-20 → 2026-03-26" "markdown title"
expect_out "| SA | IN PROGRESS | CLOSED | WON | LOST | WIN RATE |" "markdown table"
expect_out "50% in the period" "markdown win rate"
run --today 2026-03-26 report --format csv
expect_out "section,name,metric,value" "csv header"
expect_out "win_rate,,period,0.5" "csv win rate as 0-1"
expect_out "losses_by_competitor,GitHub,count,1" "csv losses"
run --today 2026-03-26 report --format html
expect_rc 0 "html report"
printf '%s' "$OUT" >"$WORK/r.html"
CHECKS=$((CHECKS + 1)); xmllint --noout "$WORK/r.html" 2>"$WORK/xml.err" || fail "the HTML is well-formed: $(head -c 300 "$WORK/xml.err")"
CHECKS=$((CHECKS + 1)); ! grep -qiE 'https?://|<link|<script|src=' "$WORK/r.html" || fail "the HTML references nothing outside itself"
expect_out "50% in the period" "html win rate"
expect_out "<svg" "html has inline SVG charts"

# ---- Which POVs closed and were cancelled, the money, and a reopen that leaves the past alone ----
# A database of its own. Alpha (Sam, $150k at start) is raised to $200k and lost to GitHub on
# 03-06, reopened 03-12, raised to $300k and won on 03-20. Delta (won 03-11) and Echo (lost
# 03-10) are Sam's too; Beta (Lee, $1.2M) runs; Gamma (Lee) is cancelled on 03-04.
team_db=$DB
DB=$WORK/money.db
a=$(qualified_pov "Alpha" Sam); b=$(qualified_pov "Beta" Lee); c=$(qualified_pov "Gamma" Lee)
d=$(qualified_pov "Delta" Sam); e=$(qualified_pov "Echo" Sam)
pov set "$a" --net-arr 150k; pov set "$b" --net-arr 1.2M; pov set "$d" --net-arr 90k; pov set "$e" --net-arr 40k
pov start "$a"; pov start "$b"; pov start "$d"; pov start "$e"
pov --today 2026-03-04 cancel "$c" --reason "Budget frozen"
pov --today 2026-03-05 set "$a" --net-arr 200k
pov --today 2026-03-06 cap set "$a" 1 --status not-met
pov --today 2026-03-06 close "$a" --result unsuccessful --reason "Lost on price" --competitor GitHub --loss-type non-technical
pov --today 2026-03-10 cap set "$e" 1 --status partial
pov --today 2026-03-10 close "$e" --result unsuccessful --reason "No champion" --loss-type non-technical
pov --today 2026-03-11 cap set "$d" 1 --status met
pov --today 2026-03-11 close "$d" --result successful --reason "Fast builds"
pov --today 2026-03-12 reopen "$a" --reason "Customer came back"
pov --today 2026-03-13 set "$a" --net-arr 300k
pov --today 2026-03-14 cap set "$a" 1 --status met
pov --today 2026-03-20 close "$a" --result successful --reason "Won after all"

run --today 2026-03-20 report --until 2026-03-08 --json
expect_rc 0 "a past week's report"
expect_jq '.closed | length' "1" "the past week closed one POV"
expect_jq '.closed[0] | [.id, .name, .account, .sa, .result, .reason, .competitor, .loss_type, .net_arr, .closed_on, .days] | map(tostring) | join(",")' \
  "$a,Alpha,Alpha Corp,Sam,unsuccessful,Lost on price,GitHub,non-technical,200000,2026-03-06,4" \
  "a later reopen leaves the first close in its week, at its net ARR then"
expect_jq '.arr | [.in_pov, .won, .lost, .change_during_pov] | join(",")' "1330000,0,200000,50000" \
  "ARR then: Beta, Delta and Echo in POV; Alpha lost at \$200k, \$50k more than at its start"
expect_jq '.cancelled | map([.id, .name, .account, .sa, .reason, .on] | map(tostring) | join(",")) | join(";")' \
  "$c,Gamma,Gamma Corp,Lee,Budget frozen,2026-03-04" "the cancelled list"
expect_jq '.per_sa | map("\(.sa)=\(.arr_won)") | join(",")' "Lee=0,Sam=0" "ARR won per SA"
expect_jq '.capability_hit_rate' "0" "the criterion was not met at the first close"

run --today 2026-03-20 report --json
expect_jq '.closed | map("\(.name):\(.result):\(.net_arr)") | join(",")' "Alpha:successful:300000" \
  "this week: the second close"
expect_jq '.arr | [.in_pov, .won, .lost, .change_during_pov] | join(",")' "1200000,300000,0,150000" "ARR this week"
expect_jq '.per_sa[] | select(.sa == "Sam") | .arr_won' "300000" "Sam's ARR won"

run --today 2026-03-20 report --period month --json
expect_jq '.closed | map(.name) | join(",")' "Echo,Delta,Alpha" "the month's closed list, by date; Alpha once"
expect_jq '.days_in_pov.mean' "11.666666666666666" "JSON keeps the mean unrounded: (8 + 9 + 18) / 3"
expect_jq '.win_rate.period' "0.6666666666666666" "JSON keeps the win rate unrounded"
expect_jq '.arr_by_week | map("\(.to):\(.won):\(.lost)") | join(",")' \
  "2026-02-20:0:0,2026-02-27:0:0,2026-03-06:0:0,2026-03-13:90000:40000,2026-03-20:300000:0" "ARR per week"
run --today 2026-03-20 report --period month --format csv
expect_out "days_in_pov,,mean,11.666666666666666" "CSV keeps the mean unrounded"
expect_out "arr,,won,390000" "CSV money in whole dollars"
expect_out "closed,$a,net_arr,300000" "CSV closed list"
expect_out "per_sa,Sam,arr_won,390000" "CSV ARR won per SA"

run --today 2026-03-20 report --until 2026-03-08
expect_out "Net ARR              \$1.3M in POV · \$0 won · \$200k lost in the period" "text money"
expect_out "ARR change in POV    +\$50k (at close minus at start, over 1 POV closed in the period)" "text ARR change"
expect_out "Closed in the period (1)" "text closed list"
expect_out "unsuccessful    \$200k     4  2026-03-06  Lost on price  GitHub      non-technical" "text closed row"
expect_out "Cancelled in the period (1)" "text cancelled list"
expect_out "Budget frozen" "text cancel reason"
run --today 2026-03-20 report --period month
expect_out "mean 11.7" "text rounds the mean for people"
expect_out "ARR WON" "text per-SA ARR won"
run --today 2026-03-20 report --format markdown
expect_out "- **Net ARR**: \$1.2M in POV · \$300k won · \$0 lost in the period" "markdown money"
expect_out "| ID | NAME | ACCOUNT | SA | RESULT | NET ARR | DAYS | CLOSED | REASON | COMPETITOR | LOSS TYPE |" "markdown closed table"
expect_out "| $a | Alpha | Alpha Corp | Sam | successful | \$300k | 18 | 2026-03-20 | Won after all |" "markdown closed row"
run --today 2026-03-20 report --period month --format html
printf '%s' "$OUT" >"$WORK/money.html"
CHECKS=$((CHECKS + 1)); xmllint --noout "$WORK/money.html" 2>"$WORK/xml.err" || fail "the HTML with the ARR chart is well-formed: $(head -c 300 "$WORK/xml.err")"
expect_out "<svg id=\"chart-arr\"" "html ARR chart"
expect_out "class=\"bar won\"" "html won bars"
expect_out "won (\$390k)" "html chart legend"
expect_out "Closed in the period (3)" "html closed list"
DB=$team_db

# ---- Usage and invalid periods ----
run report --period fortnight
expect_fail 2 "unknown --period"
run report --format pdf
expect_fail 2 "unknown --format"
run report --since 2026-03-10 --until 2026-03-01
expect_fail 3 "--since after --until"
run report --since 2026-02-30
expect_fail 2 "an impossible --since"

# ---- --output: atomic, 0600, nothing on stdout, no folders created ----
run --today 2026-03-26 report --format markdown --output "$WORK/weekly.md"
expect_rc 0 "--output"
expect_no_out "--output prints nothing on stdout"
expect_eq "$(stat -c %a "$WORK/weekly.md")" "600" "the report file is 0600"
CHECKS=$((CHECKS + 1)); grep -q "50% in the period" "$WORK/weekly.md" || fail "--output wrote the report"
run report --output "$WORK/missing/weekly.md"
expect_fail 6 "--output into a missing folder"
expect_missing "$WORK/missing" "--output creates no folder"
touch "$WORK/plainfile"
run report --output "$WORK/plainfile/weekly.md"
expect_fail 6 "--output under a file"
run report --output "$WORK"
expect_fail 6 "--output onto a folder"
CHECKS=$((CHECKS + 1))
leftovers=$(find "$WORK" -maxdepth 1 -name '.*.XXXXXX' -o -maxdepth 1 -name '.weekly.md.*' -o -maxdepth 1 -name '.pov-*' | wc -l)
[[ $leftovers == 0 ]] || fail "a failed --output leaves no temporary file ($leftovers left)"
cp "$WORK/weekly.md" "$WORK/before.md"
if [[ $(id -u) != 0 ]]; then
  mkdir "$WORK/ro" && cp "$WORK/weekly.md" "$WORK/ro/weekly.md" && chmod 555 "$WORK/ro"
  run report --output "$WORK/ro/weekly.md"
  expect_fail 6 "--output into a read-only folder"
  expect_file_same "$WORK/ro/weekly.md" "$WORK/before.md" "a failed write leaves the old file"
  expect_eq "$(ls -A "$WORK/ro" | wc -l)" "1" "no temporary file is left in a read-only folder"
fi

# ---- Cron: minimal environment, no terminal ----
CHECKS=$((CHECKS + 1))
env -i PATH=/usr/bin:/bin HOME="$HOME" "$POV_BIN" --db "$DB" --today 2026-03-26 report --format markdown \
  >"$WORK/cron.md" 2>"$WORK/cron.err" </dev/null || fail "report under cron's environment exits 0: $(cat "$WORK/cron.err")"
CHECKS=$((CHECKS + 1)); ! grep -q $'\x1b' "$WORK/cron.md" || fail "no colour under cron"

# ---- Team roll-up: --include other databases read-only; a uuid counts once ----
pov db backup "$WORK/copy.db"
"$POV_BIN" --db "$WORK/other.db" -q create "Delta" --account "Delta Inc" --sa Kim --start 2026-03-02 --end 2026-03-30 </dev/null >/dev/null
other_sum=$(md5sum <"$WORK/other.db")
run --today 2026-03-26 report --json --include "$WORK/copy.db" --include "$WORK/other.db"
expect_rc 0 "report with --include"
expect_jq '.counts | [.new, .closed, .in_progress] | join(",")' "1,2,1" "the copy's POVs count once, the other's are added"
expect_eq "$(md5sum <"$WORK/other.db")" "$other_sum" "an included database is not written"
run report --include "$WORK/nowhere.db"
expect_fail 4 "--include of a missing file"

# ---- pov results ----
run results "$a"
expect_rc 0 "results markdown"
expect_out "# Proof of Value results: Alpha (Alpha Corp)" "results title"
expect_out "Successful on 2026-03-20" "results outcome"
expect_out "| 1 | Build under 10 min |" "results criteria table"
expect_out "| met |" "a met criterion reads met"
expect_out "8 min builds" "results evidence"
run results "$b" --format html
expect_rc 0 "results html"
printf '%s' "$OUT" >"$WORK/results.html"
CHECKS=$((CHECKS + 1)); xmllint --noout "$WORK/results.html" 2>"$WORK/xml.err" || fail "results HTML is well-formed: $(head -c 300 "$WORK/xml.err")"
expect_out "<td>not met</td>" "a not-met criterion reads not met"
run results "$g" --output "$WORK/gamma.md"
expect_rc 0 "results of a running POV to a file"
expect_no_out "results --output prints nothing"
expect_eq "$(stat -c %a "$WORK/gamma.md")" "600" "results file is 0600"
CHECKS=$((CHECKS + 1)); ! grep -q "Pilot going well" "$WORK/gamma.md" || fail "results leave out a note that is not shared"
run results "$g" --internal
expect_out "Pilot going well" "results --internal hold the internal notes"
run results 99
expect_fail 4 "results of a missing POV"
run results "$a" --format pdf
expect_fail 2 "results in an unknown format"

finish

# One width (style guide): list measures text in display columns, so wide (CJK) characters keep
# the columns aligned; on a terminal the table fits its width, clipping the free-text columns.
source "$(dirname "$0")/lib.sh"

# columns at LINE PART: the display column at which PART starts in LINE (-1 when absent);
# columns widest TEXT: the display width of TEXT's widest line. East Asian wide and fullwidth
# characters take two columns, combining marks none: counted here, independently of pov.
columns() {
  python3 - "$@" <<'EOF'
import sys, unicodedata
def width(text):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)
mode, text = sys.argv[1], sys.argv[2]
if mode == "at":
    at = text.find(sys.argv[3])
    print(-1 if at < 0 else width(text[:at]))
else:
    print(max(width(line.rstrip("\r")) for line in text.split("\n")))
EOF
}

# expect_aligned HEADER VALUE...: on line 1 HEADER and on each following line its VALUE start at
# the same display column.
expect_aligned() {
  local header=$1 want n=2 line
  shift
  want=$(columns at "$(sed -n 1p <<<"$OUT")" "$header")
  for value in "$@"; do
    line=$(sed -n "${n}p" <<<"$OUT" | tr -d '\r')
    expect_eq "$(columns at "$line" "$value")" "$want" "$value starts under $header on line $n"
    n=$((n + 1))
  done
}
long="A very long opportunity name that does not fit in a column"
pov create "Tokyo renewal" --account "東京海上日動" --sa "Sam" --start 2026-03-02 --end 2026-03-30
pov create "Acme" --account "Acme Corp" --sa "Lee" --start 2026-03-02 --end 2026-03-30
pov create "$long" --account "Élan e"$'\xcc\x81'"tude" --sa "Zoë Ng" --type onsite --start 2026-03-02 --end 2026-03-06

# ---- piped: every value in full, the columns lined up in display columns ---------------------
run list
expect_rc 0 "list piped"
expect_out "東京海上日動" "the CJK account in full"
expect_out "$long" "a piped list is not clipped"
expect_out_lacks "…" "a piped list has no ellipsis"
expect_aligned "SA" "Sam" "Lee" "Zoë Ng"
expect_aligned "TYPE" "guided" "guided" "onsite"
expect_aligned "END" "2026-03-30" "2026-03-30" "2026-03-06"

# ---- on a terminal: fitted to its width --------------------------------------------------------
if ! command -v script >/dev/null 2>&1; then
  echo "script(1) is not installed; skipping the terminal tests"
  finish
  exit
fi

# on_tty SETUP COMMAND...: runs the shell command SETUP, then COMMAND, on a pseudo-terminal; sets
# OUT (without the terminal's carriage returns) and RC.
on_tty() {
  local setup=$1
  shift
  OUT=$(script -qec "$setup; $(printf '%q ' "$@")" /dev/null </dev/null 2>&1)
  RC=$?
  OUT=${OUT//$'\r'/}
  ERR=""
}
# tty_cols COLUMNS ARGS...: pov on a terminal of COLUMNS columns (its size, as stty sets it);
# tty_env COLUMNS ARGS...: pov on a terminal that reports no size, with $COLUMNS set.
tty_cols() {
  local columns=$1
  shift
  on_tty "stty cols $columns" "$POV_BIN" --db "$DB" "$@"
}
tty_env() {
  local columns=$1
  shift
  on_tty "stty cols 0" env COLUMNS="$columns" "$POV_BIN" --db "$DB" "$@"
}

tty_cols 80 list
expect_rc 0 "list on an 80-column terminal"
CHECKS=$((CHECKS + 1))
(($(columns widest "$OUT") <= 80)) || fail "every line fits 80 columns: $(columns widest "$OUT")"
expect_out "A very long …" "the longest name gives way first, clipped with an ellipsis"
expect_out "東京海上日動" "the CJK account needs no clipping at 80 columns"
expect_out "2026-03-06" "dates are never cut"
expect_aligned "SA" "Sam" "Lee" "Zoë Ng"
expect_aligned "TYPE" "guided" "guided" "onsite"

# A terminal that reports no size and no $COLUMNS: 80 columns.
on_tty "stty cols 0" env -u COLUMNS "$POV_BIN" --db "$DB" list
expect_rc 0 "list on a terminal of unknown size"
CHECKS=$((CHECKS + 1))
(($(columns widest "$OUT") == 80)) || fail "an unknown width is taken as 80: $(columns widest "$OUT")"

# Narrower: the widest free-text columns give way in turn; every line still fits.
for how in tty_cols tty_env; do
  $how 72 list
  expect_rc 0 "list on a 72-column terminal ($how)"
  CHECKS=$((CHECKS + 1))
  (($(columns widest "$OUT") <= 72)) || fail "every line fits 72 columns ($how): $(columns widest "$OUT")"
  expect_out "東京海上…" "the CJK account is clipped between characters ($how)"
  expect_out "2026-03-06" "dates are never cut ($how)"
  expect_aligned "SA" "Sam" "Lee" "Zoë Ng"
  expect_aligned "END" "2026-03-30" "2026-03-30" "2026-03-06"
done

# A wide terminal shows everything.
tty_cols 200 list
expect_rc 0 "list on a 200-column terminal"
expect_out "$long" "a wide terminal shows the long name in full"

# Narrower than the table can go (its other columns alone take 49): the free-text columns stop
# at 8 columns, nothing else is cut, and the columns still line up.
tty_cols 60 list
expect_rc 0 "list on a 60-column terminal"
expect_out "A very …" "the name clipped to 8 columns"
expect_out "Zoë Ng" "a value shorter than 8 columns is not clipped"
expect_out "2026-03-06" "dates are never cut on a narrow terminal"
expect_aligned "SA" "Sam" "Lee" "Zoë Ng"

finish

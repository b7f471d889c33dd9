# Installing: the man page passes mandoc's lint, `cmake --install` puts the program, the man page
# and the three completions in their places, and `cpack -G DEB` makes a .deb with the same files
# under /usr. Run by hand: POV_BIN=build/pov POV_BUILD_DIR=build bash tests/cli/test_install.sh
source "$(dirname "$0")/lib.sh"
RC=0 OUT="" ERR="" # what fail() shows before the first run

ROOT=${POV_SOURCE_DIR:-$(dirname "$0")/../..}
BUILD_DIR=$(realpath "${POV_BUILD_DIR:-$(dirname "$POV_BIN")}")

# Where each installed file comes from, relative to the prefix.
INSTALLED=(
  "bin/pov"
  "share/man/man1/pov.1:docs/pov.1"
  "share/bash-completion/completions/pov:completions/pov.bash"
  "share/zsh/site-functions/_pov:completions/_pov"
  "share/fish/vendor_completions.d/pov.fish:completions/pov.fish"
)

# ---- the man page ------------------------------------------------------------------------------
if command -v mandoc >/dev/null; then
  lint=$(mandoc -T lint -W warning "$ROOT/docs/pov.1" 2>&1)
  expect_eq "$lint" "" "mandoc -T lint -W warning docs/pov.1"
  rendered=$(mandoc -T utf8 "$ROOT/docs/pov.1" 2>&1)
  for section in NAME SYNOPSIS DESCRIPTION COMMANDS "GLOBAL OPTIONS" "EXIT STATUS" ENVIRONMENT FILES \
    EXAMPLES "SEE ALSO"; do
    CHECKS=$((CHECKS + 1))
    grep -qx "$section" <<<"$(sed 's/.\x08//g' <<<"$rendered")" || fail "docs/pov.1 has the section $section"
  done
else
  echo "SKIP: mandoc is not installed; docs/pov.1 not linted (make deps installs it)"
fi

# ---- cmake --install ---------------------------------------------------------------------------
PREFIX=$WORK/prefix
OUT=$(cmake --install "$BUILD_DIR" --prefix "$PREFIX" 2>&1)
RC=$?
expect_rc 0 "cmake --install $BUILD_DIR --prefix $PREFIX"
for entry in "${INSTALLED[@]}"; do
  path=${entry%%:*}
  expect_exists "$PREFIX/$path" "cmake --install puts $path"
  [[ $entry == *:* ]] && expect_file_same "$PREFIX/$path" "$ROOT/${entry#*:}" "installed $path"
done
CHECKS=$((CHECKS + 1))
[[ -x $PREFIX/bin/pov ]] || fail "the installed pov is executable"
run_raw --version
version=$OUT
OUT=$("$PREFIX/bin/pov" --version 2>&1)
expect_eq "$OUT" "$version" "the installed pov runs"
installed=$(cd "$PREFIX" && find . -type f | sed 's|^\./||' | sort)
expect_eq "$installed" "$(for entry in "${INSTALLED[@]}"; do echo "${entry%%:*}"; done | sort)" \
  "cmake --install installs these files and no others"

# ---- cpack -G DEB ------------------------------------------------------------------------------
if command -v cpack >/dev/null && command -v dpkg-deb >/dev/null && command -v dpkg-shlibdeps >/dev/null; then
  # One run, into the scratch folder (the build folder stays clean).
  OUT=$(cd "$WORK" && cpack -G DEB --config "$BUILD_DIR/CPackConfig.cmake" -B "$WORK/package" 2>&1)
  RC=$?
  expect_rc 0 "cpack -G DEB"
  debs=("$WORK"/package/pov_*.deb)
  CHECKS=$((CHECKS + 1))
  if [[ ${#debs[@]} == 1 && -f ${debs[0]} ]]; then
    deb=${debs[0]}
    listed=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $NF }' | sed 's|^\./usr/||' | sort)
    expect_eq "$listed" "$(for entry in "${INSTALLED[@]}"; do echo "${entry%%:*}"; done | sort)" \
      "the .deb holds the installed files under /usr"
    expect_eq "$(dpkg-deb -f "$deb" Package)" "pov" "the .deb's package name"
    expect_eq "$(dpkg-deb -f "$deb" Section)" "utils" "the .deb's section"
    expect_ne "$(dpkg-deb -f "$deb" Maintainer)" "" "the .deb names a maintainer"
    CHECKS=$((CHECKS + 1))
    dpkg-deb -f "$deb" Depends | grep -q 'libc6' || fail "the .deb's dependencies come from shlibdeps (libc6)"
    CHECKS=$((CHECKS + 1))
    dpkg-deb -f "$deb" Description | grep -q 'Proofs of Value' || fail "the .deb has a description"
    mkdir -p "$WORK/unpacked"
    dpkg-deb -x "$deb" "$WORK/unpacked"
    expect_file_same "$WORK/unpacked/usr/share/man/man1/pov.1" "$ROOT/docs/pov.1" "the .deb's man page"
    OUT=$("$WORK/unpacked/usr/bin/pov" --version 2>&1)
    expect_eq "$OUT" "$version" "the .deb's pov runs"
  else
    fail "cpack -G DEB makes one pov_*.deb (got: ${debs[*]})"
  fi
else
  echo "SKIP: cpack, dpkg-deb or dpkg-shlibdeps is missing; no .deb built (make deps installs dpkg-dev)"
fi

finish

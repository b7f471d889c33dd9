# The two commands a newcomer needs (see README): `make run` and `make test`.
BUILD ?= build
JOBS ?= 2
POV := ./$(BUILD)/pov
DEMO_DB ?= demo.db
SANITIZE_BUILD ?= build-sanitize

# Debian packages: the toolchain, the libraries, and what the tests use (jq, sqlite3, xmllint,
# python3; script(1) comes with every Debian; mandoc lints the man page; zsh and fish check their
# completions; dpkg-dev and file let CPack build the .deb); clang-format for the format check.
PACKAGES := cmake ninja-build g++ pkg-config libcli11-dev libsqlitecpp-dev libsqlite3-dev libfmt-dev \
            libtomlplusplus-dev libutf8proc-dev catch2 nlohmann-json3-dev jq sqlite3 libxml2-utils python3 \
            mandoc zsh fish dpkg-dev file
CHECK_PACKAGES := clang-format-14
# The benchmark's timer and its peer (bench/run.sh); not needed to build or test.
BENCH_PACKAGES := hyperfine taskwarrior sqlite3 python3 time
# The fuzzers' compiler and libFuzzer (tests/fuzz/run.sh); not needed to build or test.
FUZZ_PACKAGES := clang-14 libclang-rt-14-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps check-deps bench-deps fuzz-deps configure build test run deb sanitize bench fuzz format format-check clean

all: build

# Installs only what is missing, so a machine that has everything needs no network.
define install_missing
	@missing=$$(for p in $(1); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing packages:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call install_missing,$(PACKAGES))

check-deps:
	$(call install_missing,$(CHECK_PACKAGES))

bench-deps:
	$(call install_missing,$(BENCH_PACKAGES))

fuzz-deps:
	$(call install_missing,$(FUZZ_PACKAGES))

configure: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

# Everything: pov, the unit tests.
build: configure
	cmake --build $(BUILD) -j$(JOBS)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

# Only what the demo needs (the pov binary), then a sample team's POVs in $(DEMO_DB), the open
# ones and a running POV at risk (4) in full.
run: configure
	cmake --build $(BUILD) -j$(JOBS) --target pov
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(POV) --db $(DEMO_DB) demo
	$(POV) --db $(DEMO_DB) list
	$(POV) --db $(DEMO_DB) show 4

# A Debian package of pov (the program, its man page, the completions) in $(BUILD)/:
# install it with `apt install ./$(BUILD)/pov_*.deb`.
deb: build
	cd $(BUILD) && cpack -G DEB

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPOV_SANITIZE=ON
	cmake --build $(SANITIZE_BUILD) -j$(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir $(SANITIZE_BUILD) --output-on-failure -j$(JOBS)

# pov against the sqlite3 CLI and taskwarrior at 1,000, 10,000 and 100,000 POVs (several
# minutes); SIZES="10000" for one size. See docs/performance.md.
bench: bench-deps configure
	cmake --build $(BUILD) -j$(JOBS) --target pov
	POV=$(POV) bench/run.sh $(SIZES)

# The libFuzzer targets (date, money, plan, import), FUZZ_SECONDS each (default 60); a crash
# fails. See docs/reliability.md.
FUZZ_SECONDS ?= 60
fuzz: fuzz-deps
	SECONDS_EACH=$(FUZZ_SECONDS) tests/fuzz/run.sh

SOURCES = $(shell git ls-files '*.cpp' '*.hpp')

# Rewrites the sources in the house format (.clang-format).
format: check-deps
	clang-format-14 -i $(SOURCES)

# Fails when a source differs from the house format, naming the files.
format-check: check-deps
	@bad=$$(for f in $(SOURCES); do clang-format-14 "$$f" | cmp -s - "$$f" || echo "$$f"; done); \
	if [ -n "$$bad" ]; then echo "Not in the house format (run make format):"; echo "$$bad"; exit 1; fi

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm

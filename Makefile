# The two commands a newcomer needs (see README): `make run` and `make test`.
BUILD ?= build
JOBS ?= 2
POV := ./$(BUILD)/pov
DEMO_DB ?= demo.db

# Debian packages: the toolchain, the libraries, and what the tests use (jq, sqlite3, xmllint, python3).
PACKAGES := cmake ninja-build g++ pkg-config libcli11-dev libsqlitecpp-dev libsqlite3-dev libfmt-dev \
            libtomlplusplus-dev libutf8proc-dev catch2 nlohmann-json3-dev jq sqlite3 libxml2-utils python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build test run clean

all: build

# Installs only what is missing, so a machine that has everything needs no network.
deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing packages:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j$(JOBS)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

# A sample team's POVs in $(DEMO_DB), then the open ones and a running POV at risk (4) in full.
run: build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(POV) --db $(DEMO_DB) demo
	$(POV) --db $(DEMO_DB) list
	$(POV) --db $(DEMO_DB) show 4

clean:
	rm -rf $(BUILD) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm

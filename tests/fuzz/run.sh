#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-14 (ASan + UBSan) and runs each for SECONDS seconds
# (default 60) on its seed corpus, then prints executions, coverage and crashes per target.
#
#     tests/fuzz/run.sh                  # every target, 60 s each
#     SECONDS_EACH=600 tests/fuzz/run.sh money plan
#
# New inputs go to $WORK/corpus/TARGET (default /tmp/pov-fuzz), so the seeds here stay small;
# a crash leaves its input in $WORK/crashes/TARGET and the script exits 1. Turn a crash into a
# regression test before fixing it.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
BUILD=${FUZZ_BUILD:-$root/build-fuzz}
WORK=${WORK:-/tmp/pov-fuzz}
seconds=${SECONDS_EACH:-60}
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(date money plan import)

command -v clang++-14 >/dev/null || {
    echo "fuzz: clang++-14 is missing (make fuzz-deps)" >&2
    exit 2
}
cmake -S "$root" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
    -DPOV_FUZZ=ON -DPOV_BUILD_TESTS=OFF >/dev/null || exit 2
cmake --build "$BUILD" -j"${JOBS:-2}" --target "${targets[@]/#/fuzz_}" || exit 2

status=0
printf '| target | seconds | executions | exec/s | coverage (edges) | corpus | crashes |\n|---|---|---|---|---|---|---|\n'
for target in "${targets[@]}"; do
    corpus=$WORK/corpus/$target
    crashes=$WORK/crashes/$target
    log=$WORK/$target.log
    mkdir -p "$corpus" "$crashes"
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        "$BUILD/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" \
        "$corpus" "$here/corpus/$target" >"$log" 2>&1
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
    files=$(find "$corpus" -type f | wc -l)
    found=$(find "$crashes" -type f | wc -l)
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$target" "$seconds" "${runs:-?}" "${rate:-?}" \
        "${cov:-?}" "$files" "$found"
    if ((found > 0)); then
        echo "fuzz: $target crashed; inputs in $crashes, log in $log" >&2
        status=1
    fi
done
exit $status

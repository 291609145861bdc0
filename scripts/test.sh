#!/usr/bin/env bash
# Sets everything up and runs the whole test suite twice: a normal optimised build
# (build/) and an AddressSanitizer + UndefinedBehaviorSanitizer build (build-asan/), so
# memory errors and undefined behaviour fail the run; in between, the clients' tests
# (Node.js, PHP, Python, the web console in chromium) against a real cakapd, the fuzz
# targets for 20 s each and the benchmark in quick mode (scripts/bench.sh --quick).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

jobs=$(nproc)
python3 scripts/check_data.py

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs" --timeout 300

# The clients' tests (Node.js, PHP, Python, web), against a real cakapd from the build above.
CAKAPD="$PWD/build/service/cakapd" clients/node/run-tests.sh
CAKAPD="$PWD/build/service/cakapd" clients/php/run-tests.sh
CAKAPD="$PWD/build/service/cakapd" clients/python/run-tests.sh
# The web console end to end in headless chromium (also writes docs/console/*.png).
CAKAPD="$PWD/build/service/cakapd" clients/web/run-tests.sh

# Every fuzz target for 20 s from the kept corpus (clang, ASan + UBSan): a new crash
# fails the run; open findings (tests/fuzz/crashes/OPEN) are reported, not fatal.
scripts/fuzz.sh --seconds 20

# The benchmark comparison in quick mode (100k workers, every peer incl. PostgreSQL, the
# candidate-set verification and the report), so the benchmark code cannot rot.
OUT=build/bench-quick BUILD=build scripts/bench.sh --quick

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCAKAP_SANITIZE=ON
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 600

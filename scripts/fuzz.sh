#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (clang++, ASan + UBSan) into build-fuzz/
# and runs each for a fixed time, starting from the inputs kept in tests/fuzz/corpus/.
#
#   scripts/fuzz.sh                      # every target, 20 s each
#   scripts/fuzz.sh --seconds 600 worker # one target, longer
#   scripts/fuzz.sh --merge              # also fold new coverage back into tests/fuzz/corpus
#
# What a run finds grows a working corpus in build-fuzz/corpus/<target>/ (never the
# repository's, unless --merge). A crash or failed property stops that target, leaves the
# input in build-fuzz/crashes/<target>/ and makes the script exit 1: keep the input as
# tests/fuzz/crashes/<target>/<name> for its owner, and once fixed move it to
# tests/fuzz/corpus/<target>/, where corpus_replay_test replays it in every build.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=20
merge=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --merge) merge=1; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
all=(worker vacancy record page_token key_file)
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

CXX="${CXX_FUZZ:-clang++}"
if ! command -v "$CXX" >/dev/null; then
  echo "fuzz: $CXX not found (scripts/setup.sh installs clang and libclang-rt-14-dev)" >&2
  exit 2
fi
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$CXX" \
  -DCAKAP_FUZZ=ON -DCAKAP_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]/%/_fuzzer}"

# Open findings (tests/fuzz/crashes/OPEN: "<property> <target>/<input> <what>" per line):
# their properties are reported once per run, not a failure, so the rest is still fuzzed.
open=$({ grep -v '^#' tests/fuzz/crashes/OPEN 2>/dev/null || true; } | awk 'NF {print $1}' | sort -u | paste -sd, -)
export CAKAP_FUZZ_OPEN="${CAKAP_FUZZ_OPEN:-$open}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=()
for t in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$t
  crashes=build-fuzz/crashes/$t
  mkdir -p "$corpus" "$crashes"
  dict=()
  [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
  echo "fuzz: $t for ${seconds}s" >&2
  # -timeout: one input taking a second is a bug too (the targets run in microseconds).
  if ! "build-fuzz/tests/fuzz/${t}_fuzzer" "$corpus" "tests/fuzz/corpus/$t" "${dict[@]}" \
      -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 -max_len=8192 \
      -artifact_prefix="$crashes/" -print_final_stats=1 2>"build-fuzz/$t.log"; then
    failed+=("$t")
    grep -E "property .* failed|ERROR: |runtime error|SUMMARY" "build-fuzz/$t.log" | head -5 >&2 || true
    echo "fuzz: $t FAILED: input in $crashes/, log build-fuzz/$t.log" >&2
  fi
  grep -E "open finding" "build-fuzz/$t.log" >&2 || true
  grep -E "^#[0-9]+.*(DONE|pulse)" "build-fuzz/$t.log" | tail -1 >&2 || true
  grep -E "stat::(number_of_executed_units|average_exec_per_sec)" "build-fuzz/$t.log" >&2 || true
  if [ "$merge" = 1 ]; then
    "build-fuzz/tests/fuzz/${t}_fuzzer" -merge=1 "tests/fuzz/corpus/$t" "$corpus" \
      2>>"build-fuzz/$t.log" >/dev/null
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: ${targets[*]}: no crash, no failed property in ${seconds}s each" >&2

#!/usr/bin/env bash
# Runs the whole benchmark comparison (docs/benchmarks.md) and writes, into OUT:
#   inprocess.json  cakap-bench: indexing, latency per class, visibility, peers, verification
#   grpc.json       cakap-load against cakapd on the largest corpus
#   transport-*.json  the same over gRPC, HTTP/JSON and HTTP/proto, local10 and national
#                   (scripts/bench-cakapd.sh)
#   sweep-*.json    option sweeps (full mode only): geo levels, commit delay, cover cells
#   micro.json      cakap-micro (Google Benchmark)
#   report.md, latency.svg   made by scripts/bench_report.py from the above
#
#   scripts/bench.sh            full run: 100k and 1M workers (about 40 minutes on 2 cores)
#   scripts/bench.sh --quick    100k workers, a few seconds per system (runs in CI)
#
# Environment: OUT (default var/bench), BUILD (default build-release; quick mode: build),
# PG_PORT (default 55432), SIZES (full mode's corpus sizes, default 100000,1000000; 10M
# works where memory and time allow). Needs root or sudo only to install missing packages.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
if [ "${1:-}" = "--quick" ]; then mode=quick; fi
OUT="${OUT:-var/bench}"
PG_PORT="${PG_PORT:-55432}"
if [ "$mode" = quick ]; then BUILD="${BUILD:-build}"; else BUILD="${BUILD:-build-release}"; fi
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
scratch="$(mktemp -d /tmp/cakap-bench.XXXXXX)"
chmod 755 "$scratch"  # the PostgreSQL server runs as postgres and needs to reach pg/

scripts/setup.sh --bench

if [ "$BUILD" = build-release ]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCAKAP_BUILD_TESTS=OFF >/dev/null
else
  cmake -S . -B "$BUILD" -G Ninja >/dev/null
fi
cmake --build "$BUILD" -j "$(nproc)" --target cakap-bench cakap-load cakapd cakap-micro

pg_dir="$scratch/pg"
cleanup() {
  scripts/bench-postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT
conninfo="$(scripts/bench-postgres.sh start "$pg_dir" "$PG_PORT")"

if [ "$mode" = quick ]; then
  sizes=100000
  inprocess=(--queries 100 --vacancies 20 --verify 4 --max-seconds 3 --visibility-seconds 2)
  micro=(--benchmark_min_time=0.01)
else
  sizes="${SIZES:-100000,1000000}"
  inprocess=(--queries 500 --vacancies 100 --verify 10 --max-seconds 10 --visibility-seconds 8)
  micro=()
fi
bench="$BUILD/bench/driver/cakap-bench"

echo "== in-process: cakap and its peers at $sizes workers" >&2
"$bench" --workers "$sizes" --systems floor,xapian-plain,sqlite,postgres --pg "$conninfo" \
  --dir "$scratch/data" --keep-index "${inprocess[@]}" --out "$OUT/inprocess.json"

echo "== cakap-load against cakapd on the largest corpus, over gRPC and HTTP" >&2
quick=()
if [ "$mode" = quick ]; then quick=(--quick); fi
BUILD="$BUILD" scripts/bench-cakapd.sh "${quick[@]}" "$scratch/data/cakap" "$OUT"

if [ "$mode" = full ]; then
  echo "== sweeps at 100k workers" >&2
  "$bench" --workers 100000 --systems "" --dir "$scratch/sweep" --queries 500 --vacancies 100 \
    --visibility-seconds 5 --threads 1 --sweep 'commit_delay_ms=0;2;10;50' \
    --out "$OUT/sweep-commit.json"
  # Query-time options: reuse the largest index (its workers changed by the visibility
  # phase, which does not matter when no peer is compared).
  echo "== sweeps of geo_levels and max_cover_cells at ${sizes##*,} workers" >&2
  "$bench" --workers "${sizes##*,}" --systems "" --dir "$scratch/sweep" --queries 500 \
    --vacancies 100 --visibility-seconds 0 --threads 1 --variants "" \
    --reuse-index "$scratch/data/cakap" --sweep 'geo_levels=4,6,8;3,5,7;3,4,6,8;2,4,6,8' \
    --out "$OUT/sweep-geo.json"
  "$bench" --workers "${sizes##*,}" --systems "" --dir "$scratch/sweep" --queries 500 \
    --vacancies 100 --visibility-seconds 0 --threads 1 --variants "" \
    --reuse-index "$scratch/data/cakap" --sweep 'max_cover_cells=12;24;48;96' \
    --out "$OUT/sweep-cover.json"
fi

echo "== micro-benchmarks" >&2
"$BUILD/bench/micro/cakap-micro" "${micro[@]}" --benchmark_format=json \
  --benchmark_out="$OUT/micro.json" --benchmark_out_format=json >/dev/null

python3 scripts/bench_report.py "$OUT"
echo "bench: results and report in $OUT" >&2

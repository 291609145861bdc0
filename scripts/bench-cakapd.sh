#!/usr/bin/env bash
# cakap-load against a cakapd serving an existing index, over gRPC and HTTP (docs/benchmarks.md,
# "Through gRPC" and "Through HTTP/JSON"). Writes into OUT_DIR:
#   grpc.json                  every class over gRPC at the mode's concurrencies
#   transport-R-T.json         local10 and national at concurrency 1 and 2 over transport T
#                              (grpc, http-json, http-json-tree, http-proto) in round R
# The transports take turns, round after round, so drift of the machine between minutes
# hits all three alike; bench_report.py compares each round's HTTP figures with that
# round's gRPC ones.
#
#   scripts/bench-cakapd.sh [--quick] DATA_DIR OUT_DIR
#
# scripts/bench.sh runs it on the largest corpus it indexed; run it alone on a kept index
# (cakap-bench --keep-index) to measure the service without indexing again. BUILD: the
# build directory (default build). ROUNDS: rounds of the transport comparison (default 3;
# quick mode 1).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
if [ "${1:-}" = "--quick" ]; then mode=quick; shift; fi
if [ $# -ne 2 ]; then echo "usage: $0 [--quick] DATA_DIR OUT_DIR" >&2; exit 2; fi
data="$1"
out="$2"
BUILD="${BUILD:-build}"
mkdir -p "$out"

if [ "$mode" = quick ]; then
  grpc=(--concurrency 2 --duration 2 --warmup 0.5 --vacancies 20)
  # Short runs: the quick mode checks the path works, its figures are not for the docs.
  transports=(--concurrency 1,2 --duration 1 --warmup 0.3 --vacancies 20)
  php=(--duration 1 --warmup 0.3)
  rounds="${ROUNDS:-1}"
else
  grpc=(--concurrency 1,2,4 --duration 5 --warmup 1 --vacancies 100)
  transports=(--concurrency 1,2 --duration 5 --warmup 1 --vacancies 100)
  php=(--duration 5 --warmup 1)
  rounds="${ROUNDS:-3}"
fi

log="$(mktemp /tmp/cakapd-bench.XXXXXX.log)"
"$BUILD/service/cakapd" --data "$data" --listen 127.0.0.1:0 --http-listen 127.0.0.1:0 \
  2>"$log" &
cakapd_pid=$!
cleanup() {
  kill "$cakapd_pid" 2>/dev/null || true
  wait "$cakapd_pid" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT
port=""
for _ in $(seq 1 600); do
  port="$(grep -o '"port":[0-9]*' "$log" | head -1 | cut -d: -f2 || true)"
  if [ -n "$port" ]; then break; fi
  if ! kill -0 "$cakapd_pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
  sleep 0.1
done
if [ -z "$port" ]; then echo "bench-cakapd: cakapd did not start" >&2; exit 1; fi
http_port="$(grep -o '"http_port":[0-9]*' "$log" | head -1 | cut -d: -f2)"

load="$BUILD/bench/load/cakap-load"
echo "== gRPC: cakap-load against cakapd, every class" >&2
"$load" --target "127.0.0.1:$port" "${grpc[@]}" --out "$out/grpc.json"

echo "== gRPC and HTTP: local10 and national, $rounds round(s) of grpc, http-json, http-json-tree, http-proto, php-http-json" >&2
rm -f "$out"/transport-*.json
# The PHP client (clients/php) replays cakap-load's very requests: what a PHP portal
# backend sees (one PHP process: concurrency 1 only).
"$load" --print-requests --classes local10,national "${transports[@]}" >"$out/requests.jsonl"
for round in $(seq 1 "$rounds"); do
  for transport in grpc http-json http-json-tree http-proto php-http-json; do
    if [ "$transport" = php-http-json ]; then
      php bench/load/replay.php --url "http://127.0.0.1:$http_port" \
        --requests "$out/requests.jsonl" "${php[@]}" >"$out/transport-$round-$transport.json"
      continue
    fi
    if [ "$transport" = grpc ]; then p="$port"; else p="$http_port"; fi
    "$load" --transport "$transport" --target "127.0.0.1:$p" --classes local10,national \
      "${transports[@]}" --out "$out/transport-$round-$transport.json"
  done
done

#!/usr/bin/env bash
# Two cakapd builds, one after the other on the same index, round after round: local10 at
# concurrency 1 over gRPC (cakap-load) and through the PHP client (bench/load/replay.php),
# and the PHP/gRPC ratio of p50s per server per round. For a change to cakapd whose gain
# is smaller than this machine's drift between minutes (docs/benchmarks.md, "Through
# HTTP/JSON": cakapd's JSON printer).
#
#   scripts/ab-cakapd.sh CAKAPD_A CAKAPD_B DATA_DIR [ROUNDS]
#
# e.g. the build before a change, from a worktree:
#   git worktree add /tmp/ab 9b2c74d && cmake -S /tmp/ab -B /tmp/ab/build -G Ninja \
#     -DCMAKE_BUILD_TYPE=RelWithDebInfo && ninja -C /tmp/ab/build cakapd
#   scripts/ab-cakapd.sh /tmp/ab/build/service/cakapd build/service/cakapd /tmp/wtload-1m/cakap
# BUILD: the build directory holding cakap-load (default build).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 3 ]; then echo "usage: $0 CAKAPD_A CAKAPD_B DATA_DIR [ROUNDS]" >&2; exit 2; fi
servers=("$1" "$2")
data="$3"
rounds="${4:-4}"
load="${BUILD:-build}/bench/load/cakap-load"
work="$(mktemp -d /tmp/ab-cakapd.XXXXXX)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
"$load" --print-requests --classes local10 --vacancies 100 >"$work/requests.jsonl"
for round in $(seq 1 "$rounds"); do
  for which in 0 1; do
    log="$work/cakapd.log"
    "${servers[$which]}" --data "$data" --listen 127.0.0.1:0 --http-listen 127.0.0.1:0 2>"$log" &
    pid=$!
    for _ in $(seq 1 600); do grep -q '"http_port"' "$log" && break; sleep 0.1; done
    port="$(grep -o '"port":[0-9]*' "$log" | head -1 | cut -d: -f2)"
    http_port="$(grep -o '"http_port":[0-9]*' "$log" | head -1 | cut -d: -f2)"
    grpc="$("$load" --transport grpc --target "127.0.0.1:$port" --classes local10 \
      --concurrency 1 --duration 5 --warmup 1 --vacancies 100 --out "$work/grpc.json" \
      2>/dev/null >/dev/null; python3 -c 'import json,sys; print("%.3f" % [r for r in json.load(open(sys.argv[1])) if r["class"] == "local10"][0]["p50_ms"])' "$work/grpc.json")"
    php="$(php bench/load/replay.php --url "http://127.0.0.1:$http_port" \
      --requests "$work/requests.jsonl" --duration 5 --warmup 1 |
      python3 -c 'import json,sys; print("%.3f" % json.load(sys.stdin)[0]["p50_ms"])')"
    echo "round $round server $((which + 1)) (${servers[$which]}): grpc p50 $grpc ms, php p50 $php ms, php/grpc $(python3 -c "print('%.2f' % ($php / $grpc))")"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  done
done

#!/usr/bin/env bash
# The web console on the demo data, in one command: installs what is missing (Debian),
# builds cakapd, cakap and cakap-gen and the console (clients/web), generates the 3,000
# demo workers of scripts/demo.sh, their placements and outcomes (the ledger) and 300 open
# vacancies into a fresh index (so the Overview has figures), makes partner, portal and
# admin keys, and runs cakapd with the console until Ctrl-C. Open the printed URL and
# sign in with a printed key.
#
#   scripts/console.sh                  # from any directory
#
# Environment (all optional):
#   CAKAP_BUILD_DIR   build directory (default: build)
#   CAKAP_CONSOLE_DIR data directory (default: var/console; replaced on every run)
#   CONSOLE_LISTEN    HTTP address of the console and API (default: 127.0.0.1:7880)
#   CONSOLE_GRPC      gRPC address, for the CLI beside it (default: 127.0.0.1:7843)
#   DEMO_TODAY        the corpus' "today", YYYY-MM-DD (default: today in Indonesia, UTC+7)
# Map tiles: none by default (a plain map with kabupaten/kota points, works offline); set a
# tile URL in the console's "Map settings" (kept in the browser).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BUILD_DIR="${CAKAP_BUILD_DIR:-build}"
DIR="${CAKAP_CONSOLE_DIR:-var/console}"
LISTEN="${CONSOLE_LISTEN:-127.0.0.1:7880}"
GRPC="${CONSOLE_GRPC:-127.0.0.1:7843}"
DEMO_TODAY="${DEMO_TODAY:-$(TZ=Asia/Jakarta date +%F)}"

scripts/setup.sh

echo "== building cakapd, cakap and cakap-gen in $BUILD_DIR"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" --target cakapd cakap cakap-gen

echo "== building the web console (clients/web)"
clients/web/build.sh

echo "== generating 3000 demo workers (seed 42, today $DEMO_TODAY) into a fresh $DIR"
rm -rf "$DIR"
mkdir -p "$DIR"
GEN="$BUILD_DIR/bench/corpus/cakap-gen"
CAKAP=("$BUILD_DIR/clients/cakap/cakap" --data "$DIR/index" --today "$DEMO_TODAY")
# As scripts/demo.sh: trainings with end dates (the figures' cohorts), the ledger of
# placements and outcomes, and 300 open vacancies (the demand side of supply and demand).
"$GEN" --workers 3000 --seed 42 --today "$DEMO_TODAY" --training-dates >"$DIR/workers.jsonl"
"${CAKAP[@]}" import workers "$DIR/workers.jsonl"
"$GEN" --ledger 3000 --seed 42 --today "$DEMO_TODAY" >"$DIR/ledger.jsonl"
"${CAKAP[@]}" import ledger "$DIR/ledger.jsonl"
"$GEN" --vacancies 300 --seed 42 --today "$DEMO_TODAY" | sed 's/^{/{"open":true,/' \
  >"$DIR/demand-vacancies.jsonl"
"${CAKAP[@]}" import vacancies "$DIR/demand-vacancies.jsonl"

keys="$DIR/keys"
partner=$("$BUILD_DIR/service/cakapd" keys add --keys "$keys" --name demo-partner --role partner 2>/dev/null)
kalsel=$("$BUILD_DIR/service/cakapd" keys add --keys "$keys" --name demo-partner-kalsel --role partner \
  --provinces 63 2>/dev/null)
portal=$("$BUILD_DIR/service/cakapd" keys add --keys "$keys" --name demo-disnaker --role portal 2>/dev/null)
admin=$("$BUILD_DIR/service/cakapd" keys add --keys "$keys" --name demo-admin --role admin 2>/dev/null)

cat <<MSG

==================================================================================
 cakap console:  http://$LISTEN/
 Sign in with one of these keys (valid for this demo data directory only):
   partner (a company, sees redacted workers)      $partner
   partner restricted to Kalimantan Selatan (63)   $kalsel
   portal  (the labour office: vacancies)          $portal
   admin   (everything, incl. the overview)        $admin
 Try: required skill "juru las", Kabupaten Balangan, 50 km, Cari. The same match by the
 CLI: $BUILD_DIR/clients/cakap/cakap --server $GRPC --key $partner \\
        match --require LAS --near 63.11 --radius 50
 Overview: training ended from 2024-01-01 to 2024-12-31, Hitung angka: the 2024
 cohort's figures (a partner sees counts under 10 as "< 10").
 Ctrl-C stops the server.
==================================================================================

MSG
exec "$BUILD_DIR/service/cakapd" --data "$DIR/index" --keys "$keys" --listen "$GRPC" \
  --http-listen "$LISTEN" --web-root "$PWD/clients/web/dist"

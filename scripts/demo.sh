#!/usr/bin/env bash
# End-to-end demo of cakap: installs what is missing (Debian), builds the command-line
# tools, generates 3000 demo workers over Kalimantan, imports them into a fresh index and
# runs four real matches (explanations, facets, near misses, a local-worker quota) and a batch
# allocation of the cohort across four job-fair vacancies; then records the generated
# placements and outcomes and prints the office's figures (the Bontang-style summary of
# the 2024 cohort).
#
#   scripts/demo.sh                     # from any directory
#
# Environment (all optional):
#   CAKAP_BUILD_DIR  build directory (default: build)
#   CAKAP_DEMO_DIR   demo data directory (default: var/demo)
#   DEMO_TODAY       the demo's "today", YYYY-MM-DD (default: today in Indonesia, UTC+7).
#                    The corpus' certificate dates are drawn around it and the matches
#                    use it, so the output is the same for the same DEMO_TODAY.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BUILD_DIR="${CAKAP_BUILD_DIR:-build}"
DEMO_DIR="${CAKAP_DEMO_DIR:-var/demo}"
DEMO_TODAY="${DEMO_TODAY:-$(TZ=Asia/Jakarta date +%F)}"

# --- (a) Debian packages ---------------------------------------------------------------
scripts/setup.sh

# --- (b) build ---------------------------------------------------------------------------
echo "== building cakap and cakap-gen in $BUILD_DIR"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" --target cakap cakap-gen

CAKAP_BIN="$BUILD_DIR/clients/cakap/cakap"
GEN_BIN="$BUILD_DIR/bench/corpus/cakap-gen"
cakap() { "$CAKAP_BIN" --data "$DEMO_DIR/index" --today "$DEMO_TODAY" "$@"; }

# --- (c) corpus and index ------------------------------------------------------------------
echo
echo "== generating 3000 demo workers (seed 42, today $DEMO_TODAY) into $DEMO_DIR/workers.jsonl"
mkdir -p "$DEMO_DIR"
# --training-dates: every training gets its end date (the figures' cohorts); every other
# field is as without it.
"$GEN_BIN" --workers 3000 --seed 42 --today "$DEMO_TODAY" --training-dates >"$DEMO_DIR/workers.jsonl"
echo "== importing them into a fresh index $DEMO_DIR/index"
rm -rf "$DEMO_DIR/index"
cakap import workers "$DEMO_DIR/workers.jsonl"
cakap stats

# --- (d) four matches ----------------------------------------------------------------------
MATCH_OPTS=(--page-size 5 --facets --near-misses 3)

echo
echo "=================================================================================="
echo "1. Welders (LAS) with a valid BNSP certificate within 50 km of Paringin, Balangan"
echo "=================================================================================="
cakap match --require LAS --issuer BNSP --near 63.11 --radius 50 "${MATCH_OPTS[@]}"

echo
echo "=================================================================================="
echo "2. Gada Pratama security guards (SATPAM.GADAPRATAMA) for Bontang, within 100 km"
echo "   (and within each worker's own travel radius, unless willing to relocate)"
echo "=================================================================================="
cakap match --require SATPAM.GADAPRATAMA --near 64.74 --radius 100 "${MATCH_OPTS[@]}"

echo
echo "=================================================================================="
echo "3. Excavator operators (OAB.EXCAVATOR) within 50 km of Tenggarong, Kutai Kartanegara"
echo "=================================================================================="
cakap match --require OAB.EXCAVATOR --near 64.02 --radius 50 "${MATCH_OPTS[@]}"

echo
echo "=================================================================================="
echo "4. A vacancy as the office receives it (Perpres 57/2023): welders (LAS) for a site"
echo "   near Sangatta, Kutai Timur, SMP or above, aged 20-50, Rp 5-7 jt offered; the"
echo "   shortlist held to Kutai Timur's 80% local-worker rule (Perda 1/2022), local by"
echo "   domicile or KTP: locals move up (a 'quota' line says so) as far as the rule needs,"
echo "   and the report says whether enough local welders exist to meet it"
echo "=================================================================================="
cakap match --require LAS --near 64.08 --radius 300 --min-education SMP --age 20-50 \
  --wage 5000000-7000000 --local-region 64.08 --local-share 0.8 --local-basis either \
  --page-size 10 --near-misses 3

# --- (e) one allocation ----------------------------------------------------------------------
echo
echo "=================================================================================="
echo "5. A job fair: place the demo cohort across four stored vacancies at once (each"
echo "   worker at most once, each vacancy up to its openings, the total score as high"
echo "   as possible; Kutai Timur's mine keeps 80% of its places for local workers)"
echo "=================================================================================="
cat >"$DEMO_DIR/vacancies.jsonl" <<JSON
{"id":"fair-las","title":"Juru las, Balangan","requiredSkills":["LAS"],"location":{"regionCode":"63.11"},"radiusKm":100,"openings":6,"open":true,"startDate":"$DEMO_TODAY"}
{"id":"fair-satpam","title":"Satpam Gada Pratama, Bontang","requiredSkills":["SATPAM.GADAPRATAMA"],"location":{"regionCode":"64.74"},"radiusKm":150,"openings":5,"open":true,"startDate":"$DEMO_TODAY"}
{"id":"fair-excavator","title":"Operator excavator, Tenggarong","requiredSkills":["OAB.EXCAVATOR"],"location":{"regionCode":"64.02"},"radiusKm":150,"openings":4,"open":true,"startDate":"$DEMO_TODAY"}
{"id":"fair-kutim","title":"Operator excavator, Sangatta (Kutai Timur, 80% local)","requiredSkills":["OAB.EXCAVATOR"],"location":{"regionCode":"64.08"},"radiusKm":250,"openings":5,"open":true,"startDate":"$DEMO_TODAY","localRegionCodes":["64.08"],"minLocalShare":0.8}
JSON
cakap import vacancies "$DEMO_DIR/vacancies.jsonl"
cakap allocate --vacancy-id fair-las --vacancy-id fair-satpam --vacancy-id fair-excavator \
    --vacancy-id fair-kutim

# --- (f) placements, outcomes and the office's figures -------------------------------------
echo
echo "=================================================================================="
echo "6. What happened after the matches: placements and outcomes (the ledger), and the"
echo "   figures a labour office publishes, computed by cakap (FiguresService.GetFigures)"
echo "=================================================================================="
"$GEN_BIN" --ledger 3000 --seed 42 --today "$DEMO_TODAY" >"$DEMO_DIR/ledger.jsonl"
cakap import ledger "$DEMO_DIR/ledger.jsonl"
# The demand side: 300 generated vacancies, stored open (cakap-gen leaves `open` unset).
"$GEN_BIN" --vacancies 300 --seed 42 --today "$DEMO_TODAY" | sed 's/^{/{"open":true,/' \
  >"$DEMO_DIR/demand-vacancies.jsonl"
cakap import vacancies "$DEMO_DIR/demand-vacancies.jsonl"
FIRST_PLACED="$(head -n 1 "$DEMO_DIR/ledger.jsonl" | sed -E 's/.*"workerId":"([^"]+)".*/\1/')"
echo "-- history of worker $FIRST_PLACED"
cakap history "$FIRST_PLACED"
echo
echo "-- the 2024 cohort, all of Kalimantan"
cakap figures --cohort-year 2024
echo
echo "-- supply and demand of welders (LAS) in Kalimantan Timur (64)"
cakap figures --skill LAS --region 64 --supply-demand

#!/usr/bin/env bash
# Builds the console and runs its end-to-end tests: Debian's chromium (headless, driven by
# playwright-core) against a real cakapd (CAKAPD, default ../../build/service/cakapd) on
# the demo corpus (cakap-gen and cakap from the same build directory). The tests also
# write the screenshots in docs/console/.
set -euo pipefail
cd "$(dirname "$0")"
./build.sh
export CAKAPD=${CAKAPD:-../../build/service/cakapd}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
npm test

#!/usr/bin/env bash
# Installs the locked dependencies and runs the client's tests against a real cakapd
# (CAKAPD, default ../../build/service/cakapd relative to this directory).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
CAKAPD=${CAKAPD:-../../build/service/cakapd} npm test

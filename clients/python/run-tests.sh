#!/usr/bin/env bash
# Runs the Python client's tests (unittest) against a real cakapd (CAKAPD, default
# ../../build/service/cakapd relative to this directory), with Debian's python3 and
# python3-prometheus-client (for the /metrics test). Nothing is downloaded.
set -euo pipefail
cd "$(dirname "$0")"
CAKAPD=$(realpath "${CAKAPD:-../../build/service/cakapd}")
export CAKAPD
# Debian's interpreter: python3-prometheus-client is installed for it, not for another
# python3 that may come first on PATH.
PYTHON=${PYTHON:-/usr/bin/python3}
exec "$PYTHON" -m unittest discover -s tests -t . -v "$@"

#!/usr/bin/env bash
# Installs the Debian bookworm packages cakap builds with, when any is missing.
# With --bench, also what scripts/bench.sh runs (PostgreSQL + PostGIS, gnuplot).
# Idempotent; needs root (or sudo) only when something must be installed.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libxapian-dev xapian-tools libabsl-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libsqlite3-dev libpq-dev nlohmann-json3-dev libcpp-httplib-dev
  # Batch allocation's min-cost flow (engine/src/allocation_solver.cc; header-only use).
  liblemon-dev
  # The PHP and Python clients' tests (clients/php, clients/python).
  php-cli php-curl phpunit python3 python3-prometheus-client openssl
  # The web console's end-to-end tests (clients/web): Debian's chromium, driven headless
  # by playwright-core from npm (no browser download).
  chromium
  # scripts/fuzz.sh: libFuzzer comes with clang's runtime.
  clang libclang-rt-14-dev
)

# scripts/bench.sh --bench: the peers' servers and the plot too.
if [ "${1:-}" = "--bench" ]; then
  PACKAGES+=(postgresql-15 postgresql-15-postgis-3 gnuplot-nox xapian-tools)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# The Node.js client (clients/node) and its tests, and the web console's build
# (clients/web: Vite, TypeScript, protoc-gen-es), need node and npm; any packaged version
# (Debian's nodejs 18 or newer) will do.
if ! command -v npm >/dev/null 2>&1; then missing+=(nodejs npm); fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

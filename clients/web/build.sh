#!/usr/bin/env bash
# Builds the web console into clients/web/dist, which cakapd serves at / on its HTTP port
# (by default when it exists; --web-root DIR otherwise): the locked npm dependencies,
# the Connect clients and types generated from proto/cakap/v1 (protoc + protoc-gen-es,
# into src/gen, never edited by hand), a type check and the Vite build.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
rm -rf src/gen
mkdir -p src/gen
npm run --silent gen
npm run --silent build
echo "web console built into $PWD/dist" >&2

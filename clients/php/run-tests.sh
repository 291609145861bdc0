#!/usr/bin/env bash
# Runs the PHP client's tests against a real cakapd (CAKAPD, default
# ../../build/service/cakapd relative to this directory) with Debian's phpunit
# (packages php-cli php-curl phpunit). Nothing is downloaded.
set -euo pipefail
cd "$(dirname "$0")"
CAKAPD=$(realpath "${CAKAPD:-../../build/service/cakapd}")
export CAKAPD
php -l src/Client.php >/dev/null
php -l src/CakapException.php >/dev/null
exec phpunit -c phpunit.xml "$@"

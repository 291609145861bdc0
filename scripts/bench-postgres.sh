#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS cluster for the benchmark's postgres peer
# (bench/peers/postgres.cc) and tests/bench/sql_peers_test.
#
#   conninfo=$(scripts/bench-postgres.sh start /tmp/cakap-pg 55432)
#   CAKAP_PG_CONNINFO="$conninfo" build/tests/sql_peers_test
#   scripts/bench-postgres.sh stop /tmp/cakap-pg
#
# start DIR PORT: creates the cluster in DIR (when DIR holds none yet), starts it on
#   127.0.0.1:PORT with its unix socket inside DIR, creates the database cakap_bench with
#   the postgis extension, and prints the libpq conninfo on stdout (nothing else goes to
#   stdout). Starting a cluster that already runs only prints the conninfo.
# stop DIR: stops the cluster in DIR; does nothing when none runs.
#
# Run as root, the server runs as the `postgres` user (PostgreSQL refuses to run as root)
# and DIR is given to it; otherwise it runs as the calling user. Authentication is `trust`:
# the server listens on 127.0.0.1 and in DIR only, and holds nothing but benchmark data.
# The settings trade durability for speed: never use such a cluster for real data.
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
DB=cakap_bench

usage() {
  echo "usage: $0 start DIR PORT | stop DIR" >&2
  exit 2
}

die() {
  echo "bench-postgres: $*" >&2
  exit 1
}

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() { as_owner "$PG_BIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }

start() {
  local dir="$1" port="$2"
  [[ "$port" =~ ^[0-9]+$ ]] || die "port must be a number, got '$port'"
  [ -x "$PG_BIN/initdb" ] || die "no $PG_BIN/initdb: install postgresql-15 and postgresql-15-postgis-3"
  [ -f /usr/share/postgresql/15/extension/postgis.control ] ||
    die "PostGIS for PostgreSQL 15 is missing: install postgresql-15-postgis-3"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "no postgres user (install postgresql-15)"
    chown postgres: "$dir"
    chmod 700 "$dir"
    runuser -u postgres -- test -w "$dir" ||
      die "$dir is not writable by postgres (is a parent directory closed to it?)"
  fi

  if [ ! -f "$dir/PG_VERSION" ]; then
    [ -z "$(ls -A "$dir")" ] || die "$dir is neither empty nor a PostgreSQL cluster"
    # C locale: text sorts by bytes (the order of worker ids the peers must return) and
    # nothing depends on the locales installed on the machine.
    local out
    out="$(as_owner "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust --no-locale -E UTF8 2>&1)" ||
      die "initdb failed: $out"
    cat >>"$dir/postgresql.conf" <<EOF

# --- scripts/bench-postgres.sh: a throwaway benchmark cluster -----------------------------
listen_addresses = '127.0.0.1'     # local clients only
port = $port
unix_socket_directories = '$dir'   # not /var/run/postgresql: no clash with a system server
# Durability off: the data is regenerated from the corpus, so a crash costs a reload.
# Without fsync the load and the index builds measure PostgreSQL, not the disk's flushes.
fsync = off
synchronous_commit = off
full_page_writes = off
# wal_level=minimal: COPY into a table created in the same transaction (what the peer
# does) writes no WAL at all. Needs max_wal_senders = 0 (no replication).
wal_level = minimal
max_wal_senders = 0
# Few checkpoints during the load: they would rewrite pages the load just wrote.
max_wal_size = 8GB
checkpoint_timeout = 30min
# 1 GB holds the benchmark tables and indexes (~1.5 KB per worker with indexes, so well
# past 500k workers) in PostgreSQL's own cache: queries hit shared buffers, not the
# kernel's page cache through read() calls.
shared_buffers = 1GB
effective_cache_size = 4GB
# Sorts and hashes of one query (ORDER BY score over a national candidate set, the
# IN/ANY lists) stay in memory instead of spilling to temp files.
work_mem = 64MB
# Index builds after the load (GIN over skills, GiST over points) sort in memory.
maintenance_work_mem = 1GB
# Everything is cached: a random page read costs about what a sequential one does, so
# the planner should not shy away from index scans.
random_page_cost = 1.1
# JIT compiling costs tens of milliseconds per query and starts on the larger national
# queries, which run in less time than that: it only adds latency here.
jit = off
# No background VACUUM/ANALYZE waking up in the middle of a timed run: the peer runs
# ANALYZE itself after the load, and the tables are never updated afterwards.
autovacuum = off
logging_collector = off
EOF
  fi

  if ! running "$dir"; then
    as_owner "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 -o "-p $port" start \
      >/dev/null || die "pg_ctl start failed, see $dir/server.log"
  fi
  local psql=(as_owner env PGOPTIONS="-c client_min_messages=warning" "$PG_BIN/psql" -h "$dir" -p "$port" -U postgres -X -q -v ON_ERROR_STOP=1)
  if [ -z "$("${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
    "${psql[@]}" -d postgres -c "CREATE DATABASE $DB" >&2
  fi
  "${psql[@]}" -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS postgis" >&2
  echo "host=127.0.0.1 port=$port dbname=$DB user=postgres"
}

stop() {
  local dir="$1"
  if [ -f "$dir/PG_VERSION" ] && running "$dir"; then
    as_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null ||
      die "pg_ctl stop failed for $dir"
  fi
}

case "${1:-}" in
  start) [ $# = 3 ] || usage; start "$2" "$3" ;;
  stop) [ $# = 2 ] || usage; stop "$2" ;;
  *) usage ;;
esac

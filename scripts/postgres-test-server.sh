#!/usr/bin/env bash
# A throwaway PostgreSQL server for Trygg's tests: loopback only (127.0.0.1), its own port (55432 unless
# TRYGG_PG_PORT says otherwise), a data directory under $TMPDIR, trust authentication (nothing but this
# machine can reach it), fsync off (the data is disposable). It creates the database `trygg_test`.
#
# Run it, and stdout carries one line and nothing else, the DATABASE_URL (progress goes to stderr):
#
#   TRYGG_TEST_DATABASE_URL=$(bash scripts/postgres-test-server.sh) npx vitest run test/store
#
# Source it instead (`. scripts/postgres-test-server.sh`) and it exports TRYGG_TEST_DATABASE_URL into the
# calling shell, printing nothing on stdout. Running it again while the server is up only prints the URL
# again (idempotent). `bash scripts/postgres-test-server.sh stop` stops the server and deletes its data;
# `… pause` stops it and keeps the data, and the next run starts it again.
#
# Needs the PostgreSQL server binaries (initdb, pg_ctl, psql). On a fresh Debian machine, CI first runs
#   apt-get update && apt-get install -y postgresql
# (bookworm ships PostgreSQL 15 in /usr/lib/postgresql/15/bin; another major version is used if 15 is not
# there). The script installs nothing. As root it runs the server as the `postgres` OS user, which that
# package creates (initdb refuses to run as root).

_trygg_pg_main() (
  set -euo pipefail
  local port="${TRYGG_PG_PORT:-55432}"
  local root="${TMPDIR:-/tmp}/trygg-postgres-test-${port}"
  local data="$root/data"
  local log="$root/server.log"
  local db=trygg_test
  local url="postgres://postgres@127.0.0.1:${port}/${db}"

  say() { printf 'postgres-test-server: %s\n' "$*" >&2; }

  # The server binaries: PG_BIN, else Debian's PostgreSQL 15, else the newest installed, else PATH.
  local bin="${PG_BIN:-}"
  if [ -z "$bin" ]; then
    if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
      bin=/usr/lib/postgresql/15/bin
    else
      bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
      if [ -z "$bin" ] && command -v initdb >/dev/null 2>&1; then bin=$(dirname "$(command -v initdb)"); fi
    fi
  fi
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
    say "PostgreSQL server binaries not found; on Debian: apt-get install -y postgresql (or set PG_BIN)"
    exit 1
  fi

  # initdb and postgres refuse to run as root: then everything runs as the postgres OS user.
  as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
      if ! id postgres >/dev/null 2>&1; then
        say "running as root, but there is no 'postgres' OS user to run the server as"
        exit 1
      fi
      if command -v runuser >/dev/null 2>&1; then
        runuser -u postgres -- "$@"
      else
        su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
      fi
    else
      "$@"
    fi
  }

  local psql=("$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres)

  if [ "${1:-}" = pause ]; then
    # Stops the server and keeps its data: running the script again starts it with the same data (a database
    # outage in a test).
    if [ -d "$data" ]; then as_server_user "$bin/pg_ctl" -D "$data" -m fast -w stop >&2 || true; fi
    say "paused; the data stays in $root (run the script again to start it)"
    return 0
  fi

  if [ "${1:-}" = stop ]; then
    if [ -d "$data" ]; then as_server_user "$bin/pg_ctl" -D "$data" -m fast -w stop >&2 || true; fi
    rm -rf "$root"
    say "stopped; removed $root"
    return 0
  fi

  if [ -f "$data/PG_VERSION" ] && as_server_user "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    say "already running on 127.0.0.1:$port"
  else
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" 2>/dev/null; then
      say "port $port is taken by another server; choose another with TRYGG_PG_PORT"
      exit 1
    fi
    mkdir -p "$root"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$root"; fi
    chmod 700 "$root"
    if [ ! -f "$data/PG_VERSION" ]; then
      rm -rf "$data"
      say "initdb in $data"
      as_server_user "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 \
        || as_server_user "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$root/initdb.log" 2>&1 \
        || { say "initdb failed:"; cat "$root/initdb.log" >&2; exit 1; }
    fi
    say "starting on 127.0.0.1:$port"
    # Loopback only; the Unix socket in our own directory (Debian's /var/run/postgresql may not exist).
    local opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$root"
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    if ! as_server_user "$bin/pg_ctl" -D "$data" -l "$log" -o "$opts" -w -t 60 start >/dev/null 2>&1; then
      say "the server did not start; its log:"
      tail -n 30 "$log" >&2 || true
      exit 1
    fi
  fi

  if [ "$("${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
    "${psql[@]}" -d postgres -c "CREATE DATABASE $db" >/dev/null
    say "created database $db"
  fi
  printf '%s\n' "$url"
)

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced: export the URL into the caller's shell; the caller's shell options are left as they were.
  if TRYGG_TEST_DATABASE_URL=$(_trygg_pg_main "$@"); then
    if [ -n "$TRYGG_TEST_DATABASE_URL" ]; then export TRYGG_TEST_DATABASE_URL; else unset TRYGG_TEST_DATABASE_URL; fi
  else
    unset TRYGG_TEST_DATABASE_URL
    return 1
  fi
  unset -f _trygg_pg_main
else
  _trygg_pg_main "$@"
fi

#!/usr/bin/env bash
# postgres-scratch.sh - a throwaway PostgreSQL cluster for one test that must stop or restart the
# server (scripts/postgres.sh's shared cluster serves dozens of tests at once: never restart it).
#
# The cluster is made like the shared one — TLS only over TCP (the shared cluster's server
# certificate, issued for localhost and 127.0.0.1 by the test CA), the `relance` role with the
# shared password (scram-sha-256), pg_trgm in template1 — plus a database `relance` owned by
# that role, on a free loopback port. Needs root and the shared cluster set up
# (`bash scripts/postgres.sh`) for its certificate, CA and password.
#
# Usage:
#   postgres-scratch.sh create            new cluster in a new temp dir, started; prints DIR=… and PORT=…
#   postgres-scratch.sh restart DIR       pg_ctl -m fast restart (every session is cut)
#   postgres-scratch.sh stop DIR          pg_ctl -m fast stop (the outage begins)
#   postgres-scratch.sh start DIR         start again on the same port
#   postgres-scratch.sh remove DIR        stop at once (-m immediate) and delete the directory
set -euo pipefail

SHARED_DATA=/var/lib/relance-test/postgres
FACTS=/etc/relance-test/postgres.env

log() { printf '[postgres-scratch] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# shellcheck source=lib/postgres-binaries.sh
source "$(dirname "$0")/lib/postgres-binaries.sh"

[ "$(id -u)" = 0 ] || die "must run as root"
BIN=$(find_bin) || die "no PostgreSQL binaries under /usr/lib/postgresql/*/bin (run scripts/postgres.sh)"

# A port nobody listens on (a connection to it is refused), from a range away from the shared one
# and above Linux's ephemeral ports (net.ipv4.ip_local_port_range, 32768-60999 by default): a
# port there may be taken by an outgoing connection's own end, which refuses nothing yet makes
# the server's bind fail ("Address already in use", seen once in a full run).
free_port() {
    local port low
    low=$(( $(awk '{ print $2 }' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 60999) + 1 ))
    [ "$low" -le 64000 ] || low=61000
    for _ in $(seq 1 200); do
        port=$(( low + RANDOM % (65000 - low) ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    return 1
}

# Starts the cluster of DIR detached (setsid: it outlives this script and the caller's pipes).
start_cluster() {
    local dir=$1
    setsid runuser -u postgres -- "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start </dev/null >/dev/null 2>&1 \
        || die "pg_ctl start failed; see $dir/server.log"
}

check_dir() {
    [ -n "${1:-}" ] && [ -f "$1/data/PG_VERSION" ] || die "'${1:-}' is not a scratch cluster made by '$0 create'"
}

case "${1:-}" in
create)
    [ -s "$FACTS" ] && [ -s "$SHARED_DATA/server.crt" ] || die "the shared cluster is not set up: run scripts/postgres.sh first"
    # shellcheck disable=SC1090
    . "$FACTS"
    password=$(cat "$RELANCE_POSTGRES_PASSWORD_FILE")
    dir=$(mktemp -d /tmp/relance-pg-scratch.XXXXXX)
    chmod 0755 "$dir"
    install -d -o postgres -g postgres -m 0700 "$dir/data"
    install -d -o postgres -g postgres -m 0755 "$dir/socket"
    touch "$dir/server.log"; chown postgres:postgres "$dir/server.log"
    as_postgres "$BIN/initdb" -D "$dir/data" --auth-local=peer --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    install -o postgres -g postgres -m 0644 "$SHARED_DATA/server.crt" "$dir/data/server.crt"
    install -o postgres -g postgres -m 0600 "$SHARED_DATA/server.key" "$dir/data/server.key"
    port=$(free_port) || die "no free loopback port found"
    cat >> "$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir/socket'
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
ssl_min_protocol_version = 'TLSv1.2'
password_encryption = 'scram-sha-256'
max_connections = 120
max_locks_per_transaction = 256
shared_buffers = 16MB
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    cat > "$dir/data/pg_hba.conf" <<EOF
local      all       postgres                 peer
hostssl    all       all       127.0.0.1/32   scram-sha-256
hostnossl  all       all       0.0.0.0/0      reject
EOF
    echo "$port" > "$dir/port"
    start_cluster "$dir"
    psql_admin() { as_postgres "$BIN/psql" -h "$dir/socket" -p "$port" -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }
    psql_admin -c "CREATE ROLE relance LOGIN CREATEDB PASSWORD '$password'" >/dev/null
    psql_admin -d template1 -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pg_trgm" >/dev/null
    psql_admin -c "CREATE DATABASE relance OWNER relance" >/dev/null
    log "ready on 127.0.0.1:$port in $dir"
    echo "DIR=$dir"
    echo "PORT=$port"
    ;;
restart)
    check_dir "${2:-}"
    setsid runuser -u postgres -- "$BIN/pg_ctl" -D "$2/data" -m fast -w -t 60 restart -l "$2/server.log" </dev/null >/dev/null 2>&1 \
        || die "pg_ctl restart failed; see $2/server.log"
    log "restarted $2"
    ;;
stop)
    check_dir "${2:-}"
    as_postgres "$BIN/pg_ctl" -D "$2/data" -m fast -w -t 60 stop >/dev/null || die "pg_ctl stop failed; see $2/server.log"
    log "stopped $2"
    ;;
start)
    check_dir "${2:-}"
    start_cluster "$2"
    log "started $2 on 127.0.0.1:$(cat "$2/port")"
    ;;
remove)
    check_dir "${2:-}"
    case "$2" in /tmp/relance-pg-scratch.*) ;; *) die "will only remove directories it created (/tmp/relance-pg-scratch.*)" ;; esac
    as_postgres "$BIN/pg_ctl" -D "$2/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$2"
    log "removed $2"
    ;;
*)
    die "usage: postgres-scratch.sh create | restart DIR | stop DIR | start DIR | remove DIR" ;;
esac

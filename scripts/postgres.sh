#!/usr/bin/env bash
# postgres.sh - the loopback-only PostgreSQL cluster that Relance's PostgreSQL store tests talk to.
#
# Idempotent and fast when already running: installs Debian's postgresql when missing, creates a
# cluster of its own (not Debian's "main" cluster) once, keeps its TLS certificate and the
# `relance` role in shape, starts it detached with pg_ctl when it is down, and waits until it
# accepts connections. Needs root and Debian 12. Does not need systemd.
#
#   Listens   127.0.0.1:55432 only (RELANCE_POSTGRES_PORT), TLS required for TCP (hostssl only)
#   TLS       CA /etc/relance-test/postgres/ca.pem (its key stays in .../private); server
#             certificate for localhost and 127.0.0.1, so clients verify (sslmode=verify-full)
#   Role      relance (LOGIN CREATEDB, SCRAM password); the password is in
#             /etc/relance-test/postgres/private/relance.password, mode 0600, owned by root
#   Data      /var/lib/relance-test/postgres     Log  /var/log/relance-postgres.log
#   Facts     /etc/relance-test/postgres.env (KEY=VALUE, read by the tests)
#
# Tests create a fresh database each (relance_test_<random>) and drop it afterwards.
#
# Usage:  bash scripts/postgres.sh          install + configure + start + self-test
#         bash scripts/postgres.sh stop     stop the cluster
set -euo pipefail

PORT=${RELANCE_POSTGRES_PORT:-55432}
ETC=/etc/relance-test/postgres
PRIVATE=$ETC/private
CA=$ETC/ca.pem
CA_KEY=$PRIVATE/ca.key
PASSWORD_FILE=$PRIVATE/relance.password
FACTS=/etc/relance-test/postgres.env
PGDATA=/var/lib/relance-test/postgres
SOCKET_DIR=/var/run/relance-test-postgres
LOG=/var/log/relance-postgres.log

log() { printf '[postgres] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# shellcheck source=lib/postgres-binaries.sh
source "$(dirname "$0")/lib/postgres-binaries.sh"

case "${1:-}" in
    stop)
        BIN=$(find_bin) || exit 0
        [ -f "$PGDATA/PG_VERSION" ] && as_postgres "$BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
        log "stopped"; exit 0 ;;
    "") ;;
    *) die "unknown argument '$1' (usage: postgres.sh [stop])" ;;
esac

[ "$(id -u)" = 0 ] || die "must run as root"
started_ms=$(( $(date +%s%N) / 1000000 ))

# ------------------------------------------------------------------------- packages
if ! BIN=$(find_bin) || ! dpkg-query -W -f='${Status}' postgresql-contrib 2>/dev/null | grep -q 'install ok installed'; then
    log "installing Debian's postgresql"
    # Keep the maintainer scripts from starting Debian's own cluster: ours is separate.
    created_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; created_policy=1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        postgresql postgresql-contrib openssl </dev/null >/dev/null
    if [ "$created_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
    BIN=$(find_bin) || die "postgresql installed but no pg_ctl under /usr/lib/postgresql/*/bin"
fi
getent passwd postgres >/dev/null || die "the postgres system user is missing (it comes with postgresql-common)"

# ------------------------------------------------------------------------- TLS: test CA + server cert
install -d -m 0755 "$ETC"
install -d -m 0700 "$PRIVATE"
install -d -m 0755 /var/lib/relance-test
install -d -o postgres -g postgres -m 0700 "$PGDATA"
install -d -o postgres -g postgres -m 0775 "$SOCKET_DIR"

if [ ! -s "$CA" ] || [ ! -s "$CA_KEY" ] || ! openssl x509 -in "$CA" -noout -checkend 2592000 >/dev/null 2>&1; then
    log "creating the test CA $CA"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/O=Relance tests/CN=Relance PostgreSQL Test CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -keyout "$CA_KEY" -out "$CA" 2>/dev/null
    chmod 0600 "$CA_KEY"; chmod 0644 "$CA"
    rm -f "$PGDATA/server.crt"
fi

# ------------------------------------------------------------------------- the cluster
if [ ! -f "$PGDATA/PG_VERSION" ]; then
    log "creating the cluster in $PGDATA"
    as_postgres "$BIN/initdb" -D "$PGDATA" --auth-local=peer --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi

cert_is_good() {
    [ -s "$PGDATA/server.crt" ] && [ -s "$PGDATA/server.key" ] &&
    openssl verify -CAfile "$CA" "$PGDATA/server.crt" >/dev/null 2>&1 &&
    openssl x509 -in "$PGDATA/server.crt" -noout -checkend 2592000 >/dev/null 2>&1 &&
    openssl x509 -in "$PGDATA/server.crt" -noout -checkhost localhost -checkip 127.0.0.1 2>/dev/null | grep -vq 'NOT match'
}
changed=0
if ! cert_is_good; then
    log "creating the server certificate"
    ext=$(mktemp); csr=$(mktemp)
    cat > "$ext" <<EOF
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid,issuer
EOF
    openssl req -new -newkey rsa:2048 -nodes -subj "/O=Relance tests/CN=localhost" \
        -keyout "$PGDATA/server.key" -out "$csr" 2>/dev/null
    openssl x509 -req -in "$csr" -CA "$CA" -CAkey "$CA_KEY" -CAcreateserial -CAserial "$PRIVATE/ca.srl" \
        -days 825 -extfile "$ext" -out "$PGDATA/server.crt" 2>/dev/null
    rm -f "$ext" "$csr"
    chown postgres:postgres "$PGDATA/server.key" "$PGDATA/server.crt"
    chmod 0600 "$PGDATA/server.key"; chmod 0644 "$PGDATA/server.crt"
    cert_is_good || die "the new server certificate does not verify against $CA"
    changed=1
fi

# Our settings live in their own file, included from postgresql.conf, so initdb's file stays as is.
write_if_changed() {
    local target=$1 tmp
    tmp=$(mktemp)
    cat > "$tmp"
    if [ -f "$target" ] && cmp -s "$tmp" "$target"; then rm -f "$tmp"; return 1; fi
    mv "$tmp" "$target"; chown postgres:postgres "$target"; chmod 0600 "$target"
    return 0
}
write_if_changed "$PGDATA/relance.conf" <<EOF && changed=1 || true
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCKET_DIR'
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
ssl_min_protocol_version = 'TLSv1.2'
password_encryption = 'scram-sha-256'
# Dozens of tests run at once, each with its own store's pool (and two daemons' in the
# concurrency tests): at 200 a full run met "too many clients" once the suite grew past 1,330 tests.
max_connections = 400
# Each test migrates a fresh database in one transaction (hundreds of objects, each locked until
# it commits) while dozens of tests run at once: the shared lock table must hold them all
# ("out of shared memory; increase max_locks_per_transaction" at the default 64).
max_locks_per_transaction = 512
shared_buffers = 64MB
# A test cluster: durability traded for speed (the tests drop their databases anyway).
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
grep -qx "include_if_exists = 'relance.conf'" "$PGDATA/postgresql.conf" \
    || { echo "include_if_exists = 'relance.conf'" >> "$PGDATA/postgresql.conf"; changed=1; }
# TCP only with TLS; the local socket only for the postgres superuser (peer), for this script.
write_if_changed "$PGDATA/pg_hba.conf" <<EOF && changed=1 || true
# TYPE     DATABASE  USER      ADDRESS        METHOD
local      all       postgres                 peer
hostssl    all       all       127.0.0.1/32   scram-sha-256
hostnossl  all       all       0.0.0.0/0      reject
EOF

# ------------------------------------------------------------------------- start (or reload)
running() { as_postgres "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }
if running; then
    if [ "$changed" = 1 ]; then
        log "configuration changed: restarting"
        as_postgres "$BIN/pg_ctl" -D "$PGDATA" -m fast -w -t 60 restart -l "$LOG" >/dev/null
    fi
else
    touch "$LOG"; chown postgres:postgres "$LOG"
    log "starting the cluster on 127.0.0.1:$PORT"
    # setsid + closed descriptors: the server outlives this script and its caller's pipes.
    setsid runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDATA" -l "$LOG" -w -t 60 start </dev/null >/dev/null 2>&1 \
        || die "pg_ctl start failed; see $LOG"
fi
for _ in $(seq 1 120); do
    "$BIN/pg_isready" -q -h "$SOCKET_DIR" -p "$PORT" && break
    sleep 0.5
done
"$BIN/pg_isready" -q -h "$SOCKET_DIR" -p "$PORT" || die "the cluster does not accept connections; see $LOG"

# ------------------------------------------------------------------------- the relance role
if [ ! -s "$PASSWORD_FILE" ]; then
    umask 077
    openssl rand -hex 24 > "$PASSWORD_FILE"
    chmod 0600 "$PASSWORD_FILE"
fi
PASSWORD=$(cat "$PASSWORD_FILE")
psql_admin() { as_postgres "$BIN/psql" -h "$SOCKET_DIR" -p "$PORT" -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'relance'")" != 1 ]; then
    psql_admin -c "CREATE ROLE relance LOGIN CREATEDB"
fi
# Always reset the password: the file is the truth (it may have been regenerated).
psql_admin -c "ALTER ROLE relance PASSWORD '$PASSWORD'" >/dev/null
# pg_trgm for the search indexes: created in template1 so every test database has it.
psql_admin -d template1 -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pg_trgm" >/dev/null

{
    echo "RELANCE_POSTGRES_HOST=127.0.0.1"
    echo "RELANCE_POSTGRES_PORT=$PORT"
    echo "RELANCE_POSTGRES_USER=relance"
    echo "RELANCE_POSTGRES_PASSWORD_FILE=$PASSWORD_FILE"
    echo "RELANCE_POSTGRES_CA=$CA"
} > "$FACTS.tmp"
mv "$FACTS.tmp" "$FACTS"; chmod 0644 "$FACTS"

# ------------------------------------------------------------------------- self-test over TLS
PGPASSWORD=$PASSWORD PGSSLMODE=verify-full PGSSLROOTCERT=$CA "$BIN/psql" -X -q \
    "host=localhost port=$PORT user=relance dbname=postgres" -tAc "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()" \
    | grep -qx t || die "self-test: a verify-full TLS connection as relance failed"

log "ready on 127.0.0.1:$PORT (TLS, CA $CA); password file $PASSWORD_FILE; facts $FACTS ($(( $(date +%s%N) / 1000000 - started_ms )) ms)"

#!/usr/bin/env bash
# pg-statements.sh - the statements one `relance run` daemon sends PostgreSQL per reminder, by kind
# (issue #16): the book and load of benchmarks/shared-book.sh (N reminders imported, planned,
# composed and sent into Postfix's smtp-sink, with the creditor's archive so the sender claims in
# batches), on a fresh database migrated first; then `log_statement = all` is set on that database
# alone (ALTER DATABASE: the cluster's own setting is `none`, so the statements the server logs
# meanwhile are this daemon's), and the daemon's statements are read back from the server's log. Counted from the daemon's start to its stop right
# after the last reminder is recorded sent (its heartbeats and lease renewals included).
# Needs root (the superuser through the cluster's socket), the mail stack's IMAP (for the archive
# setting) and the test PostgreSQL (scripts/postgres.sh). Not part of .ci/run.
# Usage:  bash benchmarks/pg-statements.sh [messages] [relance binary]   (default 200, .build/debug/relance)
#         KEEP_DATABASE=1 keeps the book afterwards (to compare the rows two binaries wrote).
set -euo pipefail

MESSAGES=${1:-200}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/sink-creditor.sh
source "$ROOT/benchmarks/lib/sink-creditor.sh"
RELANCE=${2:-$ROOT/.build/debug/relance}
PORT=${RELANCE_BENCH_PORT:-2528}
IMAP_PORT=${RELANCE_BENCH_IMAP_PORT:-143}
SINK=/usr/sbin/smtp-sink
SOCKET_DIR=/var/run/relance-test-postgres
LOG=/var/log/relance-postgres.log
[ "$(id -u)" = 0 ] || { echo "needs root (the superuser sets log_statement on the database)" >&2; exit 1; }
[ -x "$RELANCE" ] || { echo "no relance binary at $RELANCE (swift build)" >&2; exit 1; }
# shellcheck disable=SC1091
. /etc/relance-test/postgres.env
export RELANCE_CREDENTIAL_ARCHIVE_PASSWORD=${RELANCE_MAILSTACK_PASSWORD:-relance-test}
export RELANCE_CREDENTIAL_POSTGRES_PASSWORD
RELANCE_CREDENTIAL_POSTGRES_PASSWORD=$(cat "$RELANCE_POSTGRES_PASSWORD_FILE")
export PGPASSWORD=$RELANCE_CREDENTIAL_POSTGRES_PASSWORD PGHOST=$RELANCE_POSTGRES_HOST PGPORT=$RELANCE_POSTGRES_PORT PGUSER=$RELANCE_POSTGRES_USER
superuser() { runuser -u postgres -- psql -h "$SOCKET_DIR" -p "$PGPORT" -U postgres -d postgres -Atqc "$1"; }

WORK=$(mktemp -d /tmp/relance-pg-statements.XXXXXX)
DB="relance_statements_$(date +%s%N | tail -c 10)"
SINK_PID= DAEMON=
cleanup() {
    [ -n "$DAEMON" ] && { kill -KILL "$DAEMON" 2>/dev/null || true; wait "$DAEMON" 2>/dev/null || true; }
    [ -n "$SINK_PID" ] && { kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; }
    if [ -n "${KEEP_DATABASE:-}" ]; then echo "kept the database $DB" >&2; else dropdb --if-exists "$DB" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

start_smtp_sink

mkdir -p "$WORK/drop"
sink_creditor_toml > "$WORK/relance.toml"
cat >> "$WORK/relance.toml" <<TOML

[store]
url = "postgresql://$PGUSER@localhost:$PGPORT/$DB"
password_credential = "postgres-password"
sslmode = "verify-full"
sslrootcert = "$RELANCE_POSTGRES_CA"
TOML
createdb "$DB"
"$RELANCE" store migrate --config "$WORK/relance.toml" > /dev/null
{
    echo "customer;name;email;invoice;issue_date;due_date;amount"
    for i in $(seq "$MESSAGES"); do echo "C$i;Société Cliente n°$i;compta$i@client$i.example;F-2026-$i;01/09/2026;01/10/2026;$i,50"; done
} > "$WORK/open.csv"

[ "$(superuser "SHOW log_statement")" = none ] || { echo "the cluster logs statements already: the count would mix databases" >&2; exit 1; }
superuser "ALTER DATABASE $DB SET log_statement = 'all'"
START=$(( $(stat -c %s "$LOG") + 1 ))
"$RELANCE" run --config "$WORK/relance.toml" --now 2026-11-30 --log-level error >> "$WORK/daemon.log" 2>&1 &
DAEMON=$!
mv "$WORK/open.csv" "$WORK/drop/open.csv"
deadline=$(( $(date +%s) + 600 ))
until [ "$(psql -d "$DB" -Atc "SELECT count(*) FROM message WHERE state = 'sent'" 2>/dev/null || echo 0)" -ge "$MESSAGES" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "not all sent in 10 minutes; see $WORK/daemon.log" >&2; exit 1; }
    sleep 0.2
done
kill -TERM "$DAEMON"; wait "$DAEMON" 2>/dev/null || true; DAEMON=
superuser "ALTER DATABASE $DB RESET ALL"
sleep 0.5

# Records of the log (a line with a timestamp and [pid] starts one); the statements, keyed by
# their first 100 characters with numbers and quoted literals folded (the same statement with
# other values is one kind).
tail -c +"$START" "$LOG" | awk -v n="$MESSAGES" '
    function flush() {
        if (text != "") {
            gsub(/[ \t]+/, " ", text); gsub(/'"'"'[^'"'"']*'"'"'/, "?", text); gsub(/[0-9]+/, "N", text)
            kinds[substr(text, 1, 100)]++; total++
        }
        text = ""
    }
    /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9:.]+ UTC \[[0-9]+\] / {
        flush()
        # (the polling of this script, by psql, is not the daemon)
        if (match($0, /LOG:  (statement|execute [^:]*): /) && $0 !~ /statement: SELECT count\(\*\) FROM message WHERE state = .sent.$/)
            text = substr($0, RSTART + RLENGTH)
        next
    }
    { if (text != "") text = text " " $0 }
    END {
        flush()
        for (k in kinds) printf "%8.2f  %6d  %s\n", kinds[k] / n, kinds[k], k
        printf "%8.2f  %6d  all statements, %d reminders\n", total / n, total, n > "/dev/stderr"
    }' | sort -rn

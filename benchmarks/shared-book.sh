#!/usr/bin/env bash
# shared-book.sh - one book, one or three daemons (issue #16): planning and sending N reminders
# with `relance run` daemons into Postfix's smtp-sink, side by side in one run:
#   sqlite       one daemon on the SQLite store (the default; its lock file allows one);
#   postgresql   one daemon on a fresh PostgreSQL database;
#   postgresql×3 three daemons on one fresh PostgreSQL database, started together.
# Each round times the daemons from their start to the last reminder recorded sent (import,
# planning, composition and sending; the whole), and the sending phase alone (first claim to last
# sent); it prints the daemons' CPU (user+system, summed), PostgreSQL's work on the book
# (pg_stat_database once the daemons have stopped: transactions committed, rows written and read,
# all of the daemons' run, their idle minutes after the last send included) and the server's CPU
# (its processes' CPU time while the daemons ran; a backend that ended meanwhile is not counted).
# Best of ROUNDS by the whole time; the three kinds interleaved so that each sees the same machine.
#
# The creditor has an archive (archive_bcc, the mail stack's IMAP), as for benchmarks/smtp-send.sh:
# the sender then claims in batches, the setting under which several daemons share the outbox.
# Needs the mail stack (scripts/mailstack.sh) and the test PostgreSQL (scripts/postgres.sh).
# Not part of .ci/run.
# Usage:  bash benchmarks/shared-book.sh [messages]      (default 2000)
#         RELANCE_BENCH_BINARY=path: that release binary, not a fresh build of this tree.
set -euo pipefail

MESSAGES=${1:-2000}
ROUNDS=${RELANCE_BENCH_ROUNDS:-3}
PORT=${RELANCE_BENCH_PORT:-2527}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/sink-creditor.sh
source "$ROOT/benchmarks/lib/sink-creditor.sh"
SINK=/usr/sbin/smtp-sink
for tool in "$SINK" sqlite3 psql; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install postfix sqlite3 postgresql-client)" >&2; exit 1; }
done
IMAP_PORT=${RELANCE_BENCH_IMAP_PORT:-143}
(exec 3<>/dev/tcp/127.0.0.1/"$IMAP_PORT") 2>/dev/null \
    || { echo "needs the test mail stack's IMAP on 127.0.0.1:$IMAP_PORT for the archive (bash scripts/mailstack.sh)" >&2; exit 1; }
[ -r /etc/relance-test/postgres.env ] || { echo "needs the test PostgreSQL (bash scripts/postgres.sh)" >&2; exit 1; }
# shellcheck disable=SC1091
. /etc/relance-test/postgres.env
export RELANCE_CREDENTIAL_ARCHIVE_PASSWORD=${RELANCE_MAILSTACK_PASSWORD:-relance-test}
export RELANCE_CREDENTIAL_POSTGRES_PASSWORD
RELANCE_CREDENTIAL_POSTGRES_PASSWORD=$(cat "$RELANCE_POSTGRES_PASSWORD_FILE")
export PGPASSWORD=$RELANCE_CREDENTIAL_POSTGRES_PASSWORD PGHOST=$RELANCE_POSTGRES_HOST PGPORT=$RELANCE_POSTGRES_PORT PGUSER=$RELANCE_POSTGRES_USER

# shellcheck source=lib/release-binary.sh
source "$ROOT/benchmarks/lib/release-binary.sh"
release_relance

WORK=$(mktemp -d /tmp/relance-shared-bench.XXXXXX)
SINK_PID=
# Each round runs in a subshell ($(…)): what it leaves behind is found again by name here.
cleanup() {
    pkill -KILL -f "relance run --config $WORK/" 2>/dev/null || true
    if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; fi
    for db in $(cat "$WORK"/*/database 2>/dev/null); do dropdb --if-exists "$db" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

start_smtp_sink

now() { date +%s.%N; }
ticks=$(getconf CLK_TCK)
# CPU seconds (user + system) of a process, while it runs.
cpu_of() { awk -v t="$ticks" '{ print ($14 + $15) / t }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# CPU seconds of the PostgreSQL server's processes now.
server_cpu() {
    local total=0 pid
    for pid in $(pgrep -u postgres postgres || true); do total=$(awk -v a="$total" -v b="$(cpu_of "$pid")" 'BEGIN { print a + b }'); done
    echo "$total"
}
pg_counters() {
    psql -d postgres -Atc "SELECT xact_commit, tup_inserted + tup_updated + tup_deleted, tup_fetched + tup_returned FROM pg_stat_database WHERE datname = '$1'" | tr '|' ' '
}

# A fresh workspace for `kind` (sqlite, postgresql, postgresql3); prints its folder.
prepare() {
    local kind=$1 dir="$WORK/$1-$RANDOM"
    mkdir -p "$dir/drop"
    sink_creditor_toml > "$dir/relance.toml"
    if [ "$kind" != sqlite ]; then
        local db
        db="relance_bench_$(date +%s%N | tail -c 10)"
        createdb "$db"
        cat >> "$dir/relance.toml" <<TOML

[store]
url = "postgresql://$PGUSER@localhost:$PGPORT/$db"
password_credential = "postgres-password"
sslmode = "verify-full"
sslrootcert = "$RELANCE_POSTGRES_CA"
TOML
        echo "$db" > "$dir/database"
        # Migrated before the clock starts, as a book in service is.
        "$RELANCE" store migrate --config "$dir/relance.toml" > /dev/null
    fi
    {
        echo "customer;name;email;invoice;issue_date;due_date;amount"
        for i in $(seq "$MESSAGES"); do echo "C$i;Société Cliente n°$i;compta$i@client$i.example;F-2026-$i;01/09/2026;01/10/2026;$i,50"; done
    } > "$dir/open.csv"
    echo "$dir"
}

sent_count() {
    local dir=$1
    if [ -f "$dir/database" ]; then
        psql -d "$(cat "$dir/database")" -Atc "SELECT count(*) FROM message WHERE state = 'sent'" 2>/dev/null || echo 0
    else
        sqlite3 "$dir/state/relance.sqlite" "SELECT count(*) FROM message WHERE state = 'sent'" 2>/dev/null || echo 0
    fi
}

sending_seconds() {
    local dir=$1
    if [ -f "$dir/database" ]; then
        psql -d "$(cat "$dir/database")" -Atc "SELECT EXTRACT(EPOCH FROM (SELECT max(sent_at) FROM message) - (SELECT min(at) FROM event WHERE kind = 'message.sending'))"
    else
        sqlite3 "$dir/state/relance.sqlite" "SELECT (julianday(MAX(sent_at)) - (SELECT julianday(MIN(at)) FROM event WHERE kind = 'message.sending')) * 86400 FROM message"
    fi
}

# One round of `kind` with `count` daemons; prints "whole sending daemon-cpu commits rows-written rows-read server-cpu".
run_round() {
    local kind=$1 count=$2 dir start end db= before=(0 0 0) after=(0 0 0) server_before server_after cpu=0 i pid
    local DAEMONS=()
    dir=$(prepare "$kind")
    [ -f "$dir/database" ] && db=$(cat "$dir/database") && read -r -a before < <(pg_counters "$db")
    server_before=$(server_cpu)
    start=$(now)
    for i in $(seq "$count"); do
        "$RELANCE" run --config "$dir/relance.toml" --now 2026-11-30 --log-level error >> "$dir/daemon-$i.log" 2>&1 &
        DAEMONS+=($!)
    done
    mv "$dir/open.csv" "$dir/drop/open.csv"
    local deadline
    deadline=$(( $(date +%s) + 600 ))
    until [ "$(sent_count "$dir")" -ge "$MESSAGES" ]; do
        [ "$(date +%s)" -lt "$deadline" ] || { echo "$kind: not all sent in 10 minutes; see $dir" >&2; exit 1; }
        sleep 0.1
    done
    end=$(now)
    for pid in "${DAEMONS[@]}"; do cpu=$(awk -v a="$cpu" -v b="$(cpu_of "$pid")" 'BEGIN { print a + b }'); done
    server_after=$(server_cpu)
    for pid in "${DAEMONS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${DAEMONS[@]}"; do wait "$pid" 2>/dev/null || true; done
    # Backends report their counters when idle (at most once a second) and when they end.
    if [ -n "$db" ]; then sleep 1.5; read -r -a after < <(pg_counters "$db"); fi
    local server=0 sending
    [ -n "$db" ] && server=$(awk -v a="$server_before" -v b="$server_after" 'BEGIN { print b - a }')
    sending=$(sending_seconds "$dir")
    if [ -n "$db" ]; then dropdb "$db"; rm "$dir/database"; fi
    rm -rf "$dir"
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }') $sending $cpu $((after[0] - before[0])) $((after[1] - before[1])) $((after[2] - before[2])) $server"
}

declare -A BEST
for _ in $(seq "$ROUNDS"); do
    for setup in "sqlite 1" "postgresql 1" "postgresql 3"; do
        read -r kind count <<< "$setup"
        key="$kind×$count"
        result=$(run_round "$kind" "$count")
        read -r whole _ <<< "$result"
        if [ -z "${BEST[$key]:-}" ] || awk -v a="$whole" -v b="${BEST[$key]%% *}" 'BEGIN { exit !(a < b) }'; then BEST[$key]=$result; fi
    done
done

printf "%-14s %9s %10s %11s %12s %14s %12s %14s %12s %11s\n" store messages "whole/s" "sending/s" "vs sqlite" "daemons' CPU" "commits" "rows written" "rows read" "server CPU"
sqlite_whole=${BEST["sqlite×1"]%% *}
for key in "sqlite×1" "postgresql×1" "postgresql×3"; do
    read -r whole sending cpu commits written read server <<< "${BEST[$key]}"
    printf "%-14s %9s %10.0f %11.0f %12s %13.2fs %12s %14s %12s %10.2fs\n" "$key" "$MESSAGES" \
        "$(awk -v n="$MESSAGES" -v s="$whole" 'BEGIN { print n / s }')" "$(awk -v n="$MESSAGES" -v s="$sending" 'BEGIN { print n / s }')" \
        "$(awk -v a="$sqlite_whole" -v b="$whole" 'BEGIN { printf "%.2fx", a / b }')" "$cpu" "$commits" "$written" "$read" "$server"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(best of $ROUNDS rounds by the whole time. whole/s: reminders per second from the daemons' start to the last"
echo " one recorded sent — import, planning, composition and sending; sending/s: first claim to last sent;"
echo " vs sqlite: the whole rate against one daemon on SQLite. commits, rows: pg_stat_database for the book;"
echo " server CPU: PostgreSQL's processes meanwhile (backends that ended before the last send not counted).)"

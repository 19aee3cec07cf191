#!/usr/bin/env bash
# smtp-send.sh - Relance's sending rate against Postfix's own load generator (issue #5).
#
# Starts Postfix's smtp-sink on a loopback port, then for 1 and 4 connections:
#   1. `relance run --once` (release build) on a generated export of N customers, with a
#      configuration whose SMTP server is the sink (security "plain", loopback only):
#      import, planning, composition and sending of N reminders, all timed together;
#   2. smtp-source pushing N messages of the same size to the same sink, also timed;
# three rounds of each, interleaved, and prints the best rates and their ratio.
# Targets (issue #17), against smtp-source -d on one connection: sending phase >= 0.6x, whole run >= 0.4x.
#
# The creditor has an archive address (archive_bcc) read back over IMAP from the test mail stack
# (scripts/mailstack.sh), as a creditor who wants exactly-once without a person should: with an
# evidence source the sender claims its messages in batches. The archive is only logged into (the
# start-up check), never searched: nothing is interrupted. Every envelope therefore has two
# recipients, the customer and the archive, and smtp-source is given two as well (-r 2).
#
# Cores kept awake: smtp-source -d on one connection is a ping-pong of small writes, and on an
# idle machine each reply wakes a sleeping core first — measured here, the peer gives 2,700-3,400
# msg/s on an idle machine and 7,400-7,700 with two spinning processes at nice 19 beside it. So the
# rounds run twice: as the machine is, then with two busy-loops at the lowest priority on the cores
# (they take almost no CPU from either side, they only keep the cores out of their idle states).
# Both tables are printed; the second is the fairer comparison for the peer.
#
# Not part of .ci/run (it needs Postfix's tools, the mail stack and a quiet machine).
# Usage:  bash benchmarks/smtp-send.sh [messages]      (default 2000)
#         RELANCE_BENCH_BINARY=path: that release binary, not a fresh build of this tree.
#         RELANCE_BENCH_AWAKE=0: only the first table (the machine as it is).
set -euo pipefail

MESSAGES=${1:-2000}
PORT=${RELANCE_BENCH_PORT:-2526}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/sink-creditor.sh
source "$ROOT/benchmarks/lib/sink-creditor.sh"
SINK=/usr/sbin/smtp-sink
SOURCE=/usr/sbin/smtp-source
for tool in "$SINK" "$SOURCE" sqlite3; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install postfix sqlite3)" >&2; exit 1; }
done

IMAP_PORT=${RELANCE_BENCH_IMAP_PORT:-143}
(exec 3<>/dev/tcp/127.0.0.1/"$IMAP_PORT") 2>/dev/null \
    || { echo "needs the test mail stack's IMAP on 127.0.0.1:$IMAP_PORT for the archive (bash scripts/mailstack.sh)" >&2; exit 1; }
export RELANCE_CREDENTIAL_ARCHIVE_PASSWORD=${RELANCE_MAILSTACK_PASSWORD:-relance-test}

# shellcheck source=lib/release-binary.sh
source "$ROOT/benchmarks/lib/release-binary.sh"
release_relance

WORK=$(mktemp -d /tmp/relance-bench.XXXXXX)
SINK_PID=
SPINNERS=()
cleanup() {
    if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; fi
    stop_spinners
    rm -rf "$WORK"
}
# Busy-loops at nice 19, one per core: the cores never go idle between two SMTP replies.
start_spinners() {
    for _ in $(seq "$(nproc)"); do nice -n 19 bash -c 'while :; do :; done' & SPINNERS+=($!); done
}
stop_spinners() {
    if [ ${#SPINNERS[@]} -gt 0 ]; then kill "${SPINNERS[@]}" 2>/dev/null || true; wait "${SPINNERS[@]}" 2>/dev/null || true; fi
    SPINNERS=()
}
trap cleanup EXIT

start_smtp_sink

# Seconds since the epoch with nanoseconds, for rates.
now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

# One run of relance over a fresh store; prints "seconds bytes-of-one-message".
run_relance() {
    local connections=$1 dir="$WORK/relance-$1"
    rm -rf "$dir" && mkdir -p "$dir/drop"
    sink_creditor_toml "smtp_connections = $connections" > "$dir/relance.toml"
    {
        echo "customer;name;email;invoice;issue_date;due_date;amount"
        for i in $(seq "$MESSAGES"); do echo "C$i;Société Cliente n°$i;compta$i@client$i.example;F-2026-$i;01/09/2026;01/10/2026;$i,50"; done
    } > "$dir/drop/open.csv"
    local start end
    start=$(now)
    "$RELANCE" run --once --config "$dir/relance.toml" --now 2026-11-30 --log-level error > "$dir/summary.txt"
    end=$(now)
    # The run's closing lines speak the creditor's language (French here; English for an English one).
    grep -qE "^(Sent: |Messages envoyés : )$MESSAGES," "$dir/summary.txt" || { echo "relance did not send $MESSAGES messages:" >&2; tail -3 "$dir/summary.txt" >&2; exit 1; }
    local size sending
    # The bytes are in message_body since the store's v25 migration (in message before).
    size=$(sqlite3 "$dir/state/relance.sqlite" "SELECT CAST(AVG(length(raw)) AS INTEGER) FROM message_body" 2>/dev/null \
        || sqlite3 "$dir/state/relance.sqlite" "SELECT CAST(AVG(length(raw)) AS INTEGER) FROM message")
    # The sending phase alone: from the first claim to the last message recorded as sent.
    sending=$(sqlite3 "$dir/state/relance.sqlite" "SELECT (julianday(MAX(sent_at)) - (SELECT julianday(MIN(at)) FROM event WHERE kind = 'message.sending')) * 86400 FROM message")
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }') $size $sending"
}

# $3 = -d: smtp-source keeps each connection open for all its messages (the stronger peer:
# Relance also reuses its connections); without it, one connection per message.
run_source() {
    local sessions=$1 size=$2 reuse=${3:-} start end
    start=$(now)
    "$SOURCE" $reuse -s "$sessions" -m "$MESSAGES" -r 2 -l "$size" -f compta@acme.example -t compta@client.example 127.0.0.1:"$PORT"
    end=$(now)
    awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
}

# Best of ROUNDS for each side, the two interleaved so that both see the same machine (a shared
# 2-core machine swings smtp-source between 2,000 and 5,000 msg/s from one minute to the next).
ROUNDS=${RELANCE_BENCH_ROUNDS:-3}
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
rounds_table() {
    printf "%-12s %9s %12s %14s %8s %20s %14s %16s %8s %8s\n" connections messages "relance/s" "smtp-source/s" ratio "relance sending/s" "sending ratio" \
        "smtp-source -d/s" "ratio" "sending"
    for connections in 1 4; do
        relance_seconds= source_seconds= sending_seconds= reuse_seconds=
        for _ in $(seq "$ROUNDS"); do
            read -r seconds size sending < <(run_relance "$connections")
            relance_seconds=$(best "$relance_seconds" "$seconds")
            sending_seconds=$(best "$sending_seconds" "$sending")
            source_seconds=$(best "$source_seconds" "$(run_source "$connections" "$size")")
            reuse_seconds=$(best "$reuse_seconds" "$(run_source "$connections" "$size" -d)")
        done
        relance_rate=$(rate "$MESSAGES" "$relance_seconds")
        source_rate=$(rate "$MESSAGES" "$source_seconds")
        sending_rate=$(rate "$MESSAGES" "$sending_seconds")
        reuse_rate=$(rate "$MESSAGES" "$reuse_seconds")
        printf "%-12s %9s %12s %14s %8s %20s %14s %16s %8s %8s\n" "$connections" "$MESSAGES" "$relance_rate" "$source_rate" \
            "$(ratio "$relance_rate" "$source_rate")" "$sending_rate" "$(ratio "$sending_rate" "$source_rate")" \
            "$reuse_rate" "$(ratio "$relance_rate" "$reuse_rate")" "$(ratio "$sending_rate" "$reuse_rate")"
    done
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "the machine as it is:"
rounds_table
if [ "${RELANCE_BENCH_AWAKE:-1}" != 0 ]; then
    echo
    echo "cores kept awake ($(nproc) busy-loops at nice 19):"
    start_spinners
    rounds_table
    stop_spinners
fi
echo "(best of $ROUNDS rounds each. message size: $size bytes. relance/s: the whole run --once — start-up, import,"
echo " planning, composition and sending, the last two overlapping; relance sending/s: from the first claim to the"
echo " last message recorded sent, composition of later batches included. smtp-source opens one connection per"
echo " message, its default mode; smtp-source -d keeps its connections open, as Relance does: the last two"
echo " columns are the whole run's and the sending phase's ratio to it. Both sides send two recipients per"
echo " message (Relance: the customer and its archive). Targets (issue #17): sending >= 0.6, whole run >= 0.4 on"
echo " one connection.)"

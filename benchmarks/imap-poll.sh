#!/usr/bin/env bash
# imap-poll.sh - how fast Relance's first poll reads a busy mailbox (1,000 new messages among
# 11,000), next to Python's imaplib + email with BODY.PEEK[] on the same messages in the same
# run (target: Relance >= 2x), how many IMAP commands it takes, that it leaves every unread
# message unread, and what an idle poll costs at 10,000 and at 100,000 messages (the same).
#
# Needs root and the loopback mail stack (bash scripts/mailstack.sh). Uses the test user t40
# only (RELANCE_BENCH_USER=tNN for another): its INBOX is wiped and refilled. Not part of .ci/run (it takes a few minutes).
#
#   bash benchmarks/imap-poll.sh            # release build of relance (built if needed)
#   RELANCE_BIN=.build/debug/relance bash benchmarks/imap-poll.sh
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
ENV_FILE=${RELANCE_MAILSTACK_ENV:-/etc/relance-test/mailstack.env}
[ "$(id -u)" = 0 ] || { echo "run as root (it writes into t40's Maildir)" >&2; exit 1; }
[ -r "$ENV_FILE" ] || { echo "no $ENV_FILE: run bash scripts/mailstack.sh first" >&2; exit 1; }
# shellcheck disable=SC1090
. "$ENV_FILE"
USER_NAME=${RELANCE_BENCH_USER:-t40}
ADDRESS=$USER_NAME@$RELANCE_TEST_DOMAIN
MAILDIR=$RELANCE_TEST_MAILDIR/$USER_NAME
OLD=${OLD:-10000}
NEW=${NEW:-1000}
MORE_OLD=${MORE_OLD:-90000}
CUSTOMERS=${CUSTOMERS:-300}

RELANCE_BIN="${RELANCE_BIN:-${RELANCE_BENCH_BINARY:-}}"
if [ -z "$RELANCE_BIN" ]; then
    swift build -c release --product relance >&2
    RELANCE_BIN=$(swift build -c release --show-bin-path)/relance
fi
WORK=$(mktemp -d /tmp/relance-imap-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
ms() { echo $(( $(date +%s%N) / 1000000 )); }

# ---------------------------------------------------------------- a creditor and its reminders
mkdir -p "$WORK/drop"
{
    echo "Code client;Raison sociale;Email;N° facture;Date facture;Échéance;Reste dû"
    for i in $(seq -f '%04g' 1 "$CUSTOMERS"); do
        echo "C$i;Client $i SARL;client$i@client.example;F-$i;15/09/2026;15/10/2026;1 234,56"
    done
} > "$WORK/drop/balance.csv"
write_config() {   # $1 = with IMAP (1) or not (0)
    cat > "$WORK/relance.toml" <<TOML
drop_folder = "drop"
create_drop_folder = true
state_folder = "state"
outbox_folder = "outbox"
templates_folder = "$ROOT/mail-templates"
stable_after_seconds = 0

[creditors.bench]
legal_name = "Bench SAS"
# English: the script reads the run's summary (« Mailbox: 1000 new messages… »); a French
# creditor's groups its counts (« 1 000 nouveaux messages »).
language = "en"
sender = "$ADDRESS"
bounce_address = "$ADDRESS"
verp = true
iban = "FR76 3000 4000 0312 3456 7890 143"
active = true
TOML
    if [ "$1" = 1 ]; then cat >> "$WORK/relance.toml" <<TOML

[creditors.bench.imap]
host = "$RELANCE_TEST_HOST"
port = $RELANCE_TEST_IMAP_PORT
security = "starttls"
username = "$ADDRESS"
password_credential = "imap-password"
ca_file = "$RELANCE_TEST_CA"
look_back_days = 2
TOML
    fi
}
relance() { RELANCE_CREDENTIAL_IMAP_PASSWORD=$RELANCE_TEST_PASSWORD "$RELANCE_BIN" run --once --now 2026-11-30 --config "$WORK/relance.toml" "$@"; }

write_config 0
relance >/dev/null
echo "reminders written: $(ls "$WORK/outbox/bench" | wc -l)" >&2

# ---------------------------------------------------------------- the mailbox: old and new mail
doveadm expunge -u "$ADDRESS" mailbox INBOX all >/dev/null 2>&1 || true
rm -rf "$MAILDIR"/cur/* "$MAILDIR"/new/* "$MAILDIR"/tmp/* "$MAILDIR"/dovecot* 2>/dev/null || true
started=$(ms)
python3 benchmarks/imap_poll_fill.py "$MAILDIR" --old "$OLD" --new "$NEW" --reminders "$WORK/outbox/bench" \
    --corpus Tests/RelanceMailTests/Fixtures/bounces
chown -R vmail:vmail "$MAILDIR"
doveadm force-resync -u "$ADDRESS" INBOX
echo "mailbox filled: $(doveadm mailbox status -u "$ADDRESS" messages INBOX) in $(( $(ms) - started )) ms" >&2

# ---------------------------------------------------------------- Python reference, same messages
read -r py_count py_seconds py_parts < <(python3 benchmarks/imap_poll_reference.py "$RELANCE_TEST_HOST" "$RELANCE_TEST_IMAP_PORT" \
    "$ADDRESS" "$RELANCE_TEST_PASSWORD" 2 peek)
unread() { doveadm search -u "$ADDRESS" mailbox INBOX UNSEEN | wc -l; }
unread_before=$(unread)

# ---------------------------------------------------------------- Relance: first poll, then idle
write_config 1
count_commands() { grep -c 'line=C: ' "$1" || true; }
after_login() { awk '/line=C: /{ if (seen) n++ } /line=S: [A-Z0-9]+ OK .*(Logged in|authenticated)/{ seen=1 } END { print n+0 }' "$1"; }

# Timed at the log level a daemon runs at: tracing every IMAP line to a file (what counts the
# commands below) cost more than the poll itself. Relance leaves the mailbox as it found it, so
# the same first poll is then replayed from a copy of the store, traced, to count its commands.
cp -a "$WORK/state" "$WORK/state-before-poll"
started=$(ms); relance --log-level warning > "$WORK/first.out" 2> "$WORK/first.err"; first_ms=$(( $(ms) - started ))
unread_after=$(unread)
started=$(ms); relance --log-level warning > /dev/null 2>&1; idle_ms=$(( $(ms) - started ))
grep 'Mailbox:' "$WORK/first.out" >&2 || { cat "$WORK/first.out" "$WORK/first.err" | tail -20 >&2; exit 1; }
rm -rf "$WORK/state" && cp -a "$WORK/state-before-poll" "$WORK/state"
relance --log-level trace > "$WORK/first-traced.out" 2> "$WORK/first.log"
cmp -s <(grep 'Mailbox:' "$WORK/first.out") <(grep 'Mailbox:' "$WORK/first-traced.out") \
    || { echo "the traced replay of the first poll read something else:" >&2; grep 'Mailbox:' "$WORK/first-traced.out" >&2; exit 1; }
[ "$(unread)" = "$unread_after" ] || { echo "the traced replay changed the unread count" >&2; exit 1; }
relance --log-level trace > "$WORK/idle10.out" 2> "$WORK/idle10.log"
idle10=$(count_commands "$WORK/idle10.log"); idle10_after=$(after_login "$WORK/idle10.log")
poll_ms=$(( first_ms - idle_ms ))   # the same run without anything to read: start-up, planning, idle poll
[ "$poll_ms" -gt 0 ] || poll_ms=1
fetched=$(grep -o 'Mailbox: [0-9]*' "$WORK/first.out" | grep -o '[0-9]*$')

# ---------------------------------------------------------------- 100,000 messages, idle again
# The server rebuilds the folder (new UIDVALIDITY) with 100,000 messages, the same new ones among
# them: one poll rescans the recent days and recognises what it already recorded by Message-ID,
# then the idle poll is measured exactly as before.
rm -rf "$MAILDIR"/cur/* "$MAILDIR"/new/* "$MAILDIR"/tmp/* "$MAILDIR"/dovecot* 2>/dev/null || true
python3 benchmarks/imap_poll_fill.py "$MAILDIR" --old $(( OLD + MORE_OLD )) --new "$NEW" --reminders "$WORK/outbox/bench" \
    --corpus Tests/RelanceMailTests/Fixtures/bounces
chown -R vmail:vmail "$MAILDIR"
doveadm force-resync -u "$ADDRESS" INBOX
total=$(doveadm mailbox status -u "$ADDRESS" messages INBOX | grep -o '[0-9]*')
relance > "$WORK/rescan.out" 2> "$WORK/rescan.log"
echo "after the new UIDVALIDITY:" >&2; grep 'Mailbox:' "$WORK/rescan.out" >&2
relance --log-level trace > "$WORK/idle100.out" 2> "$WORK/idle100.log"
idle100=$(count_commands "$WORK/idle100.log"); idle100_after=$(after_login "$WORK/idle100.log")

python3 - "$fetched" "$poll_ms" "$py_count" "$py_seconds" "$py_parts" <<'PY'
import sys
fetched, poll_ms, py_count, py_seconds, py_parts = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
relance_rate = fetched / (poll_ms / 1000)
python_rate = py_count / py_seconds
print(f"first poll, Relance: {fetched} messages in {poll_ms} ms = {relance_rate:.0f} msg/s "
      f"(EXAMINE, BODY.PEEK[] in batches over STARTTLS, parse, classify, match, record)")
print(f"Python imaplib+email, BODY.PEEK[] one per command, plain IMAP: {py_count} messages in {py_seconds*1000:.0f} ms = {python_rate:.0f} msg/s (parse {py_parts} parts)")
ratio = relance_rate / python_rate
print(f"ratio Relance/Python: {ratio:.2f} (target >= 2)")
PY
echo "first poll: $(count_commands "$WORK/first.log") IMAP commands in the whole run for $fetched messages ($(after_login "$WORK/first.log") after login); STORE commands: $(grep -c 'line=C: .* STORE ' "$WORK/first.log" || true)"
echo "unread in INBOX: $unread_before before Relance's first poll, $unread_after after"
echo "idle poll at $OLD+$NEW messages: $idle10 IMAP commands in the whole run ($idle10_after after login), $idle_ms ms for the run"
echo "idle poll at $total messages: $idle100 IMAP commands in the whole run ($idle100_after after login)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$unread_before" != "$unread_after" ]; then echo "FAIL: the poll changed what is unread" >&2; exit 1; fi
if [ "$idle10" != "$idle100" ]; then echo "FAIL: an idle poll must cost the same whatever the size" >&2; exit 1; fi

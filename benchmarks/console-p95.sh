#!/usr/bin/env bash
# console-p95.sh - the console's pages on a big book (issue #14): 10,000 customers with 100,000
# open invoices (benchmarks/generate-open-invoices.py; one customer in ten with a phone, so
# that Today lists calls), walked from the first reminders to the calls, then the Today page, a
# customer's page and a customer search timed by one signed-in user, request after request
# (benchmarks/console_load.py). Target: Today and a customer's page under 100 ms at the 95th
# percentile. /healthz (no store read, no template) is printed beside them: the server's own
# floor on this machine, the peer the pages are measured against.
#   bash benchmarks/console-p95.sh                      release build
#   bash benchmarks/console-p95.sh --binary PATH        a given build
#   INVOICES=20000 CUSTOMERS=2000 REQUESTS=100 bash benchmarks/console-p95.sh   smaller
#   BOOK=/tmp/console-book bash benchmarks/console-p95.sh   keeps the walked book in that folder,
#       and times a later run on it without walking again (minutes saved; the binary under
#       test migrates it at start)
# Before timing, it waits until the daemon is idle (its own work at start on a big book: the
# day's plan, the task lists in reports/) and says how long that took.
# Not part of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
invoices=${INVOICES:-100000} customers=${CUSTOMERS:-10000} requests=${REQUESTS:-200} port=${PORT:-18095}
relance=${RELANCE_BENCH_BINARY:-}
if [ "${1:-}" = --binary ]; then relance=$(realpath "$2"); fi
if [ -z "$relance" ]; then
    bash scripts/install-build-deps.sh >/dev/null
    swift build -c release --product relance 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
    relance="$(swift build -c release --show-bin-path)/relance"
fi
daemon=
if [ -n "${BOOK:-}" ]; then
    work=$(realpath -m "$BOOK") KEEP=1
else
    work=$(mktemp -d /tmp/relance-console-bench.XXXXXX)
fi
trap '[ -n "$daemon" ] && kill "$daemon" 2>/dev/null; wait 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
if [ -f "$work/state/relance.sqlite" ]; then
    echo "book: reused from $work (delete it to walk a new one)"
else
mkdir -p "$work/drop"
python3 benchmarks/generate-open-invoices.py "$invoices" "$work/export.csv" "$customers"
python3 - "$customers" > "$work/drop/contacts.csv" <<'PY'
import sys
print("Code client;Raison sociale;Téléphone")
for c in range(0, int(sys.argv[1]), 10):
    print(f"C{c:06d};Client {c};+33 2 40 {c // 10000 % 100:02d} {c // 100 % 100:02d} {c % 100:02d}")
PY
cat > "$work/relance.toml" <<TOML
drop_folder = "drop"
state_folder = "state"
outbox_folder = "outbox"
templates_folder = "$PWD/mail-templates"
stable_after_seconds = 0
[web]
listen = "127.0.0.1:$port"
[defaults]
time_zone = "Europe/Paris"
language = "fr"
[creditors.bench]
legal_name = "Bench SAS"
sender = "compta@bench.example"
active = true
mass_settlement_threshold_percent = 100
TOML
now() { local t=$EPOCHREALTIME; echo "${t/,/.}"; }
start=$(now)
for day in 2026-11-30 2026-12-21 2027-01-15; do
    # The accountant's export of that day (the same book, dated), or the plan waits for a fresh one.
    sed "1s|.*|Balance âgée clients au ${day:8:2}/${day:5:2}/${day:0:4}|" "$work/export.csv" > "$work/drop/export-$day.csv"
    "$relance" run --once --config "$work/relance.toml" --now "$day" > /dev/null
done
echo "book: $customers customers, $invoices invoices, walked to 15/01/2027 in $(awk -v s="$start" -v e="$(now)" 'BEGIN { printf "%.0f", e - s }') s"
fi
if ! "$relance" user list --config "$work/relance.toml" | grep -qw bench; then
    printf '%s\n' 'bench password 2026' | "$relance" user add bench --creditor bench --config "$work/relance.toml" > /dev/null
fi
"$relance" run --config "$work/relance.toml" --now 2027-01-15 > "$work/daemon.log" 2>&1 &
daemon=$!
for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null || { cat "$work/daemon.log"; exit 1; }
# The daemon's CPU time (utime + stime, in clock ticks), to time the pages once it is idle.
ticks() { awk '{ print $14 + $15 }' "/proc/$daemon/stat"; }
hz=$(getconf CLK_TCK) waited=0 previous=$(ticks)
while [ "$waited" -lt 900 ]; do
    sleep 2; waited=$((waited + 2)) current=$(ticks)
    [ $((current - previous)) -le $((hz / 10)) ] && break   # under 5 % of a core for 2 s
    previous=$current
done
echo "daemon idle ${waited} s after its start ($(awk -v t="$(ticks)" -v h="$hz" 'BEGIN { printf "%.1f", t / h }') s of CPU)"
python3 benchmarks/console_load.py 127.0.0.1 "$port" bench 'bench password 2026' "$requests" \
    /healthz / '/?kind=call&page=2' /customers/bench/C000000 /customers/bench/C000007 '/customers?q=Client+4242' \
    '/customers?q=F0004242' /imports /mail /health /receipts /aging
echo "one user, one keep-alive connection, ${requests} timed requests per page after 5 untimed;"
echo "target: every page p95 < 100 ms (issue #14 names / (Today) and a customer's page); /healthz is the server's floor."

#!/usr/bin/env bash
# bank-match.sh - a camt.053 statement of N entries matched against N open invoices (issue #15):
# `relance import` of the statement into a store that already holds the invoices (the whole
# process: parse, record each entry once, match, journal each match, one transaction), next to
# a plain-Python peer doing the same matching (benchmarks/bank_match_reference.py: iterparse,
# normalised invoice numbers, RF references), in one run. Relance is the best of 3 by CPU time
# (user + system; wall time and peak memory beside); inputs from generate-bank-match.py.
#
#   bash benchmarks/bank-match.sh [N ...]          default: 10000 (the issue's figure: 100000)
#   RELANCE_BIN=/path/to/relance bash benchmarks/bank-match.sh 10000
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null
RELANCE_BIN="${RELANCE_BIN:-${RELANCE_BENCH_BINARY:-}}"
if [ -z "$RELANCE_BIN" ]; then
    swift build -c release --product relance 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; } >&2
    RELANCE_BIN="$(swift build -c release --show-bin-path)/relance"
fi
work=$(mktemp -d /tmp/relance-bank-match.XXXXXX)
trap 'rm -rf "$work"' EXIT
cat > "$work/relance.toml" <<TOML
drop_folder = "drop"
create_drop_folder = true
state_folder = "state"
templates_folder = "$PWD/mail-templates"
[creditors.bench]
legal_name = "Bench SAS"
sender = "compta@bench.example"
payment_reference = "rf"
mass_settlement_threshold_percent = 100
TOML
printf '%8s | %-13s | %-13s %6s %7s %9s\n' entries "python" "relance" ratio "peak" matched
printf '%8s | %-13s | %-13s %6s %7s %9s\n' "" "cpu/wall s" "cpu/wall s" "(cpu)" "MB" "py/rel"
for n in ${@:-10000}; do
    python3 benchmarks/generate-bank-match.py "$n" "$work/export.csv" "$work/camt053.xml"
    read -r py_cpu py_wall py_matched < <(python3 benchmarks/bank_match_reference.py "$work/export.csv" "$work/camt053.xml")
    rm -rf "$work/state" "$work/drop"
    "$RELANCE_BIN" import --config "$work/relance.toml" "$work/export.csv" >/dev/null
    cp -r "$work/state" "$work/state-invoices"
    best=""
    for _ in 1 2 3; do
        rm -rf "$work/state" && cp -r "$work/state-invoices" "$work/state"
        /usr/bin/time -f '%U %S %e %M' -o "$work/time.txt" "$RELANCE_BIN" import --config "$work/relance.toml" "$work/camt053.xml" > "$work/out.txt"
        run=$(awk '{ printf "%.2f %.2f %d\n", $1 + $2, $3, $4 }' "$work/time.txt")
        if [ -z "$best" ] || awk "BEGIN { exit !(${run%% *} < ${best%% *}) }"; then best=$run; fi
    done
    matched=$(grep -o '[0-9]* receipts matched' "$work/out.txt" | cut -d' ' -f1)
    read -r cpu wall kb <<<"$best"
    printf '%8s | %5s/%-7s | %5s/%-7s %6s %7d %9s\n' "$n" "$py_cpu" "$py_wall" "$cpu" "$wall" \
        "$(awk -v a="$cpu" -v b="$py_cpu" 'BEGIN { printf "%.2f", a / b }')" $((kb / 1024)) "$py_matched/$matched"
    rm -rf "$work/state-invoices"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

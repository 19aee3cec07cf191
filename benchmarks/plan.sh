#!/usr/bin/env bash
# plan.sh - planning benchmark (issue #4): for 25k, 50k and 100k open invoices (one customer per five
# invoices), the time to import the export into a fresh store next to the time to plan a day
# (`relance plan`, which reads the store and plans every customer), and their ratio. Target: the
# plan under 0.1x the import, growing linearly. Release build; not part of .ci/run.
#   RELANCE_BENCH_BINARY=path: that release binary, not a fresh build of this tree.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-build-deps.sh >/dev/null
relance=${RELANCE_BENCH_BINARY:-}
if [ -z "$relance" ]; then
    swift build -c release --product relance 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
    relance="$(swift build -c release --show-bin-path)/relance"
fi
work=$(mktemp -d /tmp/relance-plan-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Bash's own clock: starting a Python interpreter to read one cost 20 to 70 ms, counted in the
# interval it closed (a quarter of the plan figure at 25k).
now() { local t=$EPOCHREALTIME; echo "${t/,/.}"; }
printf '%10s %12s %12s %8s\n' invoices import_s plan_s ratio
for n in ${SIZES:-25000 50000 100000}; do
    rm -rf "$work/run" && mkdir -p "$work/run"
    python3 benchmarks/generate-open-invoices.py "$n" "$work/run/export.csv"
    cat > "$work/run/relance.toml" <<TOML
drop_folder = "drop"
create_drop_folder = true
state_folder = "state"
templates_folder = "$PWD/mail-templates"
[creditors.bench]
legal_name = "Bench SAS"
sender = "compta@bench.example"
active = true
mass_settlement_threshold_percent = 100
TOML
    # Best of ROUNDS, each round a fresh store: import, then plan (the machine is shared; the
    # two are timed in the same round so that both see the same load).
    best_import= best_plan=
    for _ in $(seq "${ROUNDS:-3}"); do
        rm -rf "$work/run/state" "$work/run/drop"
        start=$(now)
        "$relance" import --config "$work/run/relance.toml" "$work/run/export.csv" >/dev/null
        imported=$(now)
        "$relance" plan --config "$work/run/relance.toml" --date 2026-11-30 >/dev/null
        planned=$(now)
        best_import=$(awk -v b="$best_import" -v s="$start" -v e="$imported" 'BEGIN { t = e - s; print (b == "" || t < b) ? t : b }')
        best_plan=$(awk -v b="$best_plan" -v s="$imported" -v e="$planned" 'BEGIN { t = e - s; print (b == "" || t < b) ? t : b }')
    done
    awk -v n="$n" -v i="$best_import" -v p="$best_plan" 'BEGIN { printf "%10d %12.2f %12.3f %8.3f\n", n, i, p, p / i }'
done
echo "best of ${ROUNDS:-3} rounds. import: relance import (parse + one store transaction, WAL, synchronous=NORMAL);"
echo "plan: relance plan (start-up, store reads, the pure planner in parts on every core, the text report;"
echo "--json adds about 2 s of CPU at 100k, JSONEncoder's). Neither reads the mail templates: they compose nothing."

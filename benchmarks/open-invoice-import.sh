#!/usr/bin/env bash
# open-invoice-import.sh - an open-invoice report (benchmarks/generate-open-invoices.py: N rows,
# N/5 customers, addresses and dates in every row) imported into a fresh store by
# `relance import`, next to pandas `read_csv` of the same file, in one run (issue #17; target:
# 100,000 rows <= 1.0 s CPU and <= 1.5x pandas, growing linearly). Each side is the best of 3
# by CPU time (user + system; the machine may be shared, wall time is printed beside); the
# Relance figure is the whole process (start-up, store creation, parse, one transaction).
#
#   bash benchmarks/open-invoice-import.sh [N ...]     default: 100000 250000
#   RELANCE_BIN=/path/to/relance bash benchmarks/open-invoice-import.sh 100000
#   (RELANCE_BENCH_BINARY=path works too, the name the other benchmarks read)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c 'import pandas' 2>/dev/null || python3 -m pip install --quiet pandas
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null
RELANCE_BIN="${RELANCE_BIN:-${RELANCE_BENCH_BINARY:-}}"
if [ -z "$RELANCE_BIN" ]; then
    swift build -c release --product relance 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; } >&2
    RELANCE_BIN="$(swift build -c release --show-bin-path)/relance"
fi
work=$(mktemp -d /tmp/relance-open-invoices.XXXXXX)
trap 'rm -rf "$work"' EXIT
cat > "$work/relance.toml" <<TOML
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
printf '%8s | %-13s | %-13s %6s %7s\n' rows "pandas" "relance" ratio "peak"
printf '%8s | %-13s | %-13s %6s %7s\n' "" "cpu/wall s" "cpu/wall s" "(cpu)" "MB"
for n in "${@:-100000 250000}"; do
    for size in $n; do
        python3 benchmarks/generate-open-invoices.py "$size" "$work/export.csv"
        read -r pandas_cpu pandas_wall < <(python3 - "$work/export.csv" <<'PY'
import sys, time
import pandas as pd
best = None
for _ in range(3):
    cpu, wall = time.process_time(), time.perf_counter()
    frame = pd.read_csv(sys.argv[1], sep=';', skiprows=1, dtype=str, encoding='utf-8', keep_default_na=False, engine='c')
    run = (time.process_time() - cpu, time.perf_counter() - wall)
    best = run if best is None or run[0] < best[0] else best
    assert len(frame.columns) == 7
print(f"{best[0]:.2f} {best[1]:.2f}")
PY
)
        best=""
        for _ in 1 2 3; do
            rm -rf "$work/state" "$work/drop"
            /usr/bin/time -f '%U %S %e %M' -o "$work/time.txt" "$RELANCE_BIN" import --config "$work/relance.toml" "$work/export.csv" >/dev/null
            run=$(awk '{ printf "%.2f %.2f %d\n", $1 + $2, $3, $4 }' "$work/time.txt")
            if [ -z "$best" ] || awk "BEGIN { exit !(${run%% *} < ${best%% *}) }"; then best=$run; fi
        done
        read -r cpu wall kb <<<"$best"
        printf '%8s | %5s/%-7s | %5s/%-7s %6s %7d\n' "$size" "$pandas_cpu" "$pandas_wall" "$cpu" "$wall" \
            "$(awk -v a="$cpu" -v b="$pandas_cpu" 'BEGIN { printf "%.2f", a / b }')" $((kb / 1024))
    done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

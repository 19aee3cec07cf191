#!/usr/bin/env bash
# FEC import benchmark (issue #3, "Benchmark"). Not part of .ci/run: it takes minutes.
#
#   benchmarks/fec-import.sh [N …]        default: 250000 500000 1000000
#
# For each N, on the same generated file (benchmarks/generate-fec.py: ~N/50 customers, most
# invoices lettered, some partly paid), in one run:
#   1. pandas.read_csv(path, sep='\t', dtype=str, encoding='utf-8', keep_default_na=False,
#      engine='c') — the call alone is timed (interpreter start-up and `import pandas` excluded),
#      best of 3, the file already in the page cache;
#   2. `relance import --dry-run FILE` (release build), the whole process timed by
#      /usr/bin/time -v (start-up included), best of 3, with its peak resident memory;
#   3. `relance import FILE` into a fresh store (best of 3, each into a new store), configured with authoritative_source = "fec":
#      the daemon's own SQLite settings (WAL, synchronous = NORMAL, see AppDatabase.openOnDisk).
# Targets: dry run ≤ 1.0 × pandas, full import ≤ 2 × pandas, peak memory < 300 MB, linear in N.
set -euo pipefail

cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(250000 500000 1000000)

command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 1; }
python3 -c 'import pandas' 2>/dev/null || python3 -m pip install --quiet pandas
[ -x /usr/bin/time ] || { apt-get install -y time >/dev/null; }

echo "Building relance (release)…" >&2
swift build -c release --product relance >&2
relance="$(swift build -c release --show-bin-path)/relance"

work="$(mktemp -d /tmp/relance-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# Runs a command three times; prints "best_seconds peak_kilobytes" (peak of the best run).
measure() {
    local best="" best_rss=""
    for _ in 1 2 3; do
        /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
        local elapsed rss
        elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")
        rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
        if [ -z "$best" ] || awk "BEGIN { exit !($elapsed < $best) }"; then best=$elapsed; best_rss=$rss; fi
    done
    echo "$best $best_rss"
}

pandas_seconds() {
    python3 - "$1" <<'PY'
import sys, time
import pandas as pd
best = None
for _ in range(3):
    start = time.perf_counter()
    frame = pd.read_csv(sys.argv[1], sep='\t', dtype=str, encoding='utf-8', keep_default_na=False, engine='c')
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
    assert len(frame.columns) == 18
print(f"{best:.3f}")
PY
}

printf '%-9s %8s %9s %9s %7s %10s %9s %7s %10s\n' "lines" "MB" "pandas_s" "dry_s" "ratio" "dry_MB" "import_s" "ratio" "import_MB"
for n in "${sizes[@]}"; do
    file="$work/FEC-$n.txt"
    python3 benchmarks/generate-fec.py "$n" "$file" 2>/dev/null
    cat "$file" >/dev/null   # page cache, for both tools alike
    size_mb=$(awk "BEGIN { printf \"%.0f\", $(stat -c %s "$file") / 1048576 }")

    pandas=$(pandas_seconds "$file")
    read -r dry dry_kb < <(measure "$relance" import --dry-run "$file")

    mkdir -p "$work/state-$n"
    cat >"$work/relance-$n.toml" <<TOML
drop_folder = "$work/drop-$n"
state_folder = "$work/state-$n"
templates_folder = "$PWD/mail-templates"

[creditors.bench]
legal_name = "Bench SAS"
sender = "compta@bench.example"
authoritative_source = "fec"
TOML
    # The full import into a fresh store each time (a second import of the same bytes would be a duplicate).
    import_s="" import_kb=""
    for run in 1 2 3; do
        rm -rf "$work/state-$n" && mkdir -p "$work/state-$n"
        /usr/bin/time -v -o "$work/time.txt" "$relance" import --config "$work/relance-$n.toml" "$file" >"$work/import.txt" 2>"$work/stderr.txt" \
            || { cat "$work/stderr.txt" >&2; exit 1; }
        elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")
        if [ -z "$import_s" ] || awk "BEGIN { exit !($elapsed < $import_s) }"; then
            import_s=$elapsed
            import_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
        fi
    done

    printf '%-9s %8s %9s %9s %7s %10s %9s %7s %10s\n' "$n" "$size_mb" "$pandas" "$dry" \
        "$(awk "BEGIN { printf \"%.2f\", $dry / $pandas }")" "$(awk "BEGIN { printf \"%.0f\", $dry_kb / 1024 }")" \
        "$import_s" "$(awk "BEGIN { printf \"%.2f\", $import_s / $pandas }")" "$(awk "BEGIN { printf \"%.0f\", $import_kb / 1024 }")"
    sed 's/^/    /' "$work/import.txt" >&2
    rm -f "$file"
done
echo "SQLite: journal_mode = WAL, synchronous = NORMAL (the daemon's AppDatabase.openOnDisk settings)." >&2

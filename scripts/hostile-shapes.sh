#!/usr/bin/env bash
# hostile-shapes.sh - issue #12's acceptance: each hostile input, run through the RELEASE binary,
# must end (refused with a reason, or parsed) within 5 s of CPU and 300 MB of peak memory.
# Prints one line per shape (CPU seconds, peak RSS, exit status, the first line of the answer)
# and fails when a shape is over. Also compares a 100,000-row CSV with no-break-space thousands
# separators with the same without: they must cost about the same (at most 1.5 times).
#   bash scripts/hostile-shapes.sh [--binary PATH]     (default: builds .build/release/relance)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=""
if [ "${1:-}" = "--binary" ]; then binary="$2"; fi
if [ -z "$binary" ]; then
    swift build -c release --product relance 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
    binary="$(swift build -c release --show-bin-path)/relance"
fi
command -v python3 >/dev/null && [ -x /usr/bin/time ] || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 time </dev/null >/dev/null; }
shapes="$(mktemp -d /tmp/relance-shapes.XXXXXX)"
trap 'rm -rf "$shapes"' EXIT
python3 scripts/hostile_shapes.py "$shapes"

max_cpu=5; max_mb=300; failed=0
measure() { # name, then the command; sets cpu and mb
    local name="$1"; shift
    local out="$shapes/$name.out" stats="$shapes/$name.time" status=0
    /usr/bin/time -f '%U %S %M' -o "$stats" "$@" >"$out" 2>&1 || status=$?
    read -r user sys kb < <(tail -1 "$stats")
    cpu=$(python3 -c "print(f'{$user + $sys:.2f}')")
    mb=$((kb / 1024))
    local verdict=ok
    if python3 -c "import sys; sys.exit(0 if $cpu <= $max_cpu and $mb <= $max_mb else 1)"; then :; else verdict=OVER; failed=1; fi
    printf '%-24s %6ss CPU %5s MB  exit %-3s %-4s %s\n' "$name" "$cpu" "$mb" "$status" "$verdict" \
        "$(grep -m1 -oE '(\[[a-z-]+\]|"kind":"[a-z-]+"|open items).{0,0}|[^ ]+: [^[]{0,110}' "$out" | head -1)"
    [ "$status" -le 1 ] || { echo "  crashed: $(tail -3 "$out")"; failed=1; }
}
printf '%-24s %s\n' shape "CPU, peak memory, exit status, answer (limits: ${max_cpu} s, ${max_mb} MB)"
for file in nested-workbook.xlsx nested-ubl.xml inflating-sheet.xlsx five-million-cells.xlsx million-cells.xlsx \
            zeros-streams.pdf long-amount.csv; do
    measure "$file" "$binary" import --dry-run --json "$shapes/$file"
done
measure long-header.eml "$binary" inspect-mail --json "$shapes/long-header.eml"
grep -q '"kind"' "$shapes/long-header.eml.out" || { echo "inspect-mail gave no classification"; failed=1; }
"$binary" inspect-mail "$shapes/long-header.eml" 2>&1 | grep -q "cut at the" || { echo "inspect-mail did not say the header was cut"; failed=1; }

measure rows-plain.csv "$binary" import --dry-run --json "$shapes/rows-plain.csv"; plain=$cpu
measure rows-nbsp.csv "$binary" import --dry-run --json "$shapes/rows-nbsp.csv"; nbsp=$cpu
ratio=$(python3 -c "print(f'{$nbsp / max($plain, 0.01):.2f}')")
echo "no-break spaces cost ${ratio} times plain amounts (at most 1.5)"
python3 -c "import sys; sys.exit(0 if $ratio <= 1.5 else 1)" || failed=1
[ "$failed" = 0 ] && echo "hostile shapes: all within ${max_cpu} s CPU and ${max_mb} MB" || { echo "hostile shapes: FAILED"; exit 1; }

#!/usr/bin/env bash
# bank-screenshots.sh - pictures of what bank statements change for a person (issue #15): a real
# run of the CLI for a French creditor (Atelier Dupont SAS) with the example aged balance and the
# example CFONB 120 statement of 3 December 2026 (Boulangerie Martin pays F2026-0412 naming it;
# Garage des Lilas sends 880,00 € without an invoice number, so nothing is assumed). Shows the
# digest of 4 December (the receipt to link, the payment set apart from the overdue total), the aged
# balance (CLI, CSV and the reports' HTML page: "Reçu, en attente du grand livre"), `relance bank
# unmatched`, the link, and the digest after it, as PNGs in screenshots/ (or the folder given), at
# 800 px and a phone's 390 px.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$(mkdir -p "${1:-screenshots}" && cd "${1:-screenshots}" && pwd)

bash scripts/install-browser-deps.sh
# RELANCE_BIN: an already built relance (no build).
if [ -z "${RELANCE_BIN:-}" ]; then
    swift build --product relance 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
    RELANCE_BIN=$(swift build --show-bin-path)/relance
fi
relance=$RELANCE_BIN

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/drop"
. scripts/lib/example-creditor.sh
write_example_config "$work/relance.toml" "$root" 'iban = "FR76 3000 4000 0312 3456 7890 143"
active = false'
cp examples/exports/*.csv "$work/drop/"
printf '==> relance run --once on Wednesday 2 December 2026 (the aged balance)\n'
"$relance" run --once --config "$work/relance.toml" --now 2026-12-02T10:00:00+01:00 | tail -n 2
cp examples/bank/releve-cfonb120-2026-12-03.txt "$work/drop/"
printf '\n==> relance run --once on Friday 4 December 2026 (the bank statement)\n'
"$relance" run --once --config "$work/relance.toml" --now 2026-12-04T10:00:00+01:00 | tail -n 2
printf '\n==> relance bank unmatched\n'
"$relance" bank unmatched --config "$work/relance.toml" | tee "$work/unmatched.txt"
"$relance" digest --config "$work/relance.toml" --now 2026-12-04T11:00:00+01:00 --html "$out/bank-digest-before-fr.html" >/dev/null
# The aged balance counts only what is still demanded; what the bank shows paid is set apart.
printf '\n==> relance aging --as-of 2026-12-04\n'
"$relance" aging --config "$work/relance.toml" --as-of 2026-12-04 | tee "$out/bank-aging-fr.txt"
"$relance" aging --config "$work/relance.toml" --as-of 2026-12-04 --format csv > "$out/bank-aging-fr.csv"
cp "$work/reports/atelier-dupont/aged-balance.html" "$out/bank-aged-balance-fr.html"
entry=$("$relance" bank unmatched --config "$work/relance.toml" --json | head -n 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["entry"])')
printf '\n==> relance bank link %s C0002\n' "$entry"
"$relance" bank link "$entry" C0002 --by "Claire Martin" --config "$work/relance.toml"
printf '\n==> relance customer C0002\n'
"$relance" customer C0002 --config "$work/relance.toml" | tail -n 4
"$relance" digest --config "$work/relance.toml" --now 2026-12-04T11:30:00+01:00 --html "$out/bank-digest-after-fr.html" >/dev/null

printf '\n==> pictures\n'
for page in bank-digest-before-fr bank-digest-after-fr; do
    shoot "$out" "$page.html" 800 1400
    shoot "$out" "$page.html" 390 2000
done
shoot "$out" bank-aged-balance-fr.html 1400 1000

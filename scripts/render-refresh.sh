#!/usr/bin/env bash
# render-refresh.sh - what a person sees of a call and a letter still owed in part, once an export
# settles one of their invoices (`StaleLadderTasks`): runs Relance on Monday 30 November 2026 (a
# call for Cabinet Lefèvre, who has no email, about two invoices; a formal letter for Boulangerie
# Martin, whose final reminder was sent by hand, about two invoices), then on Thursday 3 December
# with an export that no longer lists one invoice of each. Pictures, with headless Chromium, of the
# tasks page before and after, the letter first written and the letter that supersedes it.
#
#   bash scripts/render-refresh.sh [OUT_FOLDER]     (default: /tmp/relance-refresh)
#
# Then the console (`relance run` with [web] on 127.0.0.1:$RELANCE_CONSOLE_PORT, default 18080),
# signed in by Chromium through WebDriver (scripts/console_screenshots.py): OUT/console/.
#
# Look at the PNGs: after, the call asks for F-2026-0013 alone (792,50 €), same step; the new
# letter demands F-2026-0021 alone; the first letter is kept, superseded.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$(mkdir -p "${1:-/tmp/relance-refresh}" && cd "${1:-/tmp/relance-refresh}" && pwd)
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
# RELANCE_BIN: an already built relance (no build).
if [ -z "${RELANCE_BIN:-}" ]; then
    swift build --product relance 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
    RELANCE_BIN=$(swift build --show-bin-path)/relance
fi
relance=$RELANCE_BIN

port=${RELANCE_CONSOLE_PORT:-18080}
work=$(mktemp -d)
daemon=
trap 'if [ -n "$daemon" ]; then kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
mkdir -p "$work/drop"
. scripts/lib/example-creditor.sh
. scripts/lib/console-example.sh   # serve_console
write_example_config "$work/relance.toml" "$root" 'active = true
maximum_ledger_age_days = 30
mass_settlement_threshold_percent = 100'
printf '\n[penalties]\necb_rates = { "2026-S2" = 2.15 }\n' >> "$work/relance.toml"
cat > "$work/drop/a-contacts.csv" <<'CSV'
Code client;Raison sociale;E-mail;Téléphone;Adresse 1;Code postal;Ville;Étape atteinte;Date dernière relance
C0001;Boulangerie Martin SARL;compta@boulangerie-martin.example;04 78 12 34 56;3 place Bellecour;69002;Lyon;final-reminder;10/11/2026
C0004;Cabinet Lefèvre & Associés;;04 78 55 44 33;8 quai Saint-Antoine;69002;Lyon;;
CSV
write_export() {
    printf 'Balance âgée au %s\ncustomer;name;email;invoice;issue_date;due_date;amount\n' "$1"
    shift
    printf '%s\n' "$@"
}
write_export 27/11/2026 \
    "C0001;Boulangerie Martin SARL;compta@boulangerie-martin.example;F-2026-0020;01/10/2026;01/11/2026;1200,00" \
    "C0001;Boulangerie Martin SARL;compta@boulangerie-martin.example;F-2026-0021;01/10/2026;01/11/2026;300,00" \
    "C0004;Cabinet Lefèvre & Associés;;F-2026-0012;01/10/2026;01/11/2026;960,00" \
    "C0004;Cabinet Lefèvre & Associés;;F-2026-0013;01/10/2026;01/11/2026;792,50" > "$work/drop/b-balance.csv"

printf '==> Monday 30 November 2026\n'
"$relance" run --once --config "$work/relance.toml" --now 2026-11-30T10:00:00+01:00 | tail -n 3
"$relance" tasks --config "$work/relance.toml" | tee "$out/tasks-before.txt"
cp "$work/reports/atelier-dupont/tasks.html" "$out/tasks-before.html" 2>/dev/null || true

write_export 02/12/2026 \
    "C0001;Boulangerie Martin SARL;compta@boulangerie-martin.example;F-2026-0021;01/10/2026;01/11/2026;300,00" \
    "C0004;Cabinet Lefèvre & Associés;;F-2026-0013;01/10/2026;01/11/2026;792,50" > "$work/drop/c-balance.csv"
printf '\n==> Thursday 3 December 2026: F-2026-0012 and F-2026-0020 settled\n'
"$relance" run --once --config "$work/relance.toml" --now 2026-12-03T10:00:00+01:00 | tail -n 3
"$relance" tasks --config "$work/relance.toml" | tee "$out/tasks-after.txt"
cp "$work/reports/atelier-dupont/tasks.html" "$out/tasks-after.html" 2>/dev/null || true
cp "$work"/state/documents/atelier-dupont/*/*.html "$out/"
ls "$work"/state/documents/atelier-dupont/*/
for page in "$out"/*.html; do shoot "$out" "$(basename "$page")" 800 1400; done

printf '\n==> the console on 127.0.0.1:%s\n' "$port"
printf '\n[web]\nlisten = "127.0.0.1:%s"\n' "$port" >> "$work/relance.toml"
password='correct horse battery staple'
printf '%s\n' "$password" | "$relance" user add claire --all-creditors --config "$work/relance.toml" > /dev/null
serve_console "$relance" "$work/relance.toml" 2026-12-03T10:30:00+01:00 "$work/daemon.log" "$port"
mkdir -p "$out/console"
python3 scripts/console_screenshots.py "http://127.0.0.1:$port" claire "$password" "$out/console"
ls -1 "$out/console"

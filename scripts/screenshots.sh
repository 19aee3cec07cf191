#!/usr/bin/env bash
# screenshots.sh - pictures of what a credit controller reads: the digest's HTML part, the call
# sheet attached to it and tasks.html; and of what a customer reads: every reminder email. Rendered
# by headless Chromium at a mail client's width (800 px) and a phone's (390 px), as PNGs in
# screenshots/ (or the folder given).
#
# Three sources:
#   - a real run of the CLI: a French creditor (Atelier Dupont SAS), the example aged balance
#     (five customers) and a contacts file with phones, run on Monday 30 November 2026, then the
#     digest of Monday 7 December, when the export is more than 7 days old;
#   - the digest and call sheet of the golden tests (Tests/RelanceMailTests/Fixtures/golden/), a
#     morning with every kind of work (calls, a reply, a letter, a promise, overdue tasks, what
#     is stuck), in French and English;
#   - every reminder email (courtesy, first, second, final) in French and English, from
#     ReminderPhoneWidthTests: the templates' sample (two invoices, a credit, a broken promise —
#     "promesse non tenue" —, prior actions) and the longest values (a 12-digit invoice number,
#     1 234 567,89 €, 122 days late, a 60-character creditor name). The script fails when one of
#     them is wider than the phone: a customer's accountant must see every figure without scrolling.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$(mkdir -p "${1:-screenshots}" && cd "${1:-screenshots}" && pwd)

bash scripts/install-browser-deps.sh
swift build --product relance 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
relance=$(swift build --show-bin-path)/relance

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/drop"
. scripts/lib/example-creditor.sh
write_example_config "$work/relance.toml" "$root" 'active = true
maximum_ledger_age_days = 7'
cp examples/exports/*.csv "$work/drop/"
cat > "$work/drop/contacts.csv" <<'CSV'
Code client;Raison sociale;E-mail;Téléphone;Adresse 1;Code postal;Ville;Étape atteinte;Date dernière relance
C0001;Boulangerie Martin SARL;compta@boulangerie-martin.example;04 78 12 34 56;3 place Bellecour;69002;Lyon;second-reminder;16/11/2026
C0002;Garage des Lilas;facturation@garage-lilas.example;+33 6 12 34 56 78;45 avenue des Lilas;69008;Lyon;;
C0003;Hôtel du Parc SA;fournisseurs@hotel-parc.example;04 72 98 76 54;1 parc de la Tête d'Or;69006;Lyon;;
C0004;Cabinet Lefèvre & Associés;;04 78 55 44 33;8 quai Saint-Antoine;69002;Lyon;;
C0005;Pâtisserie Rousseau;contact@patisserie-rousseau.example;04 78 00 11 22;22 rue Mercière;69002;Lyon;;
CSV

printf '==> relance run --once on Monday 30 November 2026\n'
"$relance" run --once --config "$work/relance.toml" --now 2026-11-30T10:00:00+01:00 | tail -n 3
printf '\n==> relance tasks\n'
"$relance" tasks --config "$work/relance.toml"
printf '\n==> relance digest of Monday 7 December 2026 (no export since 27 November)\n'
"$relance" digest --config "$work/relance.toml" --now 2026-12-07T08:30:00+01:00 \
    --html "$out/digest-cli-fr.html" --calls "$out/calls-cli-fr.html"
cp "$work/reports/atelier-dupont/tasks.html" "$out/tasks-cli-fr.html"
for page in digest-fr digest-en calls-fr calls-en; do
    cp "Tests/RelanceMailTests/Fixtures/golden/$page.html" "$out/$page-fixture.html"
done
# Every reminder email, as its test renders it (email-STEP-LANG.html, email-STEP-LANG-long.html).
swift build --build-tests 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
RELANCE_SCREENSHOT_FOLDER="$out" swift test --skip-build --filter ReminderPhoneWidthTests >/dev/null

printf '\n==> pictures\n'
for page in digest-cli-fr calls-cli-fr tasks-cli-fr digest-fr-fixture digest-en-fixture calls-fr-fixture calls-en-fixture; do
    shoot "$out" "$page.html" 800 1600
    shoot "$out" "$page.html" 390 2200
done
printf '\n==> reminder emails, at 800 px and on a phone (nothing wider than 390 px)\n'
python3 scripts/page_pictures.py 800 1000 "$out"/email-*.html
python3 scripts/page_pictures.py --no-sideways-scroll 390 1200 "$out"/email-*.html

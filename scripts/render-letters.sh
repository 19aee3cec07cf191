#!/usr/bin/env bash
# render-letters.sh - renders the printed letters a French creditor sends, as a person sees them:
# runs Relance once (as if it were Monday 30 November 2026) on a small creditor whose ladder
# reaches a formal letter and a registered letter, with a legal form, a share capital, an RCS and
# postal addresses whose postcode and town sit in separate columns of the contacts file; then
# takes a PNG screenshot of each letter with headless Chromium (Debian's `chromium`).
#
#   bash scripts/render-letters.sh [OUT_FOLDER]     (default: /tmp/relance-letters)
#
# Look at the PNGs: letterhead "SAS au capital de 10 000 € — RCS Nantes 123 456 782", the
# addresses' last line "44000 NANTES", the legal name signed once, the RF reference to quote and
# the EPC payment QR code — which zbarimg (zbar-tools) then reads back from each picture, as a
# banking app would: the script fails when a letter's code does not decode to a SEPA transfer.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/relance-letters}
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
command -v zbarimg >/dev/null || bash scripts/install-build-deps.sh

# RELANCE_BIN: an already built relance (no build).
if [ -z "${RELANCE_BIN:-}" ]; then
    swift build --product relance 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
    RELANCE_BIN=$(swift build --show-bin-path)/relance
fi
relance=$RELANCE_BIN

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/drop" "$out"
cat > "$work/relance.toml" <<TOML
drop_folder = "drop"
state_folder = "state"
outbox_folder = "outbox"
review_folder = "review"
templates_folder = "$PWD/mail-templates"
stable_after_seconds = 0

[penalties]
ecb_rates = { "2026-S2" = 2.15 }

[policies.letters]
minimum_days_between_contacts = 0
[[policies.letters.steps]]
name = "formal-letter"
channel = "letter"
after_due_days = 1
[[policies.letters.steps]]
name = "registered-letter"
channel = "registered-letter"
after_due_days = 40

[creditors.imprimerie]
legal_name = "Imprimerie Lefèvre"
legal_form = "SAS"
share_capital = 10000
address = ["3 rue Kervégan", "44000 Nantes"]
siren = "123 456 782"
rcs = "RCS Nantes 123 456 782"
vat_number = "FR11123456782"
iban = "FR76 3000 6000 0112 3456 7890 189"
bic = "AGRIFRPPXXX"
phone = "02 40 00 00 00"
payment_reference = "rf"
sender = "compta@imprimerie-lefevre.example"
active = true
policy = "letters"
TOML
cat > "$work/drop/a-contacts.csv" <<'CSV'
Code client;Raison sociale;Adresse;Code postal;Ville;Email;Téléphone
411BRAS;Brasserie du Port;4 quai de la Fosse;44000;Nantes;compta@brasserie-port.example;02 40 00 00 01
411FORG;Forges de l'Ouest;Zone industrielle de la Lande;44800;Saint-Herblain;forges@ouest.example;02 40 00 00 02
CSV
cat > "$work/drop/b-echeancier.csv" <<'CSV'
N° compte tiers;Intitulé;N° pièce;Date pièce;Échéance;Reste dû
411BRAS;Brasserie du Port;FA-2026-101;02/09/2026;02/10/2026;1 092,00
411FORG;Forges de l'Ouest;FA-2026-131;15/10/2026;14/11/2026;2 376,80
CSV

"$relance" run --once --config "$work/relance.toml" --now 2026-11-30
count=0
for page in "$work"/state/documents/imprimerie/*/*.html; do
    name=$(basename "$page" .html)
    cp "$page" "$out/$name.html"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=800,1200 \
        --screenshot="$out/$name.png" "file://$page" 2>/dev/null
    printf 'rendered %s\n' "$out/$name.png"
    # The whole page, for the QR code at its foot, read back as a phone would.
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=800,2600 \
        --screenshot="$out/$name-full.png" "file://$page" 2>/dev/null
    decoded=$(zbarimg --quiet --raw -Sbinary "$out/$name-full.png") || { echo "no QR code read in $name" >&2; exit 1; }
    printf '%s\n' "$decoded" | head -n 1 | grep -qx BCD || { echo "$name: not an EPC payload: $decoded" >&2; exit 1; }
    printf '  QR code: %s\n' "$(printf '%s' "$decoded" | tr '\n' '|')"
    count=$((count + 1))
done
[ "$count" -gt 0 ] || { echo "no letter was written" >&2; exit 1; }

# example-creditor.sh - sourced by the screenshot scripts: the French example creditor (Atelier
# Dupont SAS, Lyon) as one configuration, and the headless-Chromium picture of a page.
#
#   write_example_config FILE ROOT [EXTRA_CREDITOR_LINES]
#       writes relance.toml for the creditor `atelier-dupont` (templates from ROOT/mail-templates,
#       a digest to Claire Martin sent even when empty); EXTRA lines go in [creditors.atelier-dupont].
#   shoot OUT PAGE.html WIDTH HEIGHT
#       OUT/PAGE-WIDTH.png (the whole page, at least HEIGHT tall), laid out WIDTH px wide, and
#       prints its path. Through scripts/page_pictures.py (WebDriver, scripts/install-browser-deps.sh):
#       `chromium --headless --window-size=390,…` lays a page out 500 px wide and crops the picture.

write_example_config() {
    local file=$1 root=$2 extra=${3:-}
    cat > "$file" <<TOML
drop_folder = "drop"
state_folder = "state"
outbox_folder = "outbox"
review_folder = "review"
templates_folder = "$root/mail-templates"
stable_after_seconds = 0

[defaults]
time_zone = "Europe/Paris"
language = "fr"

[creditors.atelier-dupont]
legal_name = "Atelier Dupont SAS"
address = ["12 rue des Tanneurs", "69002 Lyon"]
siren = "812 345 676"
sender = "comptabilite@atelier-dupont.example"
$extra

[creditors.atelier-dupont.digest]
recipients = ["claire.martin@atelier-dupont.example"]
send_when_empty = true
TOML
}

shoot() {
    local out=$1 page=$2 width=$3 height=$4
    python3 "$(dirname "${BASH_SOURCE[0]}")/../page_pictures.py" "$width" "$height" "$out/$page"
}

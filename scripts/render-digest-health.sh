#!/usr/bin/env bash
# Renders the daily digest of a creditor whose drop folder has gone missing (issue #12 §4),
# as people receive it, into a PNG: builds nothing, uses the debug binary already built.
#   bash scripts/render-digest-health.sh [OUT_DIR]   (default: /tmp/relance-digest-health)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/relance-digest-health}"
bin="$(swift build --show-bin-path)/relance"
rm -rf "$out" && mkdir -p "$out/state"
for language in fr en; do
    cat >"$out/relance-$language.toml" <<TOML
drop_folder = "$out/unmounted-share/drop"
state_folder = "$out/state-$language"
outbox_folder = "$out/outbox-$language"
templates_folder = "$PWD/mail-templates"

[creditors.acme]
legal_name = "ACME SAS"
sender = "compta@acme.example"
iban = "FR76 3000 4000 0312 3456 7890 143"
language = "$language"

[creditors.acme.digest]
recipients = ["controle@acme.example"]
language = "$language"
send_when_empty = true
TOML
    # A first run while the share is there (it registers the creditor), then the share goes away.
    mkdir -p "$out/unmounted-share/drop"
    "$bin" run --once --config "$out/relance-$language.toml" --now 2026-11-30 >/dev/null
    rm -rf "$out/unmounted-share"
    "$bin" digest --send --config "$out/relance-$language.toml" --now 2026-11-30 >/dev/null
    eml="$(ls "$out/outbox-$language"/acme/*.eml | head -n 1)"
    python3 - "$eml" "$out/digest-$language.html" <<'PY'
import email, sys
message = email.message_from_binary_file(open(sys.argv[1], "rb"))
html = next(part for part in message.walk() if part.get_content_type() == "text/html")
open(sys.argv[2], "wb").write(html.get_payload(decode=True))
PY
    chromium --headless --no-sandbox --screenshot="$out/digest-$language.png" --window-size=800,900 "file://$out/digest-$language.html" 2>/dev/null
    echo "$out/digest-$language.png"
done

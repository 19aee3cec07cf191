#!/usr/bin/env bash
# Renders what a customer reads about money to PNG, to look at before calling a change done
# (issue #11): a French reminder email with a credit note set against an invoice (and the same with
# the payment QR code of issue #15, as a mail client shows its cid: image), and a French
# formal notice with a disputed invoice; a French formal notice without a deadline, one with a
# missing rate and the collection dossier's summary with that missing rate; a formal notice in
# French and in English with one of everything (one invoice demanded, one credit, one other
# outstanding, one day to pay), the English second reminder and a French final reminder about one
# invoice. The HTML comes from the shipped templates through the real planner and composers
# (Tests/RelanceMailTests/DemandFiguresTests.swift, FrenchLetterWordingTests.swift and
# LetterCountsOfOneTests.swift write it when RELANCE_RENDER_DIR is set); headless Chromium takes
# the pictures.
#
#   bash scripts/render-demands.sh [OUTPUT_DIR]     (default: .build/render-demands)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/render-demands}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
if ! command -v chromium >/dev/null; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
swift build --build-tests 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\] ' || true
RELANCE_RENDER_DIR="$out" swift test --skip-build --filter "DemandFiguresTests|EmailPaymentQRTests|FrenchLetterWordingTests|LetterCountsOfOneTests" >/dev/null
for html in "$out"/*.html; do
    png="${html%.html}.png"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$png" --window-size=800,1300 \
        "file://$html" >/dev/null 2>&1
    echo "$png"
done

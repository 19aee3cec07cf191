#!/usr/bin/env bash
# render-digest-lists.sh - pictures of the digest on a big book (337 calls, 40 replies, 30
# letters, 26 promises, 40 bank receipts to link: each list cut at 25 with a line saying how many more and where) and of
# a book with an unapplied credit note (overdue total of the invoices, credits told apart), of a
# call with no number left, as
# the tests build them, rendered by headless Chromium at a mail client's width (800 px) and a
# phone's (390 px), the console's customer page with a disputed invoice ("Litige résolu") and its
# Imports page with a file's warnings,
# as PNGs in screenshots/ (or the folder given).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mkdir -p "${1:-screenshots}" && cd "${1:-screenshots}" && pwd)
bash scripts/install-browser-deps.sh
. scripts/lib/example-creditor.sh
swift build --build-tests 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
RELANCE_SCREENSHOT_FOLDER="$out" swift test --skip-build --filter 'DigestBigBookTests|DigestOverdueAndCreditsTests|DigestCallPhoneTests|ConsoleDisputeResolvedTests|ConsoleImportWarningsTests' >/dev/null
printf '==> pictures\n'
# Tall enough to show the first list's "… et 312 autres appels" line.
shoot "$out" digest-big-book-fr.html 800 2800
shoot "$out" digest-big-book-fr.html 390 3400
# 40 bank receipts to link: cut at 25 like the other lists, with the same "… et 15 autres" line.
shoot "$out" digest-unmatched-fr.html 800 14000
shoot "$out" digest-credits-fr.html 800 1200
shoot "$out" digest-credits-fr.html 390 1400
# A call with no number left: the task's advice shown whole (it was cut at its first comma and linked as tel:).
shoot "$out" digest-no-phone-fr.html 800 1000
shoot "$out" digest-no-phone-fr.html 390 1200
# The console's customer page with a disputed invoice and its "Litige résolu" button.
shoot "$out" customer-disputed-fr.html 1280 1100
shoot "$out" customer-disputed-fr.html 390 1800
# The console's Imports page with a file's warnings (opened), worded for a French creditor.
shoot "$out" imports-warnings-fr.html 1280 1000
shoot "$out" imports-warnings-fr.html 390 1600

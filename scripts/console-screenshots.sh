#!/usr/bin/env bash
# console-screenshots.sh - pictures of the web console, for a person to look at: the bundled
# example walked to 15 January 2027 and served by `relance run` (scripts/lib/console-example.sh),
# then Chromium (through WebDriver) signs in and saves each page, whole, at a desktop and a phone
# width into console-screenshots/ (or $1). The creditor starts in review mode (RELANCE_EXAMPLE_REVIEW=1,
# the default here), so that Today shows reminders awaiting approval.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-console-screenshots}
port=${RELANCE_CONSOLE_PORT:-18080}

bash scripts/install-build-deps.sh
bash scripts/install-browser-deps.sh
# RELANCE_BIN: an already built relance (no build).
[ -n "${RELANCE_BIN:-}" ] || swift build --product relance 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
. scripts/lib/console-example.sh
trap stop_console_example EXIT
RELANCE_EXAMPLE_REVIEW=${RELANCE_EXAMPLE_REVIEW:-1} start_console_example "$port" bank

mkdir -p "$out"
python3 scripts/console_screenshots.py "http://127.0.0.1:$port" claire "$console_password" "$out"
printf 'screenshots in %s:\n' "$out"
ls -1 "$out"

#!/usr/bin/env bash
# console-browser-test.sh - the console tested like a user, in Debian's Chromium through
# WebDriver (selenium): sign in, close a call with a promise and see the customer's pause, a
# form with a forged token refused, another creditor's URL a 404; approve a reminder left awaiting
# approval by review mode and see it sent; upload an export and see it applied. Run by scripts/test.sh after
# the build; installs what it needs. Exits non-zero when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${RELANCE_CONSOLE_TEST_PORT:-18091}

bash scripts/install-browser-deps.sh
. scripts/lib/console-example.sh
trap stop_console_example EXIT
RELANCE_EXAMPLE_REVIEW=1 start_console_example "$port"
python3 scripts/console_browser_test.py "http://127.0.0.1:$port" claire "$console_password"

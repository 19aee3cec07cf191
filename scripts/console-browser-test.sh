#!/usr/bin/env bash
# console-browser-test.sh - the console tested like a user, in Debian's Chromium through
# WebDriver (selenium): sign in, close a call with a promise and see the customer's pause, a
# form with a forged token refused, another creditor's URL a 404; approve a reminder left awaiting
# approval by review mode and see it arrive in Dovecot through the real Postfix (the loopback mail
# stack of scripts/mailstack.sh); record a registered letter posted with its tracking number;
# upload an export and see it applied. Run by scripts/test.sh after
# the build; installs what it needs. Exits non-zero when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${RELANCE_CONSOLE_TEST_PORT:-18091}

bash scripts/install-browser-deps.sh
# The reminders leave through the loopback Postfix to t49's mailbox (test users t48-t52 are this
# test's): emptied first, so that what the test finds there was sent by this run.
python3 scripts/test_mailbox.py empty t49
. scripts/lib/console-example.sh
trap stop_console_example EXIT
RELANCE_EXAMPLE_REVIEW=1 RELANCE_EXAMPLE_MAILSTACK=1 start_console_example "$port"
python3 scripts/console_browser_test.py "http://127.0.0.1:$port" claire "$console_password" "$work/examples/work/state/relance.sqlite"

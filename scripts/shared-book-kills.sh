#!/usr/bin/env bash
# shared-book-kills.sh - issue #16's long run, outside the test command (it takes minutes):
# three `relance run` daemons on one PostgreSQL book and the real Postfix/Dovecot, SIGKILLed at
# random moments and restarted; every reminder must reach the customers' mailbox exactly once,
# the dropped file be applied once, each reminder queued once. The test command runs the same
# test smaller (60 reminders, 12 kills).
#   bash scripts/shared-book-kills.sh [REMINDERS] [KILLS]      (default 300 50)
set -euo pipefail
cd "$(dirname "$0")/.."
reminders=${1:-300}
kills=${2:-50}
bash scripts/install-build-deps.sh
bash scripts/mailstack.sh
bash scripts/postgres.sh
swift build --build-tests 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
RELANCE_REQUIRE_MAILSTACK=1 RELANCE_REQUIRE_POSTGRES=1 \
RELANCE_SHARED_BOOK_REMINDERS=$reminders RELANCE_SHARED_BOOK_KILLS=$kills \
    swift test --skip-build --filter SharedBookDaemonsTests

#!/usr/bin/env bash
# shared-book-kills.sh - issue #16's long run, outside the test command (it takes minutes):
# three `relance run` daemons on one PostgreSQL book and the real Postfix/Dovecot, SIGKILLed at
# random moments and restarted; every reminder must reach the customers' mailbox exactly once,
# the dropped file be applied once, each reminder queued once, and each reminder to an address
# that does not exist (one in ten) bounce and be acted on once. The test command runs the same
# test smaller (60 reminders, 12 kills). PER_MINUTE is each daemon's pace (default 300, so that
# the sending lasts and kills fall in it; a paced daemon claims one message at a time); 0 sends
# unpaced, the daemons claiming in batches.
#   bash scripts/shared-book-kills.sh [REMINDERS] [KILLS] [PER_MINUTE]      (default 300 50 300)
set -euo pipefail
cd "$(dirname "$0")/.."
reminders=${1:-300}
kills=${2:-50}
per_minute=${3:-300}
bash scripts/install-build-deps.sh
bash scripts/mailstack.sh
bash scripts/postgres.sh
swift build --build-tests 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
RELANCE_REQUIRE_MAILSTACK=1 RELANCE_REQUIRE_POSTGRES=1 \
RELANCE_SHARED_BOOK_REMINDERS=$reminders RELANCE_SHARED_BOOK_KILLS=$kills RELANCE_SHARED_BOOK_PER_MINUTE=$per_minute \
    swift test --skip-build --filter SharedBookDaemonsTests/threeDaemons

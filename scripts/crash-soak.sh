#!/usr/bin/env bash
# crash-soak.sh - the SIGKILL tests at every moment (100: 50 over a whole run's import, planning
# and sending, 50 over a batch sent through the real Postfix and counted in Dovecot), where
# scripts/test.sh runs an evenly spread sample of 38 to keep CI under 25 minutes. About 15
# minutes on 2 cores. Not part of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-build-deps.sh
bash scripts/mailstack.sh
swift build --build-tests 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
RELANCE_EVERY_KILL_MOMENT=1 RELANCE_REQUIRE_MAILSTACK=1 \
    swift test --skip-build --filter 'OutboxCrashTests|ProcessTests'

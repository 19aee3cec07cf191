#!/usr/bin/env bash
# test.sh - THE test command: build dependencies, the loopback mail stack, then every test.
# Integration tests run with RELANCE_REQUIRE_MAILSTACK=1, so a missing stack fails them
# instead of skipping them silently. Exits non-zero when any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }
started=$SECONDS

step "build dependencies"
bash scripts/install-build-deps.sh

step "mail stack (Postfix + Dovecot on 127.0.0.1)"
bash scripts/mailstack.sh

export RELANCE_REQUIRE_MAILSTACK=1

step "swift build --build-tests"
swift build --build-tests

step "swift test"
swift test --skip-build

step "all tests passed in $((SECONDS - started))s"

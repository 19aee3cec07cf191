#!/usr/bin/env bash
# test.sh - THE test command: build dependencies, the loopback mail stack, then every test.
# Integration tests run with RELANCE_REQUIRE_MAILSTACK=1 and the PostgreSQL store's with
# RELANCE_REQUIRE_POSTGRES=1, so a missing server fails them instead of skipping them
# silently. Exits non-zero when any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }
started=$SECONDS

step "build dependencies"
bash scripts/install-build-deps.sh

step "mail stack (Postfix + Dovecot on 127.0.0.1)"
bash scripts/mailstack.sh

step "PostgreSQL (its own cluster on 127.0.0.1:55432, TLS; scripts/postgres.sh)"
bash scripts/postgres.sh

export RELANCE_REQUIRE_MAILSTACK=1
# Tests of the PostgreSQL store fail (not skip) when the cluster is missing.
export RELANCE_REQUIRE_POSTGRES=1

step "swift build --build-tests"
# The "[n/N] Compiling …" progress lines (about a thousand on a fresh clone) drown the
# warnings and errors: drop them, keep everything else. pipefail keeps swift's status.
swift build --build-tests 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }

step "swift test"
# XCTest stays enabled (it prints "Executed 0 tests" while every test is Swift Testing) so that
# an XCTest case added by mistake still runs instead of being skipped silently.
swift test --skip-build

step "web console in a real browser (Chromium + WebDriver, scripts/console-browser-test.sh)"
bash scripts/console-browser-test.sh

step "fuzz every parser for 40 s (scripts/fuzz.sh; longer by hand)"
bash scripts/fuzz.sh --seconds 40 --binary "$(swift build --show-bin-path)/relance"

step "all tests passed in $((SECONDS - started))s"

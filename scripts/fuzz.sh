#!/usr/bin/env bash
# fuzz.sh - mutation fuzzing of every parser through the built binary (scripts/fuzz.py):
# `relance import --dry-run --json` and `relance inspect-mail --json`, seeded from the test
# fixtures. test.sh runs it briefly; by hand, run it longer:
#   bash scripts/fuzz.sh                      40 s on the debug build
#   bash scripts/fuzz.sh --seconds 1800 --binary .build/release/relance
# Failing inputs are kept in .fuzz-findings/ with the command that reproduces them.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 </dev/null >/dev/null; }
exec python3 scripts/fuzz.py "$@"

#!/usr/bin/env bash
# soak.sh - the soak benchmark (issue #7): the whole pipeline (import, plan, send) over simulated
# days of a growing, paying, disputing, replying, bouncing customer base with a 3-day mail outage,
# with an injected clock. Checks the invariants every day; prints the wall time per simulated day
# and the store size. Not part of .ci/run.
#   bash benchmarks/soak.sh [--customers 10000] [--days 120] [--seed 42]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-build-deps.sh >/dev/null
swift build -c release --product relance-soak 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
exec "$(swift build -c release --show-bin-path)/relance-soak" --templates mail-templates "$@"

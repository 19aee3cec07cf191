#!/usr/bin/env bash
# demo.sh - THE "run the main job" command: installs what building needs, builds Relance, and
# runs it once on the bundled example (examples/relance.toml): it imports the aged-balance
# export in examples/exports/, plans the reminders due on Monday 30 November 2026, and, since
# no SMTP server is configured, writes each reminder as an .eml file into examples/work/outbox/.
# Safe to run again: it starts from a fresh examples/work/ each time.
set -euo pipefail
cd "$(dirname "$0")/.."

printf '==> build dependencies\n'
bash scripts/install-build-deps.sh

printf '==> swift build (the first build takes a few minutes)\n'
swift build --product relance 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
relance=$(swift build --show-bin-path)/relance

rm -rf examples/work
mkdir -p examples/work/drop
cp examples/exports/* examples/work/drop/

printf '\n==> relance run --once (as if it were Monday 30 November 2026, 10:00 in Paris)\n'
"$relance" run --once --config examples/relance.toml --now 2026-11-30

printf '\n==> a second run sends nothing more: every reminder goes out once\n'
"$relance" run --once --config examples/relance.toml --now 2026-11-30 | tail -n 2

printf '\n==> the outbox (open any .eml in a mail client)\n'
ls -l examples/work/outbox/*/
first=$(ls examples/work/outbox/*/*.eml | head -n 1)
printf '\n==> headers of %s\n' "$first"
sed -n '1,/^\r\{0,1\}$/p' "$first"

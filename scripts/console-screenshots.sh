#!/usr/bin/env bash
# console-screenshots.sh - pictures of the web console, for a person to look at: the bundled
# example (examples/) imported and walked to 15 January 2027 so that calls and letters are due,
# a console user, `relance run` with [web] on loopback, then Chromium (through WebDriver) signs
# in and saves each page at a desktop and a phone width into console-screenshots/ (or $1).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-console-screenshots}
port=${RELANCE_CONSOLE_PORT:-18080}

bash scripts/install-build-deps.sh
bash scripts/install-browser-deps.sh
swift build --product relance 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
relance=$(swift build --show-bin-path)/relance

work=$(mktemp -d /tmp/relance-console-XXXXXX)
trap 'kill "${daemon:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/examples/work/drop"
cp examples/exports/* "$work/examples/work/drop/"
cp -r mail-templates "$work/mail-templates"
{ cat examples/relance.toml; printf '\n[web]\nlisten = "127.0.0.1:%s"\n' "$port"; } > "$work/examples/relance.toml"
config="$work/examples/relance.toml"

"$relance" run --once --config "$config" --now 2026-11-30 > /dev/null
for day in 2026-12-10 2026-12-21 2027-01-05 2027-01-15; do
    "$relance" run --once --config "$config" --now "$day" > /dev/null
done
# A file with an unreadable amount, so that the Imports page shows a refusal and its explanation.
printf 'customer;name;email;invoice;issue_date;due_date;amount\nC0001;Boulangerie;x@example.com;FA-9;2026-12-01;2027-01-01;mille euros\n' \
    > "$work/examples/work/drop/export-casse.csv"
"$relance" run --once --config "$config" --now 2027-01-15 > /dev/null
printf '%s\n' 'correct horse battery staple' | "$relance" user add claire --all-creditors --config "$config"

"$relance" run --config "$config" --now 2027-01-15 > "$work/daemon.log" 2>&1 &
daemon=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
    sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null || { cat "$work/daemon.log"; exit 1; }

mkdir -p "$out"
python3 scripts/console_screenshots.py "http://127.0.0.1:$port" claire 'correct horse battery staple' "$out"
printf 'screenshots in %s:\n' "$out"
ls -1 "$out"

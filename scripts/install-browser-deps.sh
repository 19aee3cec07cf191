#!/usr/bin/env bash
# install-browser-deps.sh - Debian's Chromium and its WebDriver, and selenium from PyPI, for the
# console's browser tests and screenshots. Idempotent: installs only what is missing.
set -euo pipefail
log() { printf '[browser-deps] %s\n' "$*" >&2; }
missing=()
for p in chromium chromium-driver; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || { log "missing ${missing[*]}; run as root to install them"; exit 1; }
    log "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
fi
python3 -c 'import selenium' 2>/dev/null || { log "installing selenium"; python3 -m pip install -q selenium; }

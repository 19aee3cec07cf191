#!/usr/bin/env bash
# install-build-deps.sh - the Debian packages that building Relance needs, installed only
# when missing (apt-get update runs only then). Idempotent; needs root only to install.
#   libcurl4-openssl-dev  CCurl (SMTP/IMAP via libcurl, OpenSSL flavour)
#   pkg-config            SwiftPM finds libcurl through it
#   zlib1g-dev libsqlite3-dev libxml2-dev   linked by the toolchain's Foundation / GRDB
#   libqrencode-dev       CQREncode (the EPC payment QR code on letters)
#   zbar-tools            zbarimg: the tests decode the QR codes Relance draws
set -euo pipefail

PACKAGES=(libcurl4-openssl-dev pkg-config zlib1g-dev libsqlite3-dev libxml2-dev libqrencode-dev zbar-tools)
log() { printf '[build-deps] %s\n' "$*" >&2; }

missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    log "all present: ${PACKAGES[*]}"
    exit 0
fi
[ "$(id -u)" = 0 ] || { log "missing ${missing[*]}; run as root to install them"; exit 1; }
log "installing: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
log "installed: ${missing[*]}"

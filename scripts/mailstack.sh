#!/usr/bin/env bash
# mailstack.sh - the loopback-only mail stack that Relance's integration tests talk to:
# Postfix (SMTP) + Dovecot (IMAP) sharing one Maildir tree, with a private test CA.
#
# Idempotent: run it as often as you like. It installs what is missing, rewrites the
# configuration, reloads the daemons only when something changed, starts them when they
# are down, then self-tests. Needs root and Debian 12. Does not need systemd: the daemons
# are started directly and detached from the caller's file descriptors.
#
#   Domain    relance.test; every user's password is "relance-test" (RELANCE_MAILSTACK_PASSWORD)
#   Users     alice bob carol archive bounces postmaster t01..t60   (Maildir, readable over IMAP,
#             each with a subscribed "Sent" folder). recipient_delimiter is "+":
#             bounces+TOKEN@relance.test lands in "bounces", t05+x@relance.test in "t05".
#   SMTP      127.0.0.1:25    no AUTH, STARTTLS offered; unknown users of relance.test are
#                             accepted, then bounced with a real DSN to the envelope sender
#             127.0.0.1:2525  same, but unknown users are rejected at RCPT (550 5.1.1)
#             127.0.0.1:587   submission: STARTTLS required, AUTH PLAIN/LOGIN (Dovecot SASL)
#             127.0.0.1:465   implicit TLS + AUTH
#             Special recipients (every port): tempfail@ -> 450 4.2.0, policy@ -> 550 5.7.1,
#             full@ -> 552 5.2.2. Mail for any other domain is bounced at once (never sent out).
#   IMAP      127.0.0.1:143   plaintext login allowed, STARTTLS available;  127.0.0.1:993 IMAPS
#   TLS       CA /etc/relance-test/ca.pem (its key stays in /etc/relance-test/private);
#             server certificate for mail.relance.test, localhost, 127.0.0.1
#   Facts     /etc/relance-test/mailstack.env (KEY=VALUE, read by the tests)
#   Logs      /var/log/postfix.log, /var/log/dovecot.log
#   Tools     smtp-sink and smtp-source (Postfix's test tools) in /usr/sbin
#
# Usage:  bash scripts/mailstack.sh          install + configure + start + self-test
#         bash scripts/mailstack.sh stop     stop both daemons
set -euo pipefail

DOMAIN=relance.test
PASSWORD=${RELANCE_MAILSTACK_PASSWORD:-relance-test}
USERS="alice bob carol archive bounces postmaster $(seq -f 't%02g' 1 60 | tr '\n' ' ')"
VMAIL_ID=5000
VBASE=/var/mail/vhosts
MAILDIR_BASE=$VBASE/$DOMAIN
ETC=/etc/relance-test
PRIVATE=$ETC/private
CA=$ETC/ca.pem
CA_KEY=$PRIVATE/ca.key
CERT=$ETC/server.pem
KEY=$PRIVATE/server.key
ACCESS_MAP=/etc/postfix/relance-test-access
MAILBOX_MAP=/etc/postfix/relance-test-mailboxes
DOVECOT_USERS=/etc/dovecot/relance-test-users

log() { printf '[mailstack] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

stop_stack() {
    postfix stop >/dev/null 2>&1 || true
    doveadm stop >/dev/null 2>&1 || true
    log "stopped postfix and dovecot"
}

case "${1:-}" in
    stop) stop_stack; exit 0 ;;
    "") ;;
    *) die "unknown argument '$1' (usage: mailstack.sh [stop])" ;;
esac

[ "$(id -u)" = 0 ] || die "must run as root"
case "$PASSWORD" in *:*|*$'\n'*|"") die "RELANCE_MAILSTACK_PASSWORD must be non-empty without ':' or newline" ;; esac
started_ms=$(( $(date +%s%N) / 1000000 ))

# Writes stdin to $1 only when the content differs, so that unchanged files keep their
# mtime and a second run can tell that nothing needs reloading.
write_if_changed() {
    local target=$1 tmp
    tmp=$(mktemp)
    cat > "$tmp"
    if [ -f "$target" ] && cmp -s "$tmp" "$target"; then rm -f "$tmp"; return 1; fi
    mv "$tmp" "$target"; chmod 0644 "$target"
    return 0
}

# ------------------------------------------------------------------------- packages
missing=()
for p in postfix dovecot-core dovecot-imapd openssl curl ca-certificates; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    log "installing: ${missing[*]}"
    echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
    echo "postfix postfix/mailname string mail.$DOMAIN" | debconf-set-selections
    # Keep the maintainer scripts from starting the daemons with their default config.
    created_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; created_policy=1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
    if [ "$created_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
fi
command -v smtp-sink >/dev/null && command -v smtp-source >/dev/null \
    || die "smtp-sink/smtp-source not found (they ship with the postfix package)"

# ------------------------------------------------------------------------- vmail user + Maildirs
getent group vmail >/dev/null || groupadd -g "$VMAIL_ID" vmail
getent passwd vmail >/dev/null || useradd -u "$VMAIL_ID" -g vmail -d "$VBASE" -M -s /usr/sbin/nologin vmail
VUID=$(id -u vmail); VGID=$(id -g vmail)
install -d -o vmail -g vmail -m 0770 "$VBASE" "$MAILDIR_BASE"
for u in $USERS; do
    [ -d "$MAILDIR_BASE/$u/new" ] && continue
    for d in "" /cur /new /tmp; do install -d -o vmail -g vmail -m 0700 "$MAILDIR_BASE/$u$d"; done
done

# ------------------------------------------------------------------------- TLS: test CA + server cert
changed=0
install -d -m 0755 "$ETC"
install -d -m 0700 "$PRIVATE"
if [ ! -s "$CA" ] || [ ! -s "$CA_KEY" ] || ! openssl x509 -in "$CA" -noout -checkend 2592000 >/dev/null 2>&1; then
    log "creating the test CA $CA"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/O=Relance tests/CN=Relance Test CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -keyout "$CA_KEY" -out "$CA" 2>/dev/null
    chmod 0600 "$CA_KEY"; chmod 0644 "$CA"
    rm -f "$CERT"
    changed=1
fi
cert_is_good() {
    [ -s "$CERT" ] && [ -s "$KEY" ] &&
    openssl verify -CAfile "$CA" "$CERT" >/dev/null 2>&1 &&
    openssl x509 -in "$CERT" -noout -checkend 2592000 >/dev/null 2>&1 &&
    openssl x509 -in "$CERT" -noout -checkhost "mail.$DOMAIN" -checkip 127.0.0.1 2>/dev/null | grep -vq 'NOT match'
}
if ! cert_is_good; then
    log "creating the server certificate $CERT"
    ext=$(mktemp)
    cat > "$ext" <<EOF
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:mail.$DOMAIN,DNS:localhost,IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid,issuer
EOF
    csr=$(mktemp)
    openssl req -new -newkey rsa:2048 -nodes -subj "/O=Relance tests/CN=mail.$DOMAIN" \
        -keyout "$KEY" -out "$csr" 2>/dev/null
    openssl x509 -req -in "$csr" -CA "$CA" -CAkey "$CA_KEY" -CAcreateserial -CAserial "$PRIVATE/ca.srl" \
        -days 825 -extfile "$ext" -out "$CERT" 2>/dev/null
    rm -f "$ext" "$csr"
    chmod 0600 "$KEY"; chmod 0644 "$CERT"
    cert_is_good || die "the new server certificate does not verify against $CA"
    changed=1
fi

# ------------------------------------------------------------------------- Postfix
echo "mail.$DOMAIN" | write_if_changed /etc/mailname || true
for u in $USERS; do echo "$u@$DOMAIN $DOMAIN/$u/"; done | write_if_changed "$MAILBOX_MAP" || true  # trailing / = Maildir
write_if_changed "$ACCESS_MAP" <<EOF || true
tempfail@$DOMAIN 450 4.2.0 Mailbox temporarily unavailable (test)
policy@$DOMAIN 550 5.7.1 Message refused by policy (test)
full@$DOMAIN 552 5.2.2 Mailbox full (test)
EOF
for map in "$MAILBOX_MAP" "$ACCESS_MAP"; do
    if [ ! "$map.db" -nt "$map" ]; then postmap "$map"; changed=1; fi
done
[ -f /etc/aliases ] || echo "postmaster: root" > /etc/aliases
[ /etc/aliases.db -nt /etc/aliases ] || newaliases

# sorted: postconf -F/-M may reorder master.cf lines without changing anything.
postfix_fingerprint() { sort /etc/postfix/main.cf /etc/postfix/master.cf 2>/dev/null | sha256sum; }
before=$(postfix_fingerprint)
postconf -e \
    "myhostname = mail.$DOMAIN" \
    "mydomain = $DOMAIN" \
    "myorigin = \$myhostname" \
    "mydestination = localhost" \
    "inet_interfaces = 127.0.0.1" \
    "inet_protocols = ipv4" \
    "mynetworks = 127.0.0.0/8" \
    "relayhost =" \
    "recipient_delimiter = +" \
    "smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination" \
    "smtpd_recipient_restrictions = check_recipient_access hash:$ACCESS_MAP" \
    "virtual_mailbox_domains = $DOMAIN" \
    "virtual_mailbox_base = $VBASE" \
    "virtual_mailbox_maps = hash:$MAILBOX_MAP" \
    "virtual_uid_maps = static:$VUID" \
    "virtual_gid_maps = static:$VGID" \
    "virtual_minimum_uid = 100" \
    "smtpd_reject_unlisted_recipient = no" \
    "default_transport = error:5.1.2 the Relance test stack delivers only to $DOMAIN" \
    "relay_transport = error:5.1.2 the Relance test stack delivers only to $DOMAIN" \
    "smtpd_tls_cert_file = $CERT" \
    "smtpd_tls_key_file = $KEY" \
    "smtpd_tls_security_level = may" \
    "smtp_tls_security_level = none" \
    "smtpd_sasl_type = dovecot" \
    "smtpd_sasl_path = private/auth" \
    "smtpd_sasl_auth_enable = no" \
    "disable_dns_lookups = yes" \
    "smtp_dns_support_level = disabled" \
    "maillog_file = /var/log/postfix.log" \
    "compatibility_level = 3.6"
# default_transport=error above: a test stack must never open a connection off this machine.
# No chroot: the Debian init script that copies files into the jail is not used here.
postconf -F '*/*/chroot = n'
postconf -M "smtp/inet=smtp inet n - n - - smtpd"
postconf -M "127.0.0.1:2525/inet=127.0.0.1:2525 inet n - n - - smtpd"
postconf -P "127.0.0.1:2525/inet/syslog_name=postfix/reject" \
            "127.0.0.1:2525/inet/smtpd_reject_unlisted_recipient=yes"
for svc in submission smtps; do
    postconf -M "$svc/inet=$svc inet n - n - - smtpd"
    postconf -P "$svc/inet/syslog_name=postfix/$svc" \
                "$svc/inet/smtpd_sasl_auth_enable=yes" \
                "$svc/inet/smtpd_client_restrictions=permit_sasl_authenticated,reject" \
                "$svc/inet/smtpd_relay_restrictions=permit_sasl_authenticated,reject"
done
postconf -P "submission/inet/smtpd_tls_security_level=encrypt" \
            "smtps/inet/smtpd_tls_wrappermode=yes"
postconf -M "postlog/unix-dgram=postlog unix-dgram n - n - 1 postlogd"
[ "$(postfix_fingerprint)" = "$before" ] || changed=1
if [ "$changed" = 1 ]; then postfix check; fi   # slow (walks the whole spool): only after a change

# ------------------------------------------------------------------------- Dovecot (one self-contained config)
if [ -f /etc/dovecot/dovecot.conf ] && ! grep -q '^# relance-test' /etc/dovecot/dovecot.conf; then
    cp -a /etc/dovecot/dovecot.conf /etc/dovecot/dovecot.conf.dist
fi
if for u in $USERS; do echo "$u@$DOMAIN:{PLAIN}$PASSWORD::::::"; done | write_if_changed "$DOVECOT_USERS"; then changed=1; fi
chown root:dovecot "$DOVECOT_USERS"; chmod 0640 "$DOVECOT_USERS"

if write_if_changed /etc/dovecot/dovecot.conf <<EOF; then changed=1; fi
# relance-test: loopback-only IMAP server for Relance's integration tests (written by scripts/mailstack.sh)
protocols = imap
listen = 127.0.0.1
log_path = /var/log/dovecot.log
auth_mechanisms = plain login
disable_plaintext_auth = no
auth_default_realm = $DOMAIN
ssl = yes
ssl_cert = <$CERT
ssl_key = <$KEY
ssl_min_protocol = TLSv1.2
mail_location = maildir:$VBASE/%d/%n
mail_uid = vmail
mail_gid = vmail
first_valid_uid = $VUID
last_valid_uid = $VUID
# Tests open several sessions per user at once (IDLE plus a fetch, parallel tests).
mail_max_userip_connections = 50
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DOVECOT_USERS
}
userdb {
  driver = static
  args = uid=vmail gid=vmail home=$VBASE/%d/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = 143
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = 993
    ssl = yes
  }
}
service auth {
  unix_listener /var/spool/postfix/private/auth {
    mode = 0660
    user = postfix
    group = postfix
  }
}
EOF
doveconf -n >/dev/null   # syntax check

# ------------------------------------------------------------------------- start / reload
# The daemons must not inherit the caller's stdout/stderr or any other open descriptor:
# otherwise `bash mailstack.sh | tail` or a CI log pipe never sees EOF and hangs.
detached() {
    ( for fd in /proc/self/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-"; done
      exec setsid "$@" ) </dev/null >/dev/null 2>&1
}
# Pid files rather than `postfix status`, which can take seconds on a loaded machine.
# The command name guards against a stale pid file whose pid now belongs to something else
# (after a reboot or a CI run that killed every process), which would skip the start.
running() {
    local pid comm
    read -r pid 2>/dev/null < "$1" && [ -n "$pid" ] && read -r comm 2>/dev/null < "/proc/$pid/comm" && [ "$comm" = "$2" ] &&
        ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$pid/stat" 2>/dev/null   # a zombie is not running
}
if running /var/spool/postfix/pid/master.pid master; then
    if [ "$changed" = 1 ]; then log "postfix running: reload"; detached postfix reload; fi
else
    log "starting postfix"; detached postfix start
fi
if running /run/dovecot/master.pid dovecot; then
    if [ "$changed" = 1 ]; then log "dovecot running: reload"; detached doveadm reload; fi
else
    rm -f /run/dovecot/master.pid   # stale: dovecot would refuse to start if its pid was reused
    log "starting dovecot"; detached dovecot
fi

# ------------------------------------------------------------------------- facts for the tests
write_if_changed "$ETC/mailstack.env" <<EOF || true
RELANCE_TEST_DOMAIN=$DOMAIN
RELANCE_TEST_PASSWORD=$PASSWORD
RELANCE_TEST_CA=$CA
RELANCE_TEST_HOST=127.0.0.1
RELANCE_TEST_SMTP_PORT=25
RELANCE_TEST_SMTP_REJECT_PORT=2525
RELANCE_TEST_SUBMISSION_PORT=587
RELANCE_TEST_SMTPS_PORT=465
RELANCE_TEST_IMAP_PORT=143
RELANCE_TEST_IMAPS_PORT=993
RELANCE_TEST_MAILDIR=$MAILDIR_BASE
EOF

# ------------------------------------------------------------------------- wait + self-test
wait_port() {
    for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
    die "port $1 does not answer (see /var/log/postfix.log and /var/log/dovecot.log)"
}
for p in 25 2525 587 465 143 993; do wait_port "$p"; done
if [ "$changed" = 1 ]; then sleep 0.5; fi   # let a reload finish swapping listeners

AUTH="postmaster@$DOMAIN:$PASSWORD"
CURL=(curl -sS --max-time 10)
token="selftest-$(date +%s%N)"
message() { printf 'From: postmaster@%s\r\nTo: postmaster@%s\r\nSubject: mailstack self-test %s\r\n\r\nok\r\n' "$DOMAIN" "$DOMAIN" "$1"; }
message "$token-25" | "${CURL[@]}" smtp://127.0.0.1:25 \
    --mail-from "postmaster@$DOMAIN" --mail-rcpt "postmaster@$DOMAIN" -T - \
    || die "self-test: sending on port 25 failed"
message "$token-587" | "${CURL[@]}" --ssl-reqd --cacert "$CA" smtp://127.0.0.1:587 -u "$AUTH" \
    --mail-from "postmaster@$DOMAIN" --mail-rcpt "postmaster@$DOMAIN" -T - \
    || die "self-test: STARTTLS + AUTH on port 587 failed"
message "$token-465" | "${CURL[@]}" --cacert "$CA" smtps://127.0.0.1:465 -u "$AUTH" \
    --mail-from "postmaster@$DOMAIN" --mail-rcpt "postmaster@$DOMAIN" -T - \
    || die "self-test: implicit TLS + AUTH on port 465 failed"
"${CURL[@]}" --ssl-reqd --cacert "$CA" "imap://127.0.0.1:143/" -u "$AUTH" -X 'EXAMINE INBOX' >/dev/null \
    || die "self-test: IMAP STARTTLS on port 143 failed"
"${CURL[@]}" --cacert "$CA" "imaps://127.0.0.1:993/" -u "$AUTH" -X 'EXAMINE Sent' >/dev/null \
    || die "self-test: IMAPS on port 993 (or the Sent folder) failed"
if curl -s --max-time 10 "imaps://127.0.0.1:993/" -u "$AUTH" -X 'CAPABILITY' >/dev/null 2>&1; then
    die "self-test: TLS verification succeeded WITHOUT the test CA; tests of verification would be meaningless"
fi
for suffix in 25 587 465; do
    for _ in $(seq 1 100); do
        grep -rqs "mailstack self-test $token-$suffix" "$MAILDIR_BASE/postmaster/new" && break
        sleep 0.1
    done
    grep -rqs "mailstack self-test $token-$suffix" "$MAILDIR_BASE/postmaster/new" \
        || die "self-test: the message sent on port $suffix was not delivered (see /var/log/postfix.log)"
done
# Self-test messages are noise for anyone reading postmaster's mailbox: remove them.
grep -rlZs "mailstack self-test $token-" "$MAILDIR_BASE/postmaster/new" | xargs -0r rm -f

elapsed_ms=$(( $(date +%s%N) / 1000000 - started_ms ))
log "ok in $((elapsed_ms / 1000)).$(printf %03d $((elapsed_ms % 1000)))s: smtp 127.0.0.1:25 (bounce) :2525 (reject) :587 (starttls+auth) :465 (tls+auth), imap :143 :993, domain $DOMAIN, facts in $ETC/mailstack.env"

# Sourced by the benchmarks that send into Postfix's smtp-sink (smtp-send.sh, shared-book.sh,
# pg-statements.sh): the one creditor they all configure, so that their figures compare, and the
# sink they all send to.
#
#   sink_creditor_toml [EXTRA_CREDITOR_LINE]
#
# Prints relance.toml's folders and creditor `acme`: VERP bounces, an archive copy of each message
# (archive_bcc, read back over the mail stack's IMAP on $IMAP_PORT: the evidence that lets the sender
# claim in batches), and SMTP in plain text to smtp-sink on 127.0.0.1:$PORT. Uses $ROOT (the
# repository) for the templates. EXTRA_CREDITOR_LINE goes into [creditors.acme] (e.g.
# "smtp_connections = 4").
sink_creditor_toml() {
    local extra=${1:-}
    cat <<TOML
drop_folder = "drop"
create_drop_folder = true
state_folder = "state"
templates_folder = "$ROOT/mail-templates"
stable_after_seconds = 0

[creditors.acme]
legal_name = "ACME Équipements SAS"
sender = "compta@acme.example"
bounce_address = "bounces@acme.example"
verp = true
iban = "FR76 3000 4000 0312 3456 7890 143"
active = true
${extra:+$extra
}archive_bcc = "archive@relance.test"

[creditors.acme.archive_imap]
host = "127.0.0.1"
port = $IMAP_PORT
security = "starttls"
ca_file = "/etc/relance-test/ca.pem"
username = "archive@relance.test"
password_credential = "archive-password"

[creditors.acme.smtp]
host = "127.0.0.1"
port = $PORT
security = "plain"
TOML
}

# Starts Postfix's smtp-sink ($SINK) on 127.0.0.1:$PORT in the background (its pid in SINK_PID, for
# the caller's cleanup) and waits until it accepts connections. As root, smtp-sink insists on
# dropping privileges to a named user.
start_smtp_sink() {
    local as=()
    if [ "$(id -u)" = 0 ]; then as=(-u nobody); fi
    "$SINK" "${as[@]}" 127.0.0.1:"$PORT" 1000 &
    SINK_PID=$!
    for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 0.1; done
}

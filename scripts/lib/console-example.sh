# console-example.sh - sourced by the console's screenshot and browser-test scripts: the bundled
# example (examples/) imported with a contacts file giving one phone number, walked to 15 January 2027 (with a fresh export
# of 14 January) so that calls and letters are due,
# a file the intake refuses (with `bank` as second argument, the example bank statement too; with
# RELANCE_EXAMPLE_REVIEW=1, the last day's reminders left awaiting approval; with
# RELANCE_EXAMPLE_MAILSTACK=1, sent through the loopback Postfix to t49's mailbox), a
# console user `claire` (password in $console_password), then
# `relance run` with [web] on 127.0.0.1:$port. Sets $work, $config, $relance, $daemon; the caller
# traps EXIT with stop_console_example.
console_password='correct horse battery staple'

# Every customer address of these files becomes t49+DOMAIN at the mail stack's domain
# (RELANCE_EXAMPLE_MAILSTACK=1); nothing otherwise.
to_mailstack() {
    [ "${RELANCE_EXAMPLE_MAILSTACK:-}" = 1 ] || return 0
    sed -i -E "s/[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+)\.example/t49+\\1@$RELANCE_TEST_DOMAIN/g" "$@"
}

start_console_example() {
    local port=$1 bank=${2:-}
    relance=${RELANCE_BIN:-$(swift build --show-bin-path)/relance}
    work=$(mktemp -d /tmp/relance-console-XXXXXX)
    mkdir -p "$work/examples/work/drop"
    cp examples/exports/* "$work/examples/work/drop/"
    # A phone number for the customer without an email, so that its call has a tel: link; and
    # Garage des Lilas already sent the formal letter on 20/11/2026 (the step reached, by hand),
    # so that a registered letter is to post by the walk's last day.
    printf 'customer;name;phone;step reached;last contact\n%s\n%s\n' 'C0004;Cabinet Lefèvre & Associés;+33 2 40 12 34 56;;' \
        'C0002;Garage des Lilas;;formal-letter;20/11/2026' > "$work/examples/work/drop/contacts.csv"
    cp -r mail-templates "$work/mail-templates"
    # The ECB rate of 2026-S2 (the figure examples/relance.toml shows, not an official one): the
    # registered letter counts late-payment interest, and waits without it.
    { cat examples/relance.toml; printf '\n[web]\nlisten = "127.0.0.1:%s"\n' "$port"
      printf '\n[penalties]\necb_rates = { "2026-S2" = 2.15 }\n'; } > "$work/examples/relance.toml"
    config="$work/examples/relance.toml"
    # RELANCE_EXAMPLE_MAILSTACK=1: reminders leave through the loopback Postfix (scripts/mailstack.sh,
    # submission with STARTTLS as t48), and every customer's address becomes t49+DOMAIN at the
    # stack's domain, so that what is sent lands in t49's mailbox in Dovecot.
    if [ "${RELANCE_EXAMPLE_MAILSTACK:-}" = 1 ]; then
        . /etc/relance-test/mailstack.env
        to_mailstack "$work/examples/work/drop/"*.csv
        printf '\n[defaults.smtp]\nhost = "%s"\nport = %s\nsecurity = "starttls"\nusername = "t48@%s"\npassword_credential = "smtp-password"\nca_file = "%s"\n' \
            "$RELANCE_TEST_HOST" "$RELANCE_TEST_SUBMISSION_PORT" "$RELANCE_TEST_DOMAIN" "$RELANCE_TEST_CA" >> "$config"
        export RELANCE_CREDENTIAL_SMTP_PASSWORD="$RELANCE_TEST_PASSWORD"
    fi

    "$relance" run --once --config "$config" --now 2026-11-30 > /dev/null
    # `start_console_example PORT bank`: the example bank statement of 3 December too (one receipt
    # matched by its invoice number, one left for a person to link on the Bank receipts page).
    if [ "$bank" = bank ]; then
        cp examples/bank/releve-cfonb120-2026-12-03.txt "$work/examples/work/drop/"
        "$relance" run --once --config "$config" --now 2026-12-04 > /dev/null
    fi
    for day in 2026-12-10 2026-12-21 2027-01-05; do
        "$relance" run --once --config "$config" --now "$day" > /dev/null
    done
    # The accountant's export of 14 January (nobody paid since 27 November): without a recent
    # export nothing leaves, and the last day would only say so.
    sed 's#au 27/11/2026#au 14/01/2027#' examples/exports/balance-agee-au-2026-11-27.csv \
        > "$work/examples/work/drop/balance-agee-au-2027-01-14.csv"
    to_mailstack "$work/examples/work/drop/balance-agee-au-2027-01-14.csv"
    # RELANCE_EXAMPLE_REVIEW=1: the creditor is in review mode on the last day, so that the day's
    # reminders wait on Today for a person's approval (written with that day's figures: one left
    # from an earlier day would be withdrawn and written again by the next plan); it is made active
    # again the same day, which opens the day's tasks for people that review mode only described and
    # leaves the day's reminders awaiting.
    if [ "${RELANCE_EXAMPLE_REVIEW:-}" = 1 ]; then
        sed -i 's/^active = true$/active = false/' "$config"
        "$relance" run --once --config "$config" --now 2027-01-15 > /dev/null
        sed -i 's/^active = false$/active = true/' "$config"
    fi
    "$relance" run --once --config "$config" --now 2027-01-15 > /dev/null
    # A file with an unreadable amount, so that the Imports page shows a refusal and its explanation.
    printf 'customer;name;email;invoice;issue_date;due_date;amount\nC0001;Boulangerie;x@example.com;FA-9;2026-12-01;2027-01-01;mille euros\n' \
        > "$work/examples/work/drop/export-casse.csv"
    "$relance" run --once --config "$config" --now 2027-01-15 > /dev/null
    printf '%s\n' "$console_password" | "$relance" user add claire --all-creditors --config "$config" > /dev/null

    serve_console "$relance" "$config" 2027-01-15 "$work/daemon.log" "$port"
}

# serve_console RELANCE CONFIG NOW LOG PORT: `relance run` (with its [web] console on PORT) in the
# background, its pid in $daemon, once the console answers /healthz; its log printed if it never does.
serve_console() {
    local relance=$1 config=$2 now=$3 log=$4 port=$5
    "$relance" run --config "$config" --now "$now" > "$log" 2>&1 &
    daemon=$!
    for _ in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && return 0
        sleep 0.2
    done
    curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null || { cat "$log"; return 1; }
}

stop_console_example() {
    if [ -n "${daemon:-}" ]; then kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; fi
    [ -n "${work:-}" ] && rm -rf "$work"
}

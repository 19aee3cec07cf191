#!/usr/bin/env python3
"""Fills a Maildir for the IMAP poll benchmark (benchmarks/imap-poll.sh).

  imap_poll_fill.py MAILDIR --old N [--new N --reminders OUTBOX_DIR --corpus BOUNCES_DIR]

Old messages get a file time a year back (Dovecot's INTERNALDATE for Maildir), so a first
poll that looks back a few days never reads them; new ones are dated now. The new ones mix
what a creditor's mailbox receives: bounces of our reminders (wrong address, full mailbox),
replies and auto-replies to them (quoting their Message-ID), bounces of other people's mail
from the real-world corpus, and unrelated human mail, some of it unread.
"""
import argparse, email, email.utils, os, random, socket, time

HOST = socket.gethostname()
counter = 0


def write(maildir, text, when, seen):
    global counter
    counter += 1
    name = f"{int(when)}.B{counter}.{HOST}:2,{'S' if seen else ''}"
    path = os.path.join(maildir, "cur", name)
    data = text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8", "surrogateescape")
    with open(path, "wb") as handle:
        handle.write(data)
    os.utime(path, (when, when))


def unrelated(index, day):
    return f"""From: Colleague {index % 50} <colleague{index % 50}@partner.example>
To: compta@bench.example
Subject: Dossier {index}: point de la semaine
Message-ID: <unrelated-{index}-{day}@partner.example>
Date: {email.utils.formatdate(day)}
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="alt{index}"

--alt{index}
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Bonjour,=0A=0Avoici le point sur le dossier {index} : rien de particulier.=0A{"Ligne de remplissage. " * 20}

--alt{index}
Content-Type: text/html; charset=utf-8

<p>Bonjour,</p><p>voici le point sur le dossier {index}.</p>
--alt{index}--
"""


def bounce(reminder, status, diagnostic, index):
    rcpt = reminder["to"]
    return f"""Return-Path: <>
From: MAILER-DAEMON@mx.client.example (Mail Delivery System)
To: {reminder["from"]}
Subject: Undelivered Mail Returned to Sender
Message-ID: <bounce-{index}@mx.client.example>
Date: {email.utils.formatdate()}
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B{index}"

--B{index}
Content-Type: text/plain

This is the mail system at host mx.client.example. Your message could not be delivered.

--B{index}
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.client.example

Final-Recipient: rfc822; {rcpt}
Original-Recipient: rfc822; {rcpt}
Action: failed
Status: {status}
Diagnostic-Code: smtp; {diagnostic}

--B{index}
Content-Type: text/rfc822-headers

From: {reminder["from"]}
To: {rcpt}
Subject: {reminder["subject"]}
Message-ID: {reminder["message_id"]}

--B{index}--
"""


REPLIES = [
    "Bonjour, nous avons déjà payé cette facture par virement la semaine dernière.",
    "Bonjour, nous réglerons la facture le 15/12/2026. Cordialement",
    "Hello, we never received this invoice, could you send it again?",
    "Bonjour, nous contestons le montant de cette facture : la livraison était incomplète.",
    "Merci, je transmets au service comptable.",
]


def reply(reminder, index):
    return f"""From: Client <{reminder["to"]}>
To: {reminder["from"]}
Subject: Re: {reminder["subject"]}
Message-ID: <reply-{index}@client.example>
In-Reply-To: {reminder["message_id"]}
References: {reminder["message_id"]}
Date: {email.utils.formatdate()}
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

{REPLIES[index % len(REPLIES)]}

Le 30/11/2026, ACME a écrit :
> {reminder["subject"]}
> Votre facture reste due.
"""


def autoreply(reminder, index):
    return f"""From: <{reminder["to"]}>
To: {reminder["from"]}
Subject: Absence du bureau
Message-ID: <away-{index}@client.example>
In-Reply-To: {reminder["message_id"]}
Auto-Submitted: auto-replied
Date: {email.utils.formatdate()}
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Je suis absent jusqu'au {1 + index % 28}/12/2026 inclus. Je lirai votre message à mon retour.
"""


def reminders(folder):
    found = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".eml"):
            continue
        with open(os.path.join(folder, name), "rb") as handle:
            message = email.message_from_binary_file(handle)
        found.append({"message_id": message["Message-ID"], "to": email.utils.parseaddr(message["To"])[1],
                      "from": email.utils.parseaddr(message["From"])[1], "subject": str(message["Subject"])})
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("maildir")
    parser.add_argument("--old", type=int, default=0)
    parser.add_argument("--new", type=int, default=0)
    parser.add_argument("--reminders")
    parser.add_argument("--corpus")
    arguments = parser.parse_args()
    old_random, new_random = random.Random(6), random.Random(7)   # the same new mail whatever the number of old
    now = time.time()
    year_ago = now - 365 * 86400
    for index in range(arguments.old):
        write(arguments.maildir, unrelated(index, int(year_ago)), year_ago + index, seen=old_random.random() < 0.9)
    if arguments.new == 0:
        return
    sent = reminders(arguments.reminders)
    corpus = [os.path.join(arguments.corpus, name) for name in sorted(os.listdir(arguments.corpus)) if name.endswith(".eml")]
    # Per 1,000: 150 wrong addresses, 100 full mailboxes, 150 replies, 150 auto-replies, 200 other people's
    # bounces (the real-world corpus), 250 unrelated messages.
    kinds = (["wrong"] * 150 + ["full"] * 100 + ["reply"] * 150 + ["away"] * 150 + ["corpus"] * 200 + ["unrelated"] * 250)
    new_random.shuffle(kinds)
    kinds = (kinds * (arguments.new // len(kinds) + 1))[:arguments.new]
    for index, kind in enumerate(kinds):
        reminder = sent[index % len(sent)]
        if kind == "wrong":
            text = bounce(reminder, "5.1.1", f"550 5.1.1 <{reminder['to']}>: Recipient address rejected: User unknown", index)
        elif kind == "full":
            text = bounce(reminder, "5.2.2", "552 5.2.2 Mailbox full", index)
        elif kind == "reply":
            text = reply(reminder, index)
        elif kind == "away":
            text = autoreply(reminder, index)
        elif kind == "corpus":
            with open(corpus[index % len(corpus)], "rb") as handle:
                text = handle.read().decode("utf-8", "surrogateescape")
        else:
            text = unrelated(100_000 + index, int(now))
        write(arguments.maildir, text, now - 60 + index * 0.01, seen=kind != "unrelated" and new_random.random() < 0.5)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The reference for benchmarks/imap-poll.sh: Python's imaplib and email read the same new
messages a first Relance poll reads (those since a few days), one UID FETCH each over one
connection, and parse every part. No classification, no store: a floor, not a rival.

  imap_poll_reference.py HOST PORT USER PASSWORD SINCE_DAYS [peek|restore]

peek (default): BODY.PEEK[], flags untouched. restore: what Relance must do through libcurl,
whose URL fetch sends BODY[] (which sets \Seen): fetch BODY[], then put the unread ones back
with UID STORE -FLAGS (\Seen). The difference between the two is the server's cost of flag
changes (with Maildir, a file rename each).
"""
import datetime, email, email.policy, imaplib, sys, time

host, port, user, password, since_days = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
restore = len(sys.argv) > 6 and sys.argv[6] == "restore"
started = time.perf_counter()
connection = imaplib.IMAP4(host, port)
connection.login(user, password)
connection.select("INBOX", readonly=not restore)
since = (datetime.date.today() - datetime.timedelta(days=since_days)).strftime("%d-%b-%Y")
_, data = connection.uid("SEARCH", None, "SINCE", since)
uids = data[0].split()
_, data = connection.uid("SEARCH", None, "SINCE", since, "UNSEEN")
unseen = set(data[0].split())
parts = 0
for uid in uids:
    _, fetched = connection.uid("FETCH", uid, "(BODY[])" if restore else "(BODY.PEEK[])")
    if restore and uid in unseen:
        connection.uid("STORE", uid, "-FLAGS", "(\\Seen)")
    message = email.message_from_bytes(fetched[0][1], policy=email.policy.default)
    for part in message.walk():
        if part.get_content_maintype() == "text":
            try:
                part.get_content()
            except (LookupError, ValueError):
                pass
        parts += 1
connection.logout()
elapsed = time.perf_counter() - started
print(f"{len(uids)} {elapsed:.3f} {parts}")

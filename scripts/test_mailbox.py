"""A test user's INBOX on the loopback mail stack (scripts/mailstack.sh), over IMAP with STARTTLS
verified against the stack's own authority. Used by the console's browser test.

Usage: test_mailbox.py empty USER
       test_mailbox.py wait USER MESSAGE-ID SECONDS   exits 0 once a message with that Message-ID
                                                      is in USER's INBOX, 1 after SECONDS
Reads the stack's facts from /etc/relance-test/mailstack.env (written by scripts/mailstack.sh).
"""
import imaplib
import ssl
import sys
import time
from pathlib import Path


def facts() -> dict:
    path = Path("/etc/relance-test/mailstack.env")
    if not path.exists():
        raise SystemExit(f"{path} is missing: the loopback mail stack is not set up (run bash scripts/mailstack.sh)")
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {key.strip(): value.strip() for key, value in pairs}


def connect(user: str) -> imaplib.IMAP4:
    env = facts()
    imap = imaplib.IMAP4(env["RELANCE_TEST_HOST"], int(env["RELANCE_TEST_IMAP_PORT"]), timeout=20)
    imap.starttls(ssl.create_default_context(cafile=env["RELANCE_TEST_CA"]))
    imap.login(f"{user}@{env['RELANCE_TEST_DOMAIN']}", env["RELANCE_TEST_PASSWORD"])
    imap.select("INBOX")
    return imap


def empty(user: str) -> None:
    imap = connect(user)
    if imap.select("INBOX")[1][0] != b"0":
        imap.store("1:*", "+FLAGS.SILENT", r"(\Deleted)")
        imap.expunge()
    imap.logout()


def wait(user: str, message_id: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while True:
        imap = connect(user)
        found = imap.search(None, "HEADER", "Message-ID", message_id)[1][0].split()
        imap.logout()
        if found:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(1)


if __name__ == "__main__":
    command, user = sys.argv[1], sys.argv[2]
    if command == "empty":
        empty(user)
    elif command == "wait":
        sys.exit(0 if wait(user, sys.argv[3], float(sys.argv[4])) else 1)
    else:
        raise SystemExit(__doc__)

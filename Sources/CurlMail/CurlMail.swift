// SMTP and IMAP over libcurl. See SMTPConnection and IMAPClient.
import CCurl

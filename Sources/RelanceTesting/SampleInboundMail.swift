/// Incoming messages as servers and people write them, for poller tests. Each names the
/// reminder it concerns the way real mail does: a VERP address, a quoted Message-ID, or nothing.
public enum SampleInboundMail {
    /// An RFC 3464 report of a failed delivery, addressed to the VERP envelope sender.
    public static func bounce(to envelope: String, recipient: String, status: String = "5.1.1",
                              diagnostic: String = "550 5.1.1 <%@>: Recipient address rejected: User unknown",
                              originalMessageID: String? = nil, id: String = "bounce-1@mx.example") -> String {
        let diagnosticText = diagnostic.replacingOccurrences(of: "%@", with: recipient)
        return """
            Return-Path: <>
            Delivered-To: \(envelope)
            From: MAILER-DAEMON@mx.example (Mail Delivery System)
            To: \(envelope)
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <\(id)>
            Date: Mon, 30 Nov 2026 10:05:00 +0100
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

            --B1
            Content-Type: text/plain

            I'm sorry to have to inform you that your message could not be delivered.

            --B1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example

            Final-Recipient: rfc822; \(recipient)
            Original-Recipient: rfc822; \(recipient)
            Action: failed
            Status: \(status)
            Diagnostic-Code: smtp; \(diagnosticText)

            --B1
            Content-Type: text/rfc822-headers

            From: compta@acme.example
            To: \(recipient)
            Subject: Rappel
            \(originalMessageID.map { "Message-ID: <\($0)>" } ?? "X-No-Message-ID: none")

            --B1--

            """
    }

    /// A person answering a reminder from their mail program.
    public static func reply(from sender: String, to recipient: String = "compta@acme.example", inReplyTo: String?,
                             text: String, id: String = "reply-1@client.example") -> String {
        """
        From: Client <\(sender)>
        To: \(recipient)
        Subject: Re: Rappel
        Message-ID: <\(id)>
        Date: Mon, 30 Nov 2026 11:00:00 +0100
        \(inReplyTo.map { "In-Reply-To: <\($0)>\nReferences: <\($0)>" } ?? "X-Mailer: Thunderbird")
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        \(text)

        > Le 30/11/2026, ACME a écrit :
        > Rappel : la facture F-1 reste due.

        """
    }

    /// An out-of-office answer (RFC 3834), stating a return date.
    public static func autoReply(from sender: String, inReplyTo: String?, back: String, id: String = "away-1@client.example") -> String {
        """
        From: <\(sender)>
        To: compta@acme.example
        Subject: Absence du bureau
        Message-ID: <\(id)>
        Date: Mon, 30 Nov 2026 10:01:00 +0100
        Auto-Submitted: auto-replied
        \(inReplyTo.map { "In-Reply-To: <\($0)>" } ?? "X-Autoreply: yes")
        Content-Type: text/plain; charset=utf-8

        Je suis absent jusqu'au \(back) inclus. Je lirai votre message à mon retour.

        """
    }

    /// An abuse feedback report (ARF, RFC 5965) quoting our reminder.
    public static func complaint(originalMessageID: String, recipient: String, id: String = "arf-1@isp.example") -> String {
        """
        From: <abuse@isp.example>
        To: <compta@acme.example>
        Subject: Abuse report
        Message-ID: <\(id)>
        Date: Mon, 30 Nov 2026 12:00:00 +0100
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=feedback-report; boundary="F1"

        --F1
        Content-Type: text/plain

        This is an email abuse report.

        --F1
        Content-Type: message/feedback-report

        Feedback-Type: abuse
        User-Agent: ISP-FBL/1.0
        Version: 1

        --F1
        Content-Type: message/rfc822

        From: compta@acme.example
        To: \(recipient)
        Subject: Rappel
        Message-ID: <\(originalMessageID)>

        Rappel.
        --F1--

        """
    }

    /// Mail that has nothing to do with Relance.
    public static func unrelated(id: String = "lunch-1@friend.example") -> String {
        """
        From: Friend <friend@else.example>
        To: compta@acme.example
        Subject: Lunch on Friday?
        Message-ID: <\(id)>
        Date: Mon, 30 Nov 2026 09:00:00 +0100
        Content-Type: text/plain; charset=utf-8

        Shall we have lunch on Friday?

        """
    }
}

import Foundation
import Testing
@testable import RelanceMail

/// Hand-made messages, one per shape of bounce that real collections show and the classifier
/// once missed (issue: "Bounces beyond the shared corpus"). Each is written from the category,
/// not copied from one file, so a rule that only fits one sample fails here.
@Suite("Inbound bounce shapes")
struct InboundBounceShapeTests {
    static func classify(_ text: String) -> InboundClassification {
        InboundClassifier.classify(MIMEMessage.parse(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
    }

    static func bounce(from: String = "MAILER-DAEMON@mx.sender.test", subject: String = "Undelivered Mail Returned to Sender", body: String) -> String {
        """
        From: \(from)
        To: bounces@sender.test
        Subject: \(subject)
        Date: Mon, 30 Nov 2026 10:00:00 +0100
        Message-ID: <b-1@mx.sender.test>
        Content-Type: text/plain; charset=utf-8

        \(body)
        """
    }

    @Test("a domain that does not exist, said only in words, is a wrong address", arguments: [
        "<client@nowhere.test>: Name service error for domain nowhere.test: Host not\n    found",
        "client@nowhere.test\n    DNS lookup failure: nowhere.test",
        "Delivery to client@nowhere.test failed: hostname not found",
    ])
    func unknownDomainInWords(body: String) {
        let result = Self.classify(Self.bounce(body: "This is a permanent error.\n\n" + body))
        #expect(result.kind == .bounce)
        #expect(result.recipients.first?.address == "client@nowhere.test")
        #expect(result.recipients.first?.cause == .unknownDomain)
        #expect(result.recipients.first?.wrongAddress == true)
    }

    @Test("provider wordings of a mailbox that is not there are wrong addresses", arguments: [
        "<client@customer.test>: 550 5.1.1 <client@customer.test>: inactive email address",
        "<client@customer.test>: 550 5.5.0 Requested action not taken: mailbox unavailable",
        "Recipient: client@customer.test\nReason: 550 User not known",
    ])
    func closedMailboxWordings(body: String) {
        let result = Self.classify(Self.bounce(body: body))
        #expect(result.kind == .bounce)
        #expect(result.recipients.first?.wrongAddress == true, "\(result.recipients)")
    }

    @Test("a temporary 'mailbox unavailable' is retried, not a wrong address")
    func temporaryMailboxUnavailable() {
        let result = Self.classify(Self.bounce(body: "<client@customer.test>: 450 4.2.0 Requested action not taken: mailbox unavailable"))
        #expect(result.recipients.first?.wrongAddress == false)
    }

    @Test("the sender's domain (X.1.8) or the recipient's storage are not the recipient's address", arguments: [
        "<client@customer.test>: 553 5.1.8 <bounces@sender.test>: Sender address rejected: Domain not found; user unknown",
        "<client@customer.test>: 450 4.1.1 Recipient address rejected: Media error",
        "<client@customer.test>: 550 Recipient address rejected: On hold",
    ])
    func notTheRecipientsAddress(body: String) {
        let result = Self.classify(Self.bounce(body: body))
        #expect(result.kind == .bounce)
        #expect(result.recipients.first?.wrongAddress == false, "\(result.recipients)")
    }

    @Test("a bounce forwarded by a person is about the original recipient, not a reply")
    func forwardedBounce() {
        let message = """
        From: Marie Comptable <marie@sender.test>
        To: relances@sender.test
        Subject: Fwd: Returned mail: see transcript for details
        Date: Mon, 30 Nov 2026 10:00:00 +0100
        Message-ID: <fwd-1@sender.test>
        Content-Type: text/plain; charset=utf-8

        Pour info.

        ---------- Forwarded message ---------
        From: Mail Delivery Subsystem <MAILER-DAEMON@mx.customer.test>
        Subject: Returned mail: see transcript for details

           ----- The following addresses had permanent fatal errors -----
        <client@customer.test>
            (reason: 550 5.1.1 User unknown)
        """
        let result = Self.classify(message)
        #expect(result.kind == .bounce)
        #expect(result.recipients.contains { $0.address == "client@customer.test" && $0.wrongAddress })
    }

    @Test("a gateway's failure notice sent as an answer is a bounce, not a reply")
    func answeredBounce() {
        let message = Self.bounce(
            from: "SMS Gateway <post_master@sms.customer.test>", subject: "Re: Facture FA-12 : non remis (delivery failed)",
            body: "Votre message n'a pas pu être remis à client@customer.test\nYour message could not be delivered to client@customer.test")
        #expect(Self.classify(message).kind == .bounce)
        let relayed = Self.bounce(
            from: "Relais <relais@customer.test>", subject: "RE: Facture FA-12 : non remis (delivery failed)",
            body: "Your message could not be delivered to\nclient@customer.test")
        #expect(Self.classify(relayed).kind == .bounce)
    }

    @Test("a person answering about a bounce is still a reply")
    func humanAskingAboutBounce() {
        let message = """
        From: Jean Client <jean@customer.test>
        To: relances@sender.test
        Subject: Re: Undelivered Mail Returned to Sender
        Date: Mon, 30 Nov 2026 10:00:00 +0100
        Message-ID: <re-1@customer.test>
        In-Reply-To: <r.1@sender.test>
        Content-Type: text/plain; charset=utf-8

        Bonjour, notre nouvelle adresse est compta@customer.test. Merci de l'utiliser.
        """
        #expect(Self.classify(message).kind == .reply)
    }

    @Test("a mailing list's refusal is not a reply")
    func listRejection() {
        let message = """
        From: clients-ml-admin@customer.test
        To: relances@sender.test
        Subject: Re: Facture FA-12
        Date: Mon, 30 Nov 2026 10:00:00 +0100
        Message-ID: <ml-1@customer.test>
        X-MLServer: fml [fml 4.0.3 release]
        Content-Type: text/plain; charset=utf-8

        You are not member (clients ML). Your mail was not delivered to the list.
        """
        let result = Self.classify(message)
        #expect(result.kind != .reply)
    }

    @Test("delay warnings written in prose are delivery reports", arguments: [
        ("Warning: message 1abc delayed 24 hours", "A message that you sent has not yet been delivered to all its recipients.\n  client@customer.test\nNo action is required on your part."),
        ("Mail Delivery Warning", "This is an advisory-only email.\nDelivery of email to \"client@customer.test\" has been postponed due to a full mailbox."),
        ("Delivery Status Notification (Delay)", "THIS IS A WARNING MESSAGE ONLY.\nDelivery to the following recipient has been delayed:\n   client@customer.test"),
    ])
    func delayWarnings(subject: String, body: String) {
        let result = Self.classify(Self.bounce(from: "Postmaster <postmaster@mx.customer.test>", subject: subject, body: body))
        #expect(result.kind == .deliveryReport, "\(result.reason)")
        #expect(result.recipients.allSatisfy { !$0.permanent })
    }

    @Test("a notice that says it gave up is a bounce even if it mentions a delay")
    func finalAfterDelay() {
        let body = "Delivery to client@customer.test has been delayed for 5 days.\nThis is a permanent error; I've given up."
        #expect(Self.classify(Self.bounce(body: body)).kind == .bounce)
    }
}

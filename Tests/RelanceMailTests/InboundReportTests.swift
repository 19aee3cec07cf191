import Foundation
import RelanceCore
import Testing
@testable import RelanceMail

@Suite("Inbound inspect-mail report and text helpers")
struct InboundReportTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "inbound", withExtension: nil, subdirectory: "Fixtures"))
        return [UInt8](try Data(contentsOf: url.appendingPathComponent(name)))
    }

    @Test("bounce line: exact keys, sorted, recipients filled")
    func bounceLine() throws {
        let line = InspectMailReport.jsonLine(fileName: "dsn.eml", bytes: try Self.fixture("postfix-unknown-user.eml"))
        #expect(line == #"{"file":"dsn.eml","hints":[],"kind":"bounce","recipients":[{"address":"nobody-here@customer.test","permanent":true,"status":"5.1.1","wrong_address":true}],"references":["r.3f9a.42@relance.test"],"return_date":null}"#)
    }

    @Test("auto-reply line carries the return date; reply line carries hints")
    func otherLines() throws {
        let ooo = InspectMailReport.jsonLine(fileName: "a", bytes: try Self.fixture("ooo-fr.eml"))
        #expect(ooo == #"{"file":"a","hints":[],"kind":"autoreply","recipients":[],"references":["r.3f9a.42@fournisseur.test"],"return_date":"2026-12-12"}"#)
        let promise = InspectMailReport.jsonLine(fileName: "b", bytes: try Self.fixture("reply-en-promise.eml"))
        #expect(promise == #"{"file":"b","hints":["promise:2026-12-15"],"kind":"reply","recipients":[],"references":["r.90.1@supplier.test"],"return_date":null}"#)
    }

    @Test("the report decodes back to what was encoded")
    func roundTrip() throws {
        let line = InspectMailReport.jsonLine(fileName: "x/y.eml", bytes: try Self.fixture("reply-fr-paid.eml"))
        let decoded = try JSONDecoder().decode(InspectMailReport.self, from: Data(line.utf8))
        #expect(decoded.file == "x/y.eml")
        #expect(decoded.kind == .reply)
        #expect(decoded.hints == ["paid"])
        #expect(decoded.returnDate == nil)
    }

    @Test("VERP token read raw from the delivery address")
    func verp() {
        let message = MIMEMessage.parse(Array("To: \"Relance\" <bounces+AbC.123-x@relance.test>\n\nhi".utf8))
        #expect(InboundClassifier.classify(message).verpToken == "AbC.123-x")
        let none = MIMEMessage.parse(Array("To: billing@relance.test\n\nhi".utf8))
        #expect(InboundClassifier.classify(none).verpToken == nil)
    }

    @Test("dates in text", arguments: [
        ("de retour le 12 décembre", "2026-12-12"),
        ("jusqu'au 12/12/2026 inclus", "2026-12-12"),
        ("jusqu’au 3 janvier", "2027-01-03"),
        ("back on December 12th", "2026-12-12"),
        ("out until 12/12/2026", "2026-12-12"),
        ("back on Monday, January 4, 2027", "2027-01-04"),
        ("zurück am 07.01.2027", "2027-01-07"),
        ("absent du 1er au 15 décembre", "2026-12-15"),
        ("out of the office from 20 December to 4 January", "2027-01-04"),
        ("fuera de la oficina del 20 de diciembre al 7 de enero", "2027-01-07"),
    ])
    func returnDates(text: String, expected: String) {
        let sent = CivilDate(year: 2026, month: 11, day: 30)
        #expect(ReturnDateExtractor.returnDate(in: text, reference: sent) == CivilDate(iso8601: expected))
    }

    @Test("a date that is not a return date is not taken")
    func notAReturnDate() {
        let sent = CivilDate(year: 2026, month: 11, day: 30)
        #expect(ReturnDateExtractor.returnDate(in: "Your message of 26/11/2026 was received.", reference: sent) == nil)
    }

    @Test("hints: phrases, not words", arguments: [
        ("Nous avons déjà réglé la facture.", ["paid"]),
        ("Le paiement a été effectué ce matin.", ["paid"]),
        ("We have already paid this invoice.", ["paid"]),
        ("Has it been paid?", []),
        ("Nous contestons le montant de cette facture.", ["dispute"]),
        ("We never received the invoice.", ["not-received"]),
        ("Nous réglerons la facture le 20 décembre.", ["promise:2026-12-20"]),
        ("Merci pour votre message.", []),
        ("Nous vous avons envoyé un chèque la semaine dernière.", ["paid"]),
        ("Cette facture n'est pas due, nous attendons un avoir.", ["dispute"]),
    ])
    func hints(text: String, expected: [String]) {
        let found = ReplyHintDetector.hints(in: text, reference: CivilDate(year: 2026, month: 11, day: 30))
        #expect(found.map(\.description) == expected)
    }

    @Test("HTML-only reply: the quoted original after Gmail's marker is not read")
    func htmlReply() {
        let text = """
        From: c@client.test
        Subject: Re: Facture
        In-Reply-To: <r.1@f.test>
        Content-Type: text/html; charset=utf-8

        <div dir="ltr">Nous n&#39;avons jamais re&ccedil;u&nbsp;la facture.<br>Merci</div><br><div class="gmail_quote"><div>Le lun. 30 nov. 2026, Relance a écrit :</div><blockquote>Si vous avez déjà payé, merci d'ignorer.</blockquote></div>
        """
        let result = InboundClassifier.classify(MIMEMessage.parse(Array(text.utf8)))
        #expect(result.kind == .reply)
        #expect(!result.excerpt.contains("ignorer"))
        #expect(result.hints == [.notReceived])
        #expect(result.excerpt.hasPrefix("Nous n'avons jamais reçu la facture."))
    }

    @Test("quoted originals, attributions and signatures are cut")
    func stripping() {
        let text = """
        Thanks, noted.

        On Mon, Nov 30, 2026 at 9:00 AM Billing <b@s.test>
        wrote:
        > We have not received your payment.
        """
        #expect(ReplyText.strip(text) == "Thanks, noted.")
        #expect(ReplyText.strip("Ok.\n-- \nJohn, already paid") == "Ok.")
        #expect(ReplyText.strip("Vu.\nDe : Relance <r@f.test>\nEnvoyé : lundi\nObjet : facture") == "Vu.")
    }
}

@Suite("Inbound classification rules")
struct InboundClassificationRuleTests {
    static func corpus(_ name: String) throws -> InboundClassification {
        let url = try #require(Bundle.module.url(forResource: "bounces", withExtension: nil, subdirectory: "Fixtures"))
        return InboundClassifier.classify(MIMEMessage.parse([UInt8](try Data(contentsOf: url.appendingPathComponent(name)))))
    }

    @Test("qmail's inline copy of the original gives its Message-ID")
    func inlineOriginal() throws {
        let result = try Self.corpus("lhost-qmail-01.eml")
        #expect(result.kind == .bounce)
        #expect(result.references == ["000000000.9999999999999.JavaMail.postmaster@mailhub"])
        #expect(result.recipients.map(\.address) == ["kijitora@example.ne.jp"])
        #expect(result.recipients.first?.wrongAddress == true)
    }

    @Test("a refusal after DATA is a filter, even when it says \"user unknown\"")
    func afterData() {
        let cause = BounceDiagnosis.cause(status: "5.0.0", text: "550 Unknown user x@y.test (in reply to end of DATA command)")
        #expect(cause == .refused)
        #expect(!cause.meansWrongAddress)
    }

    @Test("causes from status codes and words", arguments: [
        ("5.1.1", "550 5.1.1 <a@b.test>: Recipient address rejected: User unknown in virtual mailbox table", BounceCause.unknownUser),
        ("5.1.2", "Host or domain name not found. Name service error for name=b.test type=A: Host not found", .unknownDomain),
        ("5.2.2", "552 5.2.2 Mailbox full", .mailboxFull),
        ("5.7.1", "554 5.7.1 Service unavailable; Client host blocked using zen.spamhaus.org", .refused),
        ("5.7.1", "550 5.7.1 Sender address rejected: not owned by user", .senderRejected),
        ("4.4.1", "connect to mx.b.test[192.0.2.1]:25: Connection timed out", .transport),
        ("5.1.6", "550 5.1.6 Recipient addresses has moved", .moved),
        ("5.0.0", "550 utilisateur inconnu", .unknownUser),
        ("5.0.0", "Votre message n'a pas été distribué à x@y.test car l'adresse est introuvable", .unknownUser),
    ])
    func causes(status: String, text: String, expected: BounceCause) {
        #expect(BounceDiagnosis.cause(status: status, text: text) == expected)
    }

    @Test("a human answer quoting a bounce's subject is a reply")
    func replyToBounceSubject() {
        let text = "From: Client <c@client.test>\nSubject: Re: Undeliverable: Facture F1\nIn-Reply-To: <x@f.test>\n\nMerci, nous avons corrigé l'adresse.\n"
        let result = InboundClassifier.classify(MIMEMessage.parse(Array(text.utf8)))
        #expect(result.kind == .reply)
    }

    @Test("a delay notice is a delivery report whose recipient is not permanent")
    func delayed() throws {
        let result = try Self.corpus("rfc3464-07.eml")
        #expect(result.kind == .deliveryReport)
        #expect(result.recipients.allSatisfy { $0.action == "delayed" && !$0.permanent })
    }

    @Test("ARF report, Amazon SES JSON notification, Apple vacation")
    func otherShapes() throws {
        #expect(try Self.corpus("arf-01.eml").kind == .complaint)
        let ses = try Self.corpus("lhost-amazonses-10.eml")
        #expect(ses.kind == .bounce)
        #expect(ses.recipients.first?.address == "bounce@simulator.amazonses.com")
        #expect(ses.recipients.first?.status == "5.1.1")
        let vacation = try Self.corpus("rfc3834-03.eml")
        #expect(vacation.kind == .autoreply)
    }
}

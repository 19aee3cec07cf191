import Foundation
import RelanceCore
import Testing
@testable import RelanceMail

/// Hand-written messages in the shapes Relance meets: customers' replies, out-of-office
/// notices in five languages, our loopback Postfix's bounce, and damaged mail.
@Suite("Inbound fixtures")
struct InboundFixtureTests {
    static func load(_ name: String) throws -> MIMEMessage {
        let url = try #require(Bundle.module.url(forResource: "inbound", withExtension: nil, subdirectory: "Fixtures"))
        return MIMEMessage.parse([UInt8](try Data(contentsOf: url.appendingPathComponent(name))))
    }

    static func classify(_ name: String) throws -> InboundClassification {
        InboundClassifier.classify(try load(name))
    }

    static func date(_ text: String) -> CivilDate { CivilDate(iso8601: text)! }

    @Test("French reply: paid, quoted reminder ignored, references kept")
    func frenchPaid() throws {
        let result = try Self.classify("reply-fr-paid.eml")
        #expect(result.kind == .reply)
        // The quoted reminder says "pas reçu" and "contestez": neither may become a hint.
        #expect(result.hints == [.paid])
        #expect(result.references == ["r.3f9a.42@fournisseur.test", "r.3f9a.41@fournisseur.test"])
        #expect(result.excerpt.contains("Nous avons réglé cette facture hier"))
        #expect(!result.excerpt.contains("a écrit"))
    }

    @Test("English reply: dispute, quoted \"already paid\" ignored")
    func englishDispute() throws {
        let result = try Self.classify("reply-en-dispute.eml")
        #expect(result.kind == .reply)
        #expect(result.hints == [.dispute])
        #expect(result.references == ["r.77.1@supplier.test"])
    }

    @Test("French reply: invoice not received; the signature is not read")
    func frenchNotReceived() throws {
        let message = try Self.load("reply-fr-not-received.eml")
        #expect(message.headers.text("From") == "Benoît Durand <b.durand@client-exemple.fr>")
        #expect(message.headers.text("Subject") == "Re: Relance : facture non réglée")
        let result = InboundClassifier.classify(message)
        #expect(result.kind == .reply)
        #expect(result.hints == [.notReceived])
    }

    @Test("promised payment dates, year resolved from the message date", arguments: [
        ("reply-en-promise.eml", "2026-12-15"),
        ("reply-fr-promise.eml", "2027-01-15"),
    ])
    func promises(file: String, expected: String) throws {
        let result = try Self.classify(file)
        #expect(result.kind == .reply)
        #expect(result.hints.contains(.promise(Self.date(expected))))
        #expect(!result.hints.contains(.paid))
    }

    @Test("out-of-office in five languages, with the stated return date", arguments: [
        ("ooo-fr.eml", "2026-12-12"),
        ("ooo-en.eml", "2027-01-05"),
        ("ooo-de.eml", "2027-01-04"),
        ("ooo-es.eml", "2027-01-08"),
        ("ooo-it-date.eml", "2027-01-07"),
    ])
    func outOfOfficeWithDate(file: String, expected: String) throws {
        let result = try Self.classify(file)
        #expect(result.kind == .autoreply, "\(file): \(result.reason)")
        #expect(result.returnDate == Self.date(expected))
        #expect(result.hints.isEmpty)
    }

    @Test("out-of-office without a return date", arguments: ["ooo-it.eml", "ooo-en-nodate.eml"])
    func outOfOfficeWithoutDate(file: String) throws {
        let result = try Self.classify(file)
        #expect(result.kind == .autoreply)
        #expect(result.returnDate == nil)
    }

    @Test("Postfix DSN for an unknown user: wrong address, original Message-ID, VERP token")
    func postfixUnknownUser() throws {
        let result = try Self.classify("postfix-unknown-user.eml")
        #expect(result.kind == .bounce)
        let recipient = try #require(result.recipients.first)
        #expect(result.recipients.count == 1)
        #expect(recipient.address == "nobody-here@customer.test")
        #expect(recipient.status == "5.1.1")
        #expect(recipient.permanent)
        #expect(recipient.wrongAddress)
        #expect(recipient.cause == .unknownUser)
        #expect(result.references == ["r.3f9a.42@relance.test"])
        #expect(result.verpToken == "v1.Q2xpZW50MDQy.sig9f3a")
    }

    @Test("a truncated message is `other`, with the reason")
    func truncated() throws {
        let message = try Self.load("truncated.eml")
        #expect(message.isTruncated)
        let result = InboundClassifier.classify(message)
        #expect(result.kind == .other)
        #expect(result.reason.contains("truncated"))
        #expect(result.otherReason == .truncated)
    }

    @Test("broken base64 decodes what it can and records the defect")
    func brokenBase64() throws {
        let message = try Self.load("broken-base64.eml")
        #expect(message.defects.contains { $0.contains("base64") })
        let result = InboundClassifier.classify(message)
        #expect(result.kind == .reply)
        #expect(result.excerpt.hasPrefix("Nous avons déjà payé"))
        #expect(result.hints == [.paid])
    }

    @Test("CR-only line endings: folded header and body read")
    func crOnly() throws {
        let message = try Self.load("cr-only.eml")
        #expect(message.headers.text("Subject") == "Re: Invoice INV-12 reminder")
        let result = InboundClassifier.classify(message)
        #expect(result.kind == .reply)
        #expect(result.hints == [.paid])
    }

    @Test("Windows-1252 body")
    func windows1252() throws {
        let result = try Self.classify("windows-1252.eml")
        #expect(result.excerpt == "Bonjour, la facture a déjà été réglée – merci de vérifier.")
        #expect(result.hints == [.paid])
    }

    @Test("RFC 2047 subject in ISO-8859-15, with the euro sign")
    func latin9Subject() throws {
        let message = try Self.load("subject-latin9.eml")
        #expect(message.headers.text("Subject") == "Facture réglée : 1 200 €")
    }
}

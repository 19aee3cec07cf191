import Foundation
import Testing
import RelanceCore
import RelanceTesting

/// What each daemon service last did reaches `/health` and `relance status` in the creditor's
/// language (#13): notes are facts, worded when shown.
@Suite struct ServiceNotesInTheCreditorsLanguageTests {
    typealias R = LanguageLeaks

    static let notes: [ServiceNote] = [
        .digestsSent(1), .digestsSent(2), .imported(imported: 3, rejected: 1, held: 2), .imported(imported: 1, rejected: 0, held: 0),
        .mailboxRead(recorded: 2, unreadable: ["acme/INBOX (authentication)"]), .mailboxRead(recorded: 1, unreadable: []),
        .planned(hour: 9, minute: 5, queued: 4), .sent(sent: 2, waiting: 1, paused: ["acme"]), .sent(sent: 0, waiting: 0, paused: []),
        .purged(mails: 3, files: 1, customers: 2),
    ]
    static let services = ["digest", "intake", "mailbox", "planner", "sender", "retention", "reload"]

    @Test func everyNoteIsFrenchInFrench() {
        let words = FrenchWording()
        for sentence in Self.notes.map(words.serviceNote) + Self.services.map(words.serviceName) {
            #expect(R.englishIn(sentence).isEmpty, "\(sentence) — \(R.englishIn(sentence))")
        }
        #expect(words.serviceNote(.digestsSent(2)) == "2 points quotidiens envoyés")
        #expect(words.serviceNote(.planned(hour: 9, minute: 5, queued: 1)) == "planifié à 9\u{00A0}h\u{00A0}05, 1 message en file")
    }

    @Test func everyNoteIsEnglishInEnglish() {
        let words = EnglishWording()
        for sentence in Self.notes.map(words.serviceNote) + Self.services.map(words.serviceName) {
            #expect(R.frenchIn(sentence).isEmpty, "\(sentence) — \(R.frenchIn(sentence))")
        }
        #expect(words.serviceNote(.digestsSent(1)) == "1 digest sent")
    }

    /// status.json keeps the facts, not a sentence: a note reads back as it was.
    @Test func aNoteSurvivesStatusJSON() throws {
        for note in Self.notes {
            #expect(try JSONDecoder().decode(ServiceNote.self, from: JSONEncoder().encode(note)) == note)
        }
    }
}

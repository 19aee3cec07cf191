import Foundation
import Testing
@testable import RelanceMail

/// The phrase search `BounceDiagnosis` reads a diagnostic with finds what Foundation's
/// `range(of:)` finds, at the same place: over bytes for ASCII text, through Foundation for the
/// rest (where a combining accent still matches the phrase written with a precomposed one).
@Suite struct DiagnosticPhrasesTests {
    static let texts = [
        "550 5.1.1 <a@b.example>: recipient address rejected: user unknown in virtual mailbox table",
        "452 4.2.2 mailbox full; over quota",
        "smtp; 550 requested action not taken: mailbox unavailable",
        "host or domain name not found. name service error for name=example.invalid type=mx",
        "",
        "u",
        "550 boîte pleine",
        "550 boi\u{0302}te pleine — utilisateur inconnu",
        "quota dépassé pour ce destinataire",
        "日本語 user unknown",
    ]
    static let phrases = [
        "user unknown", "mailbox full", "over quota", "mailbox unavailable", "host or domain name not found", "name service error",
        "boîte pleine", "quota dépassé", "utilisateur inconnu", "u", "unknown in virtual mailbox table and more words than the text has",
        "550", "é",
    ]

    @Test("every phrase's first place in every text is Foundation's")
    func agreesWithFoundation() {
        for text in Self.texts {
            let search = DiagnosticPhrases(text)
            for phrase in Self.phrases {
                let foundation = text.range(of: phrase).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
                #expect(search.firstOffset(of: phrase) == foundation, "\(phrase) in \(text)")
                #expect(search.contains(phrase) == (foundation != nil), "\(phrase) in \(text)")
            }
        }
    }

    @Test("a phrase written with a precomposed accent is found in text written with a combining one")
    func canonicalEquivalence() {
        #expect(DiagnosticPhrases("550 boi\u{0302}te pleine").contains("boîte pleine"))
        #expect(DiagnosticPhrases("550 boite pleine").firstOffset(of: "boîte pleine") == nil)
        #expect(DiagnosticPhrases("over quota; user unknown").firstOffset(of: "user unknown") == 12)
    }
}

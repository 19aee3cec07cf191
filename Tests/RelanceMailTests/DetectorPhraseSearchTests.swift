import Foundation
import Testing
@testable import RelanceMail

/// The detectors (bounce, delay notice, out-of-office) find the same phrase as with Foundation's
/// `contains` they used before, in their lists' order; and the typographic normalisations they
/// apply first give Foundation's `replacingOccurrences` text, skipped only for ASCII.
@Suite struct DetectorPhraseSearchTests {
    static let texts = [
        "undelivered mail returned to sender",
        "re: facture 12 : non remis (delivery failed)",
        "this is the mail system at host mx.example. your message could not be delivered.",
        "mailer-daemon@mx.client.example (mail delivery system)",
        "réponse automatique : je suis absente",
        "re\u{0301}ponse automatique : je suis absente",
        "échec de la remise du message",
        "e\u{0301}chec de la remise du message",
        "le message n'a pas été distribué",
        "nicht im bu\u{0308}ro — außer haus",
        "absence du bureau",
        "out of office",
        "",
        "日本語 delivery failed",
        "voici le point sur le dossier 12 : rien de particulier. ligne de remplissage.",
    ]
    static let phrases = [
        "undeliver", "undelivered", "delivery failed", "could not be delivered", "mail delivery system", "mailer-daemon",
        "non remis", "non délivré", "échec de la remise", "réponse automatique", "je suis absent", "absence du bureau",
        "n'a pas été distribué", "nicht im büro", "außer haus", "out of office", "postmaster\\@", "delivery",
    ]

    @Test("the first phrase found in each text is Foundation's contains's, in the list's order")
    func firstPhraseAgreesWithFoundation() {
        for text in Self.texts {
            let search = DiagnosticPhrases(text)
            // Every order matters: rotate the list so each phrase is tried first once.
            for start in Self.phrases.indices {
                let list = Array(Self.phrases[start...] + Self.phrases[..<start])
                #expect(search.first(of: list) == list.first(where: { text.contains($0) }), "\(text)")
            }
            for phrase in Self.phrases {
                // answeredBounceEvidence's test: found, and not at the start.
                let foundation = text.range(of: phrase).map { $0.lowerBound > text.startIndex } ?? false
                #expect(((search.firstOffset(of: phrase) ?? 0) > 0) == foundation, "\(phrase) in \(text)")
            }
        }
    }

    static let typographic = [
        "nous l’avons déjà payée", "we’ll pay on the 15th", "montant\u{00A0}: 1\u{00A0}234,56 €", "plain ascii text",
        "we'll pay", "", "’", "\u{00A0}", "absence du bureau — l’équipe", "a\u{0301}’b",
    ]

    @Test("straightened apostrophes and plain spaces are Foundation's replacements")
    func normalisationsAgreeWithFoundation() {
        for text in Self.typographic {
            #expect(apostrophesStraightened(text) == text.replacingOccurrences(of: "’", with: "'"), "\(text)")
            #expect(replyTextNormalized(text) == text.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "\u{00A0}", with: " "),
                    "\(text)")
        }
    }
}

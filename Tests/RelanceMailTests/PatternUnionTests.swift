import Foundation
import Testing
@testable import RelanceMail

/// The reply hints ask one alternation per category whether any pattern matches: the answer
/// each pattern's own search gave, text by text.
@Suite struct PatternUnionTests {
    static let categories = [ReplyHintDetector.paidPatterns, ReplyHintDetector.disputePatterns,
                             ReplyHintDetector.notReceivedPatterns, ReplyHintDetector.promisePatterns]

    static let texts = [
        "bonjour, nous avons déjà payé cette facture par virement la semaine dernière.",
        "bonjour, nous réglerons la facture le 15/12/2026. cordialement",
        "hello, we never received this invoice, could you send it again?",
        "bonjour, nous contestons le montant de cette facture : la livraison était incomplète.",
        "merci, je transmets au service comptable.",
        "the invoice has been paid already", "we have already paid", "payment was sent yesterday",
        "nous ne vous devons rien", "erreur sur la facture", "pas reçu la facture", "could you resend the invoice",
        "we will pay next week", "le virement sera effectué lundi", "", "paid", "contest", "will",
        "nous avons bien procédé au virement", "the amount is wrong amount", "n'avons jamais reçu",
    ]

    @Test("the union matches a text exactly when one of its patterns does")
    func unionAgreesWithEachPattern() {
        for patterns in Self.categories {
            let union = PatternUnion.compile(patterns)
            let each = patterns.map { try! NSRegularExpression(pattern: $0) }
            // Every text, and every single pattern's words spliced into unrelated text.
            for text in Self.texts + Self.texts.map({ "zz " + $0 + " zz" }) {
                let range = NSRange(text.startIndex..., in: text)
                let any = each.contains { $0.firstMatch(in: text, range: range) != nil }
                #expect((union.firstMatch(in: text, range: range) != nil) == any, "\(text)")
            }
        }
    }

    @Test("each pattern alone is matched by the union, and the union keeps every pattern whole")
    func everyPatternCounts() {
        #expect(PatternUnion.pattern(["a|b", "c"]) == "(?:a|b)|(?:c)")
        let union = PatternUnion.compile(["ab", "cd|ef", "g(?:h|i)j"])
        for (text, matches) in [("ab", true), ("ef", true), ("gij", true), ("cd", true), ("ac", false), ("gj", false), ("", false)] {
            #expect((union.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil) == matches, "\(text)")
        }
    }
}

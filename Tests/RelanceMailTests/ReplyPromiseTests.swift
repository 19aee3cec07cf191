import Foundation
import Testing
import RelanceCore
@testable import RelanceMail

/// ReplyHintDetector looks for a promise line by line only when one of its patterns matches the
/// whole text: that is the same answer only while no pattern can match a line and not the text
/// it is part of (an anchor, a lookaround, a word boundary would read the line's edges).
@Suite struct ReplyPromiseTests {
    @Test("no promise pattern reads past the text it matches")
    func patternsAreContextFree() {
        for pattern in ReplyHintDetector.promisePatterns {
            for construct in ["^", "$", #"\b"#, #"\B"#, #"\A"#, #"\z"#, #"\Z"#, #"\G"#, "(?=", "(?!", "(?<=", "(?<!"] {
                #expect(!pattern.contains(construct), "\(construct) in \(pattern)")
            }
        }
    }

    static let texts = [
        "nous réglerons la facture le 15/12/2026. cordialement",
        "bonjour,\nnous réglerons la facture\nle 15/12/2026.\ncordialement",
        "we will pay\non 12/12/2026",
        "we will pay on 12/12/2026\n\nthanks",
        "le paiement sera\n effectué le 20 décembre",
        "payment is scheduled for 2026-12-18.",
        "merci, je transmets au service comptable.",
        "bonjour, nous avons déjà payé cette facture par virement la semaine dernière.\n\nle 30/11/2026, acme a écrit :\n> votre facture reste due.",
        "nous re\u{0301}glerons le 3 janvier",
        "", "\n\n", "le 15/12/2026",
        "bonjour madame, merci pour votre relance.\nnous réglerons le solde le 15/12/2026.",
        "thank you for your reminder; the payment is scheduled for 2026-12-18 as agreed.",
    ]

    /// The search as it was: every line against every pattern.
    static func everyLine(_ text: String, reference: CivilDate?) -> CivilDate? {
        let patterns = ReplyHintDetector.promisePatterns.map { try! NSRegularExpression(pattern: $0) }
        for line in text.split(separator: "\n") {
            let lineText = String(line)
            let range = NSRange(lineText.startIndex..., in: lineText)
            guard patterns.contains(where: { $0.firstMatch(in: lineText, range: range) != nil }) else { continue }
            if let date = DateText.dates(in: lineText, reference: reference).first?.date { return date }
        }
        return nil
    }

    @Test("the promised date is the one every line's search finds")
    func agreesWithEveryLine() {
        let reference = CivilDate(year: 2026, month: 11, day: 30)
        for text in Self.texts {
            #expect(ReplyHintDetector.promisedDate(in: text, reference: reference) == Self.everyLine(text, reference: reference), "\(text)")
        }
        #expect(ReplyHintDetector.promisedDate(in: Self.texts[0], reference: reference) == CivilDate(year: 2026, month: 12, day: 15))
    }
}

import Foundation
import RelanceCore

/// Finds payment-related statements in the new text of a French or English reply. The
/// patterns are deliberately phrase-level: single words such as "payé" or "paid" also
/// appear in questions ("has it been paid?") and in promises ("will be paid").
enum ReplyHintDetector {
    static func hints(in text: String, reference: CivilDate?) -> [ReplyHint] {
        let normalized = replyTextNormalized(text.lowercased())
        var hints: [ReplyHint] = []
        if let promise = promisedDate(in: normalized, reference: reference) {
            hints.append(.promise(promise))
        }
        if matches(normalized, paid) { hints.append(.paid) }
        if matches(normalized, dispute) { hints.append(.dispute) }
        if matches(normalized, notReceived) { hints.append(.notReceived) }
        return hints
    }

    /// The first date in a sentence that also holds a promise to pay.
    static func promisedDate(in text: String, reference: CivilDate?) -> CivilDate? {
        // A line's match is one in the whole text too: the patterns hold no anchor, lookaround
        // or word boundary, nothing that reads past the line (checked by ReplyPromiseTests).
        // So a text none of them matches has no promise line, and its lines are not searched.
        guard matches(text, promise) else { return nil }
        // Lines, not sentences: dates such as 15.12.2026 contain dots.
        let lines = text.split(separator: "\n")
        for line in lines {
            let lineText = String(line)
            guard matches(lineText, promise) else { continue }
            if let date = DateText.dates(in: lineText, reference: reference).first?.date { return date }
        }
        return nil
    }

    private static func matches(_ text: String, _ patterns: [NSRegularExpression]) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        return patterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }

    private static func compile(_ patterns: [String]) -> [NSRegularExpression] {
        patterns.map { try! NSRegularExpression(pattern: $0) }
    }

    private static let paid = compile([
        // French
        #"(?:déjà|deja|bien)\s+(?:été\s+)?(?:payée?s?|réglée?s?|reglee?s?|versée?s?)"#,
        #"(?:avons|avions|ai|a)\s+(?:déjà\s+|bien\s+)?(?:payé|réglé|regle|versé|viré|procédé au (?:paiement|règlement|virement))"#,
        #"(?:paiement|règlement|reglement|virement|chèque|cheque)\s+(?:a\s+(?:bien\s+)?été\s+|est\s+)(?:effectué|envoyé|fait|émis|expédié|parti|passé|réalisé)"#,
        #"(?:facture|montant)s?\s+(?:est|sont|a été|ont été)\s+(?:déjà\s+|bien\s+)?(?:réglée?s?|payée?s?|soldée?s?)"#,
        #"vous trouverez ci-joint (?:la preuve|l'avis|le justificatif) de (?:paiement|virement)"#,
        #"(?:avons|ai)\s+(?:déjà\s+|bien\s+)?(?:envoyé|expédié|posté|émis)\s+(?:un|le|notre|votre)\s+(?:chèque|cheque|virement|règlement|paiement)"#,
        // English
        #"(?:already|just)\s+(?:been\s+)?(?:paid|settled|sent (?:the )?payment)"#,
        #"(?:we|i)\s+(?:have\s+|had\s+)?(?:already\s+)?(?:paid|settled|sent (?:the|a|our) (?:payment|transfer|money|check|cheque)|made the payment|wired)"#,
        #"(?:payment|transfer|cheque|check|remittance)\s+(?:was|has been|have been|went)\s+(?:already\s+)?(?:sent|made|processed|paid|issued|executed|out)"#,
        #"(?:invoice|amount|balance)s?\s+(?:was|has been|is|were|have been)\s+(?:already\s+)?(?:paid|settled)"#,
    ])

    private static let dispute = compile([
        #"contest|litige|désaccord|desaccord|pas d'accord|réclamation|reclamation"#,
        #"(?:facture|montant)\s+(?:est\s+)?(?:erron|incorrect|faux|fausse)"#,
        #"(?:n'est|ne sont)\s+pas\s+dûe?s?|(?:attendons|en attente d')\s*(?:un|d'un)?\s*avoir"#,
        #"erreur\s+(?:sur|dans)\s+(?:la|votre|cette)\s+facture"#,
        #"(?:ne|n')\s*(?:vous\s+)?devons\s+rien|jamais\s+command|pas\s+command|non\s+conforme|jamais\s+(?:été\s+)?livr|pas\s+(?:été\s+)?livr"#,
        #"dispute|disagree|do not agree|don't agree|incorrect invoice|invoice is (?:wrong|incorrect)|wrong amount"#,
        #"(?:don't|do not|never)\s+owe|never ordered|did not order|didn't order|not delivered|never (?:been )?delivered|error (?:in|on) (?:the|your|this) invoice"#,
    ])

    private static let notReceived = compile([
        #"(?:pas|jamais)\s+(?:encore\s+)?(?:reçu|recu|eu)\s+(?:la|votre|cette|de|les|vos|ces)?\s*factur"#,
        #"(?:n'avons|n'ai)\s+(?:jamais\s+|pas\s+)?(?:reçu|recu)"#,
        #"(?:ne l'avons|ne les avons)\s+(?:jamais\s+|pas\s+)?(?:reçue?s?|recue?s?)"#,
        #"aucune facture|(?:renvoyer|envoyer|transmettre)\s+(?:à nouveau\s+)?(?:la|une)\s+(?:copie de la\s+)?facture"#,
        #"(?:not|never|haven't|have not|didn't|did not)\s+(?:yet\s+)?(?:received|receive|got|get|seen)\s+(?:the|your|this|an|any)?\s*invoice"#,
        #"(?:no|never)\s+(?:received|receipt of)\s+(?:the|your|any)?\s*invoice|(?:re-?send|send us)\s+(?:a copy of\s+)?(?:the|your|this)\s+invoice"#,
    ])

    static let promisePatterns = [
        #"(?:paierons|payerons|réglerons|reglerons|effectuerons|procéderons|procederons|verserons|virerons|enverrons|ferons|allons (?:payer|régler|regler|effectuer|procéder|faire))"#,
        #"(?:paiement|règlement|reglement|virement|chèque|versement)\s+(?:sera|va être|est prévu|est programmé|interviendra|partira)"#,
        #"(?:sera|seront)\s+(?:payée?s?|réglée?s?|reglee?s?|viré|versé)"#,
        #"(?:payer|régler|regler)\s+(?:le|d'ici|avant|au plus tard)"#,
        #"(?:will|shall|'ll|going to)\s+(?:be\s+)?(?:pay|paid|settle|settled|send|sent|transfer|transferred|wire|process|make)"#,
        #"(?:payment|transfer)\s+(?:is\s+)?(?:scheduled|planned|due to go|will)"#,
    ]
    private static let promise = compile(promisePatterns)
}

public import RelanceCore
import Foundation

/// How a letter recalls an action that happened: `relance par courriel`, `appel téléphonique :
/// sans réponse`. The planner records outcomes in English (`TaskOutcome.summary`); the
/// known ones are reworded here, anything else is left out of a French letter rather than
/// printed half translated. French descriptions start lower-case: the letters print them after
/// a colon (`le 5 juin 2026 : relance par courriel`), where French takes no capital; English
/// ones keep theirs (`5 June 2026: Reminder sent by email`).
public enum PriorActionText {
    public static func describe(_ action: RelanceCore.PriorAction, language: Language) -> String {
        let french = language == .french
        let what: String = switch (action.channel, french) {
        case (.email?, true): "relance par courriel"
        case (.email?, false): "Reminder sent by email"
        case (.phone?, true): "appel téléphonique"
        case (.phone?, false): "Phone call"
        case (.letter?, true): "lettre de relance"
        case (.letter?, false): "Reminder letter"
        case (.registeredLetter?, true): "lettre recommandée avec accusé de réception"
        case (.registeredLetter?, false): "Registered letter with acknowledgement of receipt"
        case (.formalNotice?, true): "mise en demeure"
        case (.formalNotice?, false): "Formal notice"
        case (.legalAction?, true): "action en recouvrement"
        case (.legalAction?, false): "Legal recovery"
        case (.handOff?, true): "transmission au recouvrement"
        case (.handOff?, false): "Hand-off to collection"
        case (nil, true): "prise de contact"
        case (nil, false): "Contact"
        }
        let detail = action.detail.flatMap { outcome(summary: $0, language: language) }
        // French typography puts a space before the colon.
        var text = detail.map { "\(what)\(french ? " :" : ":") \($0)" } ?? what
        if !action.invoices.isEmpty {
            let several = action.invoices.count > 1
            let label = french ? (several ? "factures" : "facture") : (several ? "invoices" : "invoice")
            text += " (\(label) \(action.invoices.joined(separator: ", ")))"
        }
        return text
    }

    /// The outcome's words in the letter's language; nil when it should not be printed
    /// (how Relance learnt of a contact is of no concern to the customer).
    static func outcome(summary: String, language: Language) -> String? {
        let french = language == .french
        if let date = suffixDate(summary, after: "promised to pay on ", language: language) {
            return french ? "promesse de paiement pour le \(date)" : "promised to pay on \(date)"
        }
        // "promised to pay on 2027-01-15 for 912.00 EUR" (an amount, since v6-task-outcomes).
        if summary.hasPrefix("promised to pay on "), let separator = summary.range(of: " for ") {
            let dateText = summary[summary.index(summary.startIndex, offsetBy: "promised to pay on ".count)..<separator.lowerBound]
            let amountText = summary[separator.upperBound...].split(separator: " ")
            if let date = CivilDate(iso8601: String(dateText)), amountText.count == 2,
               let currency = Currency(code: String(amountText[1])), let amount = Money(decimal: amountText[0], currency: currency) {
                let long = CivilDateText.long(date, language: language)
                let sum = AmountFormat(language).string(amount)
                return french ? "promesse de paiement de \(sum) pour le \(long)" : "promised to pay \(sum) on \(long)"
            }
        }
        if let date = suffixDate(summary, after: "acknowledgement of receipt signed on ", language: language) {
            return french ? "accusé de réception signé le \(date)" : "acknowledgement of receipt signed on \(date)"
        }
        if summary.hasPrefix("disputes invoice ") {
            let invoices = summary.dropFirst("disputes invoice ".count)
            guard french else {
                // The stored summary is the planner's (« disputes invoice F1, F2 »); the customer
                // reads what was noted, in the plural when it names several invoices.
                return "\(invoices.contains(", ") ? "invoices" : "invoice") \(invoices) disputed"
            }
            return "contestation \(invoices.contains(", ") ? "des factures" : "de la facture") \(invoices)"
        }
        if summary.hasPrefix("letter sent (tracking number ") {
            let tracking = summary.dropFirst("letter sent (tracking number ".count).dropLast()
            return french ? "envoyée sous le n°\u{00A0}\(tracking)" : "sent under tracking number \(tracking)"
        }
        switch summary {
        case "no answer": return french ? "sans réponse" : summary
        case "wrong number": return french ? "numéro erroné" : summary
        case "says it has paid": return french ? "règlement annoncé" : "payment announced"
        case "disputes the invoices": return french ? "contestation des factures" : "invoices disputed"
        default: return nil
        }
    }

    private static func suffixDate(_ text: String, after prefix: String, language: Language) -> String? {
        guard text.hasPrefix(prefix), let date = CivilDate(iso8601: String(text.dropFirst(prefix.count))) else { return nil }
        return CivilDateText.long(date, language: language)
    }
}

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
    /// (how Relance learnt of a contact is of no concern to the customer). The stored summary is
    /// read back into its value by `PriorActionDetail`, the one reader of summaries.
    static func outcome(summary: String, language: Language) -> String? {
        guard case .outcome(let outcome)? = PriorActionDetail(summary) else { return nil }
        return self.outcome(outcome, language: language)
    }

    /// What a letter says of an outcome: promises, disputes, an acknowledgement, a tracking number,
    /// a call's result; nil for the rest (a task done, a letter sent without its number).
    static func outcome(_ outcome: TaskOutcome, language: Language) -> String? {
        let french = language == .french
        func long(_ date: CivilDate) -> String { CivilDateText.long(date, language: language) }
        switch outcome {
        case .promisedToPay(let date, nil):
            return french ? "promesse de paiement pour le \(long(date))" : "promised to pay on \(long(date))"
        case .promisedToPay(let date, let amount?):
            let sum = AmountFormat(language).string(amount)
            return french ? "promesse de paiement de \(sum) pour le \(long(date))" : "promised to pay \(sum) on \(long(date))"
        case .acknowledged(let date):
            return french ? "accusé de réception signé le \(long(date))" : "acknowledgement of receipt signed on \(long(date))"
        case .dispute(let invoices, _) where !invoices.isEmpty:
            let list = invoices.joined(separator: ", ")
            let several = invoices.count > 1
            // The customer reads what was noted, in the plural when it names several invoices.
            return french ? "contestation \(several ? "des factures" : "de la facture") \(list)"
                : "\(several ? "invoices" : "invoice") \(list) disputed"
        case .dispute:
            return french ? "contestation des factures" : "invoices disputed"
        case .letterSent(let tracking?):
            return french ? "envoyée sous le n°\u{00A0}\(tracking)" : "sent under tracking number \(tracking)"
        case .noAnswer:
            return french ? "sans réponse" : "no answer"
        case .wrongNumber:
            return french ? "numéro erroné" : "wrong number"
        case .paid:
            return french ? "règlement annoncé" : "payment announced"
        default:
            return nil
        }
    }
}

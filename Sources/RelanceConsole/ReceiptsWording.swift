import RelanceCore

/// The words of the console's page of bank receipts to link, per language; the receipt's own
/// sentences (headline, what linking did) are the shared `BankWording`'s, as in the digest.
struct ReceiptsWording: Sendable {
    let title: String
    let intro: String
    let none: String
    let amount: String
    let label: String
    let account: String
    let customerCode: String
    let link: String
    let dismiss: String
    let dismissHint: String
    let sameAmount: String
    let linkTo: String

    static func forLanguage(_ language: Language) -> ReceiptsWording { language == .french ? french : english }

    static let french = ReceiptsWording(
        title: "Virements à rattacher",
        intro: "Aucune facture ouverte n’a pu leur être rapprochée avec certitude. Rattachez chacun au client qui a payé : il règle ses factures de ce montant et Relance reconnaîtra ses prochains virements. S’il ne règle aucune facture (remboursement, prêt…), écartez-le.",
        none: "Aucun virement à rattacher.", amount: "Montant", label: "Libellé", account: "Compte",
        customerCode: "Code client", link: "Rattacher", dismiss: "Écarter",
        dismissHint: "Il ne règle aucune facture : il sort de la liste, le journal garde qui l’a écarté.",
        sameAmount: "Factures ouvertes de ce montant :", linkTo: "Rattacher à")

    static let english = ReceiptsWording(
        title: "Bank receipts to link",
        intro: "No open invoice could be matched to them for sure. Link each to the customer who paid: it pays their invoices of that amount and Relance then recognises their transfers. If it pays no invoice (a refund, a loan…), set it aside.",
        none: "No bank receipt to link.", amount: "Amount", label: "Bank label", account: "Account",
        customerCode: "Customer code", link: "Link", dismiss: "Set aside",
        dismissHint: "It pays no invoice: it leaves the list, the journal keeps who set it aside.",
        sameAmount: "Open invoices of that amount:", linkTo: "Link to")

    func unknownCustomer(_ code: String, language: Language) -> String {
        let quoted = language.wording.quoted
        return language == .french ? "Aucun client \(quoted(code)) chez ce créancier : saisissez le code client tel que l’export l’écrit."
            : "No customer \(quoted(code)) for this creditor: type the customer code as the export writes it."
    }

    func missingCustomer(language: Language) -> String {
        language == .french ? "Saisissez le code du client qui a payé." : "Type the code of the customer who paid."
    }
}

/// The words about money received at the bank that no invoice could be matched to: the
/// digest's section and the `relance bank` command. Part of every language's `Wording`.
public protocol BankWording: Sendable {
    /// A receipt a person set aside: it pays no invoice.
    func receiptSetAside(amount: Money, booked: CivilDate, label: String, by: String, channel: TaskOutcomeRequest.Channel) -> String
    /// A receipt a person linked to a customer: what it pays, what stays on account, what is learnt.
    func receiptLinked(amount: Money, booked: CivilDate, label: String, customer: String, by: String, channel: TaskOutcomeRequest.Channel,
                       paid: [String], onAccount: Money, taught: [String]) -> String
    /// An address a person gave for a customer, used until the next contacts file.
    func addressCorrected(_ address: String, by: String) -> String
    /// `2 virements reçus à rattacher`.
    func unmatchedReceiptsTitle(_ count: Int) -> String
    /// What a person should do with them, under the title: of one receipt in the singular (it said
    /// « n'a pu leur être rapprochée … Pour chacun » under « 1 virement reçu à rattacher »).
    func unmatchedReceiptsNote(count: Int) -> String
    /// `Reçu le 03/12/2026 de OCEANE EVENEMENTS`.
    func unmatchedReceiptHeadline(booked: CivilDate, payer: String?) -> String
    /// `Libellé : VIR SEPA … · IBAN FR76…`.
    func unmatchedReceiptDetail(remittance: String, payerIBAN: String?) -> String
    /// The two commands that resolve it.
    func unmatchedReceiptCommands(entryID: Int64) -> String
    func noUnmatchedReceipts() -> String
    /// What linking or setting aside did.
    func receiptResolved(_ resolution: ReceiptResolution) -> String
    /// Why linking or setting a receipt aside was refused, and what to do.
    func receiptRefusal(_ reason: ReceiptRefusalReason) -> String
    /// `Reçu, en attente du grand livre`: money a statement shows paid that the ledger has not
    /// lettered yet — the aged balance's column and line, the digest's line.
    func receivedAwaitingLedger() -> String
    /// `Grand livre EUR`: the ledger's open total (demanded plus received), beside the totals.
    func ledgerTotal(currency: Currency) -> String
    /// The same, as a narrow table's column heading: `Reçu (banque)`.
    func receivedColumn() -> String
    /// The printed payment QR code's accessible name.
    func paymentQRLabel() -> String
}

extension FrenchWording {
    public func receiptRefusal(_ reason: ReceiptRefusalReason) -> String {
        switch reason {
        case .noSuchEntry(let id):
            "il n'y a pas d'opération bancaire n°\u{00A0}\(id) pour ce créancier : `relance bank unmatched` liste les virements à rattacher"
        case .noSuchCustomer(let customer):
            "il n'y a pas de client \(quoted(customer)) dans les comptes de ce créancier : donnez le code client tel que l'export l'écrit"
        case .notAReceipt(let id, let reversal):
            "l'opération bancaire n°\u{00A0}\(id) est \(reversal ? "une annulation" : "un paiement sortant"), pas un encaissement : il n'y a rien à rattacher"
        case .alreadyMatched(let id, let invoices):
            "l'opération bancaire n°\u{00A0}\(id) est déjà rapprochée \(invoices.count > 1 ? "des factures" : "de la facture") \(invoices.joined(separator: ", ")) : la fiche du client la montre"
        case .reversedByBank(let id):
            "l'opération bancaire n°\u{00A0}\(id) a été annulée par la banque : l'argent est reparti, il n'y a rien à rattacher"
        case .alreadyResolved(let id, let customer, let by):
            "l'opération bancaire n°\u{00A0}\(id) a déjà été \(customer.map { "rattachée au client \($0)" } ?? "écartée") par \(by)"
        }
    }

    public func unmatchedReceiptsTitle(_ count: Int) -> String {
        count == 1 ? "1 virement reçu à rattacher" : "\(count) virements reçus à rattacher"
    }
    public func unmatchedReceiptsNote(count: Int) -> String {
        count == 1
            ? "Aucune facture ouverte n'a pu lui être rapprochée avec certitude. Retrouvez le client qui a payé et rattachez-le : Relance reconnaîtra ensuite ses virements. S'il ne règle aucune facture (remboursement, prêt…), écartez-le."
            : "Aucune facture ouverte n'a pu leur être rapprochée avec certitude. Pour chacun, retrouvez le client qui a payé et rattachez-le : Relance reconnaîtra ensuite ses virements. S'il ne règle aucune facture (remboursement, prêt…), écartez-le."
    }
    public func unmatchedReceiptHeadline(booked: CivilDate, payer: String?) -> String {
        "Reçu le \(date(booked)) " + (payer.map(FrenchPreposition.de) ?? "d'un payeur non nommé")
    }
    public func unmatchedReceiptDetail(remittance: String, payerIBAN: String?) -> String {
        [remittance.isEmpty ? "Sans libellé" : labelled("Libellé", remittance), payerIBAN.map { "IBAN \($0)" }].compactMap { $0 }.joined(separator: " · ")
    }
    public func unmatchedReceiptCommands(entryID: Int64) -> String {
        "Rattacher : relance bank link \(entryID) <n° client> · écarter : relance bank dismiss \(entryID)"
    }
    public func noUnmatchedReceipts() -> String { "Aucun virement reçu à rattacher." }
    public func receivedAwaitingLedger() -> String { "Reçu, en attente du grand livre" }
    public func ledgerTotal(currency: Currency) -> String { "Selon le grand livre \(currency.code)" }
    public func paymentQRLabel() -> String { "Code QR de paiement SEPA" }
    public func receivedColumn() -> String { "Reçu (banque)" }
    public func receiptResolved(_ resolution: ReceiptResolution) -> String {
        guard let customer = resolution.customer else { return "Virement n°\u{00A0}\(resolution.entryID) écarté : il ne règle aucune facture." }
        var text = "Virement n°\u{00A0}\(resolution.entryID) rattaché au client \(customer)"
        if resolution.paidInvoices.isEmpty {
            text += " : aucune facture ouverte de ce montant, \(amount(resolution.onAccount)) restent au compte du client pour le lettrage."
        } else {
            let paid = resolution.paidInvoices.count > 1 ? "payées" : "payée"
            text += " : il règle \(resolution.paidInvoices.joined(separator: ", ")) (\(paid), en attente du grand livre)"
            text += resolution.onAccount.isZero ? "." : " ; \(amount(resolution.onAccount)) de plus restent au compte du client."
        }
        if !resolution.taught.isEmpty { text += " Ses prochains virements seront reconnus (\(resolution.taught.joined(separator: ", ")))." }
        return text
    }
}

extension EnglishWording {
    public func receiptRefusal(_ reason: ReceiptRefusalReason) -> String {
        switch reason {
        case .noSuchEntry(let id):
            "there is no bank entry #\(id) for this creditor: `relance bank unmatched` lists the receipts to resolve"
        case .noSuchCustomer(let customer):
            "there is no customer \(customer) in this creditor's books: give the customer's id as the export writes it"
        case .notAReceipt(let id, let reversal):
            "bank entry #\(id) is \(reversal ? "a reversal" : "money paid out"), not a receipt: there is nothing to link"
        case .alreadyMatched(let id, let invoices):
            "bank entry #\(id) was already matched to invoice \(invoices.joined(separator: ", ")): the customer's page shows it"
        case .reversedByBank(let id):
            "bank entry #\(id) was reversed by the bank: the money went back, there is nothing to link"
        case .alreadyResolved(let id, let customer, let by):
            "bank entry #\(id) was already \(customer.map { "linked to customer \($0)" } ?? "set aside") by \(by)"
        }
    }

    public func unmatchedReceiptsTitle(_ count: Int) -> String {
        count == 1 ? "1 bank receipt to link" : "\(count) bank receipts to link"
    }
    public func unmatchedReceiptsNote(count: Int) -> String {
        count == 1
            ? "No open invoice could be matched to it for sure. Find the customer who paid and link it: Relance then recognises their transfers. If it pays no invoice (a refund, a loan…), set it aside."
            : "No open invoice could be matched to them for sure. For each, find the customer who paid and link it: Relance then recognises their transfers. If it pays no invoice (a refund, a loan…), set it aside."
    }
    public func unmatchedReceiptHeadline(booked: CivilDate, payer: String?) -> String {
        "Received \(date(booked)) " + (payer.map { "from \($0)" } ?? "from an unnamed payer")
    }
    public func unmatchedReceiptDetail(remittance: String, payerIBAN: String?) -> String {
        [remittance.isEmpty ? "No bank label" : labelled("Bank label", remittance), payerIBAN.map { "IBAN \($0)" }].compactMap { $0 }.joined(separator: " · ")
    }
    public func unmatchedReceiptCommands(entryID: Int64) -> String {
        "Link: relance bank link \(entryID) <customer id> · set aside: relance bank dismiss \(entryID)"
    }
    public func noUnmatchedReceipts() -> String { "No bank receipt to link." }
    public func receivedAwaitingLedger() -> String { "Received, awaiting the ledger" }
    public func ledgerTotal(currency: Currency) -> String { "Per the ledger \(currency.code)" }
    public func paymentQRLabel() -> String { "SEPA payment QR code" }
    public func receivedColumn() -> String { "Received (bank)" }
    public func receiptResolved(_ resolution: ReceiptResolution) -> String {
        guard let customer = resolution.customer else { return "Receipt #\(resolution.entryID) set aside: it pays no invoice." }
        var text = "Receipt #\(resolution.entryID) linked to customer \(customer)"
        if resolution.paidInvoices.isEmpty {
            text += ": no open invoice of that amount, \(amount(resolution.onAccount)) stays on the customer's account for the accountant to letter."
        } else {
            text += ": it pays \(resolution.paidInvoices.joined(separator: ", ")) (paid, awaiting the ledger)"
            text += resolution.onAccount.isZero ? "." : "; \(amount(resolution.onAccount)) more stays on the customer's account."
        }
        if !resolution.taught.isEmpty { text += " Their next transfers will be recognised (\(resolution.taught.joined(separator: ", ")))." }
        return text
    }
}

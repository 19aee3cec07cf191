import RelanceCore

/// Turns one camt `Ntry` into bank entries. A batched entry (a `Btch`, or several `TxDtls`
/// each with its own amount) becomes one entry per transaction, so each payer's transfer can
/// be matched on its own; the entry's total is checked against its transactions.
struct CamtEntryReader {
    let file: String
    let path: String
    let line: Int
    let account: String

    enum Made {
        case unbooked
        case entries([BankEntry], warning: ImportWarning?)
    }

    func entries(of node: CamtNode) throws(ImportError) -> Made {
        if let status = node.text(anyOf: ["Sts/Cd", "Sts"]), status != "BOOK" { return .unbooked }
        let amount = try money(node, at: "Amt", sign: node.text("CdtDbtInd"))
        guard let booked = date(node, "BookgDt") ?? date(node, "ValDt") else {
            throw ImportError(.badDate, at: SourcePosition(file: file, line: line, path: path + "/BookgDt"),
                              .bank(.camtWithoutBookingDate))
        }
        let valueDate = date(node, "ValDt")
        let isReversal = node.text("RvslInd")?.lowercased() == "true"
        let entryReference = node.text("AcctSvcrRef")
        let entryInformation = node.text("AddtlNtryInf")
        let transactions = node.all("NtryDtls/TxDtls")

        func make(_ transaction: CamtNode?, amount: Money, bankReference: String?) -> BankEntry {
            let received = amount.minorUnits >= 0
            // The other party: who paid us on a receipt, whom we paid on a payment.
            let party = received ? "Dbtr" : "Cdtr"
            let counterparty = transaction?.text(anyOf: ["RltdPties/\(party)/Nm", "RltdPties/\(party)/Pty/Nm",
                                                         "RltdPties/Ultmt\(party)/Nm", "RltdPties/Ultmt\(party)/Pty/Nm"])
            let iban = BankText.iban(transaction?.text(anyOf: ["RltdPties/\(party)Acct/Id/IBAN"]))
            let remittance = transaction.map { Self.remittance($0) } ?? []
            let structured = transaction?.all("RmtInf/Strd/CdtrRefInf/Ref").compactMap { BankText.clean($0.text) } ?? []
            let reference = structured.first { RFCreditorReference.isValid($0) }.map(RFCreditorReference.compact) ?? structured.first
            return BankEntry(booked: booked, valueDate: valueDate, amount: amount, counterparty: counterparty, counterpartyIBAN: iban,
                             remittance: BankText.join(remittance + [entryInformation]), reference: reference,
                             bankReference: bankReference, account: account, isReversal: isReversal, line: line)
        }

        guard transactions.count > 1 else {
            let transaction = transactions.first
            let reference = entryReference ?? transaction?.text(anyOf: ["Refs/AcctSvcrRef", "Refs/TxId"])
            return .entries([make(transaction, amount: amount, bankReference: reference)], warning: nil)
        }
        // Several transactions: each needs its own amount, else the entry stays whole.
        var amounts: [Money] = []
        for (index, transaction) in transactions.enumerated() {
            let at = transaction.first("AmtDtls/TxAmt/Amt") != nil ? "AmtDtls/TxAmt/Amt" : "Amt"
            guard transaction.first(at) != nil else { break }
            amounts.append(try money(transaction, at: at, sign: transaction.text("CdtDbtInd") ?? node.text("CdtDbtInd"),
                                     path: "\(path)/NtryDtls/TxDtls[\(index + 1)]/\(at)"))
        }
        guard amounts.count == transactions.count else {
            let joined = transactions.flatMap { Self.remittance($0) }
            return .entries([BankEntry(booked: booked, valueDate: valueDate, amount: amount, remittance: BankText.join(joined + [entryInformation]),
                                       bankReference: entryReference, account: account, isReversal: isReversal, line: line)],
                             warning: nil)
        }
        let list = zip(transactions, amounts).enumerated().map { index, pair in
            let own = pair.0.text(anyOf: ["Refs/AcctSvcrRef", "Refs/TxId"])
            return make(pair.0, amount: pair.1, bankReference: own ?? entryReference.map { "\($0)#\(index + 1)" })
        }
        var warning: ImportWarning?
        let sameCurrency = amounts.allSatisfy { $0.currency == amount.currency }
        let total = amounts.reduce(Int64(0)) { $0 + $1.minorUnits }
        if !sameCurrency || total != amount.minorUnits {
            warning = ImportWarning(.bank(.camtTransactionsDisagree(count: transactions.count,
                                                                     total: sameCurrency ? Money(minorUnits: total, currency: amount.currency) : nil,
                                                                     entry: amount)),
                                    at: SourcePosition(file: file, path: path))
        }
        return .entries(list, warning: warning)
    }

    /// Free texts and references of one transaction, as the bank gave them.
    static func remittance(_ transaction: CamtNode) -> [String?] {
        var parts: [String?] = transaction.all("RmtInf/Ustrd").map { BankText.clean($0.text) }
        for structured in transaction.all("RmtInf/Strd") {
            parts += structured.all("CdtrRefInf/Ref").map { BankText.clean($0.text) }
            parts += structured.all("RfrdDocInf/Nb").map { BankText.clean($0.text) }
            parts += structured.all("AddtlRmtInf").map { BankText.clean($0.text) }
        }
        let endToEnd = transaction.text("Refs/EndToEndId")
        if let endToEnd, endToEnd.uppercased() != "NOTPROVIDED" { parts.append(endToEnd) }
        parts.append(transaction.text("AddtlTxInf"))
        return parts
    }

    private func date(_ node: CamtNode, _ name: String) -> CivilDate? {
        guard let text = node.text(anyOf: ["\(name)/Dt", "\(name)/DtTm"]) else { return nil }
        return CivilDate(iso8601: text.prefix(10))
    }

    private func money(_ node: CamtNode, at amountPath: String, sign: String?, path: String? = nil) throws(ImportError) -> Money {
        let where_ = SourcePosition(file: file, line: line, path: path ?? "\(self.path)/\(amountPath)")
        guard let element = node.first(amountPath), let text = BankText.clean(element.text) else {
            throw ImportError(.missingValue, at: where_, .bank(.camtWithoutAmount))
        }
        guard let code = element.attributes["Ccy"], let currency = Currency(code: code) else {
            throw ImportError(.badCurrency, at: where_, .bank(.camtWithoutCurrency(amount: text)))
        }
        guard sign == "CRDT" || sign == "DBIT" else {
            throw ImportError(.badValue, at: where_, .bank(.camtDirection(found: sign)))
        }
        guard !text.hasPrefix("-"), let money = BankText.money(text, currency: currency, negative: sign == "DBIT") else {
            throw ImportError(.badAmount, at: where_, .bank(.camtNotAnAmount(text: text, currency: currency.code)))
        }
        return money
    }
}

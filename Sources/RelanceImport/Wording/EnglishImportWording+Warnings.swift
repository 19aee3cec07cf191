import RelanceCore

extension EnglishImportWording {
    func words(for note: ImportNote) -> String {
        switch note {
        case .fec(let note): return words(for: note)
        case .bank(let note): return words(for: note)
        case .eInvoice(let note): return words(for: note)
        case .worksheetSkipped(let read, let skipped):
            return "read the worksheet \"\(read)\"; \(skipped.map { "\"\($0)\"" }.joined(separator: ", ")) before it holds no report"
        case .identityCleaned(let original, let cleaned, let field, let column):
            let place = column.map { " in column \"\($0)\"" } ?? ""
            return "the \(name(of: field))\(place) held control characters (\(PrintableText.escape(original))); "
                + "kept as \"\(cleaned)\". Check the export: a line break or a control character has no place in it."
        case .emailCellRefused(let text, let column):
            return "the email cell in column \"\(column)\" (\(PrintableText.escape(text))) is not "
                + "an address or a list of addresses separated by ; or , — no address of it is used. Correct the cell in the export."
        case .dateOrderGuessed(let order, let reason):
            let why = switch reason {
            case .frenchTitles: "French column titles"
            case .americanExport: "English column titles, decimal point and amounts in USD"
            case .decimalComma: "not an American export: decimal comma"
            case .currency(let code): "not an American export: amounts in \(code)"
            }
            let other = order == .dayFirst ? DayMonthOrder.monthFirst : .dayFirst
            return "No date in the file has a day above 12, so day and month could not be told apart; dates were read as \(order.rawValue)"
                + " (\(why)). If that is wrong, set [creditors.ID.columns] date_order = \"\(other.rawValue)\"."
        case .emptyOpenReadAsZero(let line, let column):
            return "Line \(line): \"\(column)\" is empty, read as 0 (paid)."
        case .invoiceLinesFolded(let rows, let invoices, let column):
            return "\(rows) rows are the lines of \(invoices) invoices, each repeating its invoice's amounts (\"\(column)\"): each invoice is counted once."
        case .customerColumnChosen(let chosen, let others, let moreSpecific):
            let why = moreSpecific ? "its title names a customer account more precisely" : "it comes first among equally likely titles"
            return "The customer code is read from column \"\(chosen)\" (\(why)); \(others.map { "\"\($0)\"" }.joined(separator: ", ")) could also hold it "
                + "and was not used. If that is wrong, set [creditors.ID.columns] customer = \"…\"."
        case .customersByName(let column):
            return "No column gives a customer code: each customer is identified by its name (column \"\(column)\") "
                + "and matched to the contacts file by that name. If the export has a code column, name it in "
                + "[creditors.ID.columns] customer = \"…\"."
        case .unknownLanguage(let line, let text):
            return "Line \(line): language \(quotedCell(text)) is not French nor English; the creditor's default applies."
        }
    }

    private func name(of field: ImportNote.IdentityField) -> String {
        switch field {
        case .customerCode: "customer code"
        case .customerName: "customer name"
        case .contactName: "name"
        case .invoiceNumber: "invoice number"
        }
    }

    private func words(for note: FECNote) -> String {
        switch note {
        case .noCustomerAccount(let prefix):
            return "No customer account (\(prefix)…) in this ledger: it yields no open items. Check that the export covers the sales ledger."
        case .unbalanced(let difference):
            return "The ledger does not balance: total debit minus total credit is \(amounts.string(difference)); the file may be truncated or filtered."
        case .sharedPieceReference(let customer, let reference, let entries, let labels):
            let described = entries.map { "entry \($0.number.map(String.init) ?? "?") dated \(dates.short($0.date))" }.joined(separator: ", ")
            return "Customer \(customer): the piece reference \"\(reference)\" is shared by \(entries.count) sales entries "
                + "(\(described)); read as \(entries.count) invoices: " + labels.map { "\"\($0)\"" }.joined(separator: ", ") + "."
        }
    }

    private func words(for note: BankNote) -> String {
        switch note {
        case .camtUntestedVersion(let kind, let version):
            return "camt.\(kind) version 001.\(version) is not one Relance was tested on (001.02 to 001.13); its entries were read the same way"
        case .camtUnbookedLeftOut(let count):
            return "\(count) entries not yet booked (status other than BOOK) were left out; they will be read from the statement that books them"
        case .camtTransactionsDisagree(let count, let total, let entry):
            return "the entry's \(count) transactions add up to \(total.map(amounts.string) ?? "amounts in other currencies"), not the entry's \(amounts.string(entry)); each transaction was read with its own amount"
        case .cfonbBalanceUnclosed(let account, let date, let line, let cutShort):
            return "account \(account): the balance of \(dates.short(date)) has no closing record 07 (line \(line))\(cutShort ? "; the file may be cut short" : "")"
        case .cfonbOperationOutsideBalance(let account, let line):
            return "account \(account): operation on line \(line) outside a balance 01 … 07 of its account; its balances are not checked"
        case .cfonbDetailWithoutOperation(let line):
            return "line \(line): a detail record 05 without its operation 04 was ignored"
        case .cfonbBalanceGap(let account, let previous, let previousLine, let operations, let new, let line, let gap):
            return "account \(account): previous balance \(amounts.string(previous)) (line \(previousLine)) + operations \(amounts.string(operations)) ≠ new balance \(amounts.string(new)) (line \(line)); the gap is \(amounts.string(gap)): an operation may be missing from the file"
        case .cfonbNewBalanceWithoutPrevious(let account, let line):
            return "account \(account): new balance on line \(line) without its previous balance 01; not checked"
        }
    }

    private func words(for note: EInvoiceNote) -> String {
        switch note {
        case .dueFromTerms(let due, let terms):
            return "No due date (BT-9): \(dates.short(due)) was read from the payment terms \"\(terms)\"."
        }
    }
}

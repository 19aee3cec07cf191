extension EnglishWording {
    public func refusedRowReason(_ problem: RefusedRow.Problem) -> String {
        func name(_ field: RefusedRow.DateField) -> String { field == .issued ? "issue date" : "due date" }
        return switch problem {
        case .spreadsheetDayZero(let field):
            "the \(name(field)) is the spreadsheet's day 0 (0, 00/01/1900 or 30/12/1899) — what a formula over an empty cell gives; fill in the real date or leave the cell empty"
        case .before1990(let field, let date):
            "the \(name(field)) \(self.date(date)) is before 1990; check the cell (a two-digit year, or a number that is not a date)"
        case .dueBeforeIssue(let due, let issued):
            "the due date \(date(due)) is before the issue date \(date(issued)); check both cells"
        case .dueTooFarAhead(let due, let exportDate, let years):
            "the due date \(date(due)) is more than \(years) years after the export date \(date(exportDate)); check the cell (a mistyped year?)"
        case .english(let reason):
            reason
        }
    }

    public func refusedRow(_ row: RefusedRow) -> String {
        let what = row.invoice.map { "invoice \($0)" + (row.customer.map { " (customer \($0))" } ?? "") } ?? "row"
        return "\(row.position): \(what) refused: \(refusedRowReason(row.problem))"
    }

    public func dueSource(_ source: String) -> String {
        let (base, earlier) = sourceParts(source)
        let said = switch base {
        case DueDateSource.dueDateColumn: "the export's due-date column"
        case DueDateSource.einvoiceDueDate: "the e-invoice's due date (BT-9)"
        case DueDateSource.termsText: "the payment terms written on the invoice (BT-20)"
        default: base
        }
        return earlier ? "\(said), earlier import" : said
    }

    private func day(_ date: CivilDate?) -> String { date.map(self.date) ?? "unknown" }

    public func invoiceOpened(invoice: String, open: Money, due: CivilDate?, source: String?, file: String) -> String {
        "Invoice \(invoice) open for \(amount(open)) (due \(day(due))\(source.map { ", from \(dueSource($0))" } ?? "")), from \(file)."
    }

    public func invoiceDueDisagreement(invoice: String, said: [(source: String, date: CivilDate)], kept: CivilDate?, source: String?) -> String {
        let listed = said.map { "\(dueSource($0.source)) \(date($0.date))" }.joined(separator: ", ")
        return "Invoice \(invoice): the sources disagree on its due date (\(listed)); the invoice's own, \(day(kept))\(source.map { " (\(dueSource($0)))" } ?? ""), is kept: it is the legal one. Check the customer's terms with the accountant."
    }

    public func invoiceTermsBeyondCap(invoice: String, due: CivilDate?, source: String?, issued: CivilDate?) -> String {
        "Invoice \(invoice) is due \(day(due))\(source.map { " (\(dueSource($0)))" } ?? ""), issued \(day(issued)): beyond the legal caps of 60 days or 45 days end of month (Code de commerce L441-10). Tell the accountant."
    }

    public func invoiceOlderSnapshot(invoice: String, file: String, asOf: CivilDate, applied: CivilDate) -> String {
        "Invoice \(invoice) left as it was: \(file) is as of \(date(asOf)), older than the \(date(applied)) snapshot already applied."
    }

    public func invoiceCustomerChanged(invoice: String, customer: String, file: String, formerCustomerID: Int64) -> String {
        "Invoice \(invoice) belongs to customer \(customer) according to \(file) (the ledger), no longer to customer #\(formerCustomerID)."
    }

    public func invoiceReopened(invoice: String, file: String, asOf: CivilDate, open: Money) -> String {
        "Invoice \(invoice) appears again in \(file) as of \(date(asOf)), open for \(amount(open)): reopened."
    }

    public func invoiceOpenChanged(invoice: String, from: Money, to: Money, file: String) -> String {
        "Invoice \(invoice) open amount went from \(amount(from)) to \(amount(to)) in \(file)."
    }

    public func invoiceDueChanged(invoice: String, from: CivilDate?, to: CivilDate?, source: String?, file: String) -> String {
        "Invoice \(invoice) due date changed from \(day(from)) to \(day(to))\(source.map { " (\(dueSource($0)))" } ?? "") by \(file)."
    }

    public func invoiceDocumentKept(invoice: String, file: String) -> String {
        "The document of invoice \(invoice) (\(file)) is kept to attach to its reminders."
    }
}

extension EnglishWording {
    public func receiptTermsBeyondCap(count: Int, invoices: [String], more: Bool) -> String {
        "\(count == 1 ? "1 invoice has" : "\(count) invoices have") payment terms beyond the legal caps (60 days, or 45 days end of month): "
            + invoices.joined(separator: ", ") + (more ? "…" : "") + "."
    }

    public func receiptDueDisagreements(count: Int, invoices: [DueDisagreement], more: Bool) -> String {
        let list = invoices.map { invoice in
            "\(invoice.invoice.printable) (\(invoice.said.map { "\(dueSource($0.source)): \(date($0.date))" }.joined(separator: ", ")))"
        }
        return "\(counted(count, "invoice", "invoices")) whose sources disagree on the due date; the date the invoice states is kept (the legal one), "
            + "check the customer's terms with the accountant: " + list.joined(separator: "; ") + (more ? "; …" : "") + "."
    }

    public func receiptRowRefused(_ row: RefusedRow) -> String { "row refused: \(refusedRow(row))" }

    public func receiptCustomerMatchedByName(name: String, file: String, customer: String) -> String {
        "\"\(name.printable)\" has no customer code in \(file): matched by name to customer \(customer)."
    }

    public func customerResolvedByName(name: String, file: String, customer: String) -> String {
        "\(file) has no customer code: \"\(name.printable)\" is customer \(customer), found by name."
    }

    public func moreImportWarnings(file: String, count: Int) -> String {
        "\(file): \(counted(count, "more warning", "more warnings")) (relance import --dry-run \(file) lists them all)."
    }
}

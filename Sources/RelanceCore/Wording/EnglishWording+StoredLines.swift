extension EnglishWording {
    /// `05/12/2026`: the bank journal's day, as it has always written it.
    private func bankDay(_ date: CivilDate) -> String { CivilDateFormat(.french).short(date) }

    public func reversalUnmatched(amount: Money, on day: CivilDate, label: String, candidates: Int?) -> String {
        guard let candidates else {
            return "Reversal of \(amount) on \(bankDay(day)) (\(label)): no earlier receipt of that amount on this account was found, "
                + "so nothing was undone (the receipt may predate Relance's statements)."
        }
        return "Reversal of \(amount) on \(bankDay(day)) (\(label)): \(candidates) earlier receipts fit equally, so none was undone. "
            + "Check with the bank which payment came back, then tell the accountant."
    }

    public func reversedReceiptPaidNothing(amount: Money, booked: CivilDate, label: String, reversedOn: CivilDate,
                                           method: BankReversalFinder.Method) -> String {
        "Received \(amount) on \(bankDay(booked)) (\(label)) was reversed by the bank on \(bankDay(reversedOn)) (found by \(method.words)); "
            + "it had paid no invoice, so nothing else changes and it is no longer listed as unmatched."
    }

    public func reversedPayment(invoice: String, payment: String, reversedOn: CivilDate, method: BankReversalFinder.Method,
                                lettered: Bool) -> String {
        let why = "reversed by the bank on \(bankDay(reversedOn)) (found by \(method.words))"
        return lettered
            ? "Invoice \(invoice): the \(payment) was \(why); the ledger had already allocated it, so the next export must show the invoice open again — tell the accountant."
            : "Invoice \(invoice): the \(payment) was \(why); the invoice is due again and reminders resume."
    }

    public func creditorStateChanged(creditor: String, active: Bool?, paused: Bool, until: CivilDate?, reason: String) -> String {
        let mode = active.map { $0 ? "active" : "review mode" } ?? "as configured"
        let pause = paused ? ", paused\(until.map { " until \(date($0))" } ?? "")" : ""
        return "Creditor \(creditor) is now \(mode)\(pause)\(reason.isEmpty ? "" : ": \(reason)")."
    }

    public func addressGivenAsRight(by person: String?, taskID: Int64?) -> String {
        if let taskID { return "given as the right address (task #\(taskID))" }
        return "given as the right address by \(person ?? "a person")"
    }

    public func consoleUserSaved(name: String, added: Bool, creditors: [String]?) -> String {
        "console user \(name) \(added ? "added" : "updated"), sees \(creditors?.joined(separator: ", ") ?? "every creditor")"
    }

    public func consoleUserRemoved(name: String) -> String { "console user \(name) removed" }

    public func heldImportConfirmed(importID: Int64, by person: String) -> String { "held import #\(importID) confirmed by \(person)" }

    public func heldImportRejectedReason(by person: String, said: String?) -> String {
        "Rejected by \(person)" + (said.map { ": \($0)" } ?? ".")
    }

    public func exportDeposited(file: String, bytes: Int, by person: String) -> String {
        "File \(file) (\(bytes) bytes) placed in the drop folder by \(person)"
    }
}

extension EnglishWording {
    public func identifyBuyerTitle(invoices: [String], more: Bool, file: String) -> String {
        let list = invoices.joined(separator: ", ") + (more ? "…" : "")
        return (invoices.count > 1 || more ? "Identify the customer of invoices \(list)" : "Identify the customer of invoice \(list)")
            + " (file \(file))"
    }

    public func customerWithoutContactTitle(customer: String) -> String {
        "Customer \(customer) owes money but has neither an email address nor a phone number: add them to the contacts file"
    }

    public func buyerUnidentified(buyer: String, file: String) -> String {
        "\(file) names a buyer (\(buyer)) that matches no customer id, SIREN, VAT number or name: no reminder until a person identifies it."
    }

    public func customerIdentified(customer: String, file: String, closedTasks: [Int64]) -> String {
        "Customer \(customer) is named by \(file), the creditor's ledger: identified"
            + (closedTasks.isEmpty ? "." : ", \(closedTasks.count > 1 ? "tasks" : "task") \(closedTasks.map { "#\($0)" }.joined(separator: ", ")) closed.")
    }

    public func identifyTasksClosedByLedger(file: String) -> String {
        "The ledger \(file) names the customers of every invoice of this unidentified buyer: its \"Customer to identify\" task is closed."
    }

    public func namedByTheLedger() -> String { "named by the ledger" }
    public func invoicesBelongToAKnownCustomer() -> String { "its invoices belong to a known customer" }
}

/// Where what matches nobody lands — a buyer of the ledger no customer id, SIREN, VAT number or
/// name matches, a customer owing money with no way to reach it — in the creditor's language
/// (#13). The journal's line for a task opened is `Wording.taskOpened`.
public protocol IdentifyWording: Sendable {
    /// The identify-customer task's title for the buyers of these invoices (`more`: the list is cut).
    func identifyBuyerTitle(invoices: [String], more: Bool, file: String) -> String
    func customerWithoutContactTitle(customer: String) -> String
    func buyerUnidentified(buyer: String, file: String) -> String
    func customerIdentified(customer: String, file: String, closedTasks: [Int64]) -> String
    func identifyTasksClosedByLedger(file: String) -> String
    /// The note an identify-customer task closed by an import keeps.
    func namedByTheLedger() -> String
    func invoicesBelongToAKnownCustomer() -> String
}

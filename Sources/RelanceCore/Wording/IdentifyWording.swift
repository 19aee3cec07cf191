/// Where what matches nobody lands — a buyer of the ledger no customer id, SIREN, VAT number or
/// name matches, a customer owing money with no way to reach it — and the journal's line for
/// every task opened, in the creditor's language (#13).
public protocol IdentifyWording: Sendable {
    /// The journal's line when a task opens: `Tâche n° 12 ouverte (Client à identifier) : …`.
    func taskOpened(taskID: Int64, kind: WorkTask.Kind, title: String) -> String
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

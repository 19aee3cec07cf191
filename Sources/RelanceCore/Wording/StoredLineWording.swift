/// Journal lines and stored reasons written by the store and the people's actions outside an
/// import: a bank reversal, a creditor's mode, a console user, an address a person gave. Worded
/// in the creditor's language when written (the journal is a record: an old line stays as it was).
public protocol StoredLineWording: Sendable {
    /// A reversal that fits no earlier receipt (`candidates` nil) or several equally.
    func reversalUnmatched(amount: Money, on day: CivilDate, label: String, candidates: Int?) -> String
    /// A reversed receipt that had paid no invoice.
    func reversedReceiptPaidNothing(amount: Money, booked: CivilDate, label: String, reversedOn: CivilDate,
                                    method: BankReversalFinder.Method) -> String
    /// An invoice's payment the bank reversed; `lettered` when the ledger had already taken it.
    func reversedPayment(invoice: String, payment: String, reversedOn: CivilDate, method: BankReversalFinder.Method,
                         lettered: Bool) -> String
    /// `relance creditor activate|review`, `relance pause|resume` for a whole creditor.
    func creditorStateChanged(creditor: String, active: Bool?, paused: Bool, until: CivilDate?, reason: String) -> String
    /// The stored reason of an address a person gave as the right one (on the console, or a task's outcome).
    func addressGivenAsRight(by person: String?, taskID: Int64?) -> String
    /// A console user added or updated (`creditors` nil: every creditor), and removed.
    func consoleUserSaved(name: String, added: Bool, creditors: [String]?) -> String
    func consoleUserRemoved(name: String) -> String
    /// A held snapshot a person confirmed; the stored reason of one a person rejected.
    func heldImportConfirmed(importID: Int64, by person: String) -> String
    func heldImportRejectedReason(by person: String, said: String?) -> String
    /// An export a person put into the drop folder (the console's upload).
    func exportDeposited(file: String, bytes: Int, by person: String) -> String
}

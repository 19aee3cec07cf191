public import Foundation

/// What a file's addresses of one role do to a customer's stored ones: only valid addresses
/// are stored, each invalid one is a journal line saying where it was read (so the accountant
/// can fix the source); then the stored set is replaced, or filled when it had none.
public struct CustomerEmailsDecision: Sendable {
    public enum Mode: Sendable { case replace, addWhenNone }

    /// One line per address not kept, in the file's order.
    public var invalidEvents: [NewEvent] = []
    /// nil: the stored addresses stay; else they are replaced by these (sorted).
    public var replacement: [String]?
    /// The line of the change, when there is one.
    public var changeEvent: NewEvent?

    /// `current`: the customer's stored addresses of the role, sorted.
    public init(_ raw: [String], current: [String], role: String, customerID: Int64, customerName: String, position: String,
                mode: Mode, creditor: CreditorID, importID: Int64, time: Date, words: any Wording) {
        var valid: [String] = []
        for text in raw {
            switch EmailAddress.parse(text) {
            case .success(let address): if !valid.contains(address.value) { valid.append(address.value) }
            case .failure(let problem):
                invalidEvents.append(NewEvent(time: time, kind: "customer.email-invalid", creditor: creditor, customerID: customerID,
                                              importID: importID, summary: words.addressNotKept(text, customer: customerName, problem: problem),
                                              detail: ["position": position, "role": role]))
            }
        }
        let wanted = valid.sorted()
        switch mode {
        case .addWhenNone: guard current.isEmpty, !wanted.isEmpty else { return }
        case .replace: guard current != wanted else { return }
        }
        replacement = wanted
        changeEvent = NewEvent(time: time, kind: current.isEmpty ? "customer.email-added" : "customer.email-changed", creditor: creditor,
                               customerID: customerID, importID: importID,
                               summary: words.customerAddressesChanged(role: role, customer: customerName, before: current, after: wanted))
    }
}

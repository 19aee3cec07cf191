/// One customer's lines in the FEC, in file order.
struct CustomerAccount: Sendable {
    /// `CompAuxNum`, else `CompteNum`.
    var customer: String
    /// The name its first named line gives (`CompAuxLib`, else `CompteLib`).
    var name: String?
    var entries: [LedgerEntry] = []
}

/// One customer account of the FEC: who it is. Its lines are `LedgerEntry`s that point back to it.
struct CustomerAccount: Sendable {
    /// `CompAuxNum`, else `CompteNum`.
    var customer: String
    /// The name its first named line gives (`CompAuxLib`, else `CompteLib`).
    var name: String?
}

extension BankEntry {
    /// The words a person recognises the entry by: the remittance text as the bank gave it,
    /// preceded by the payer unless the text names them already; at most 160 characters.
    public var label: String {
        let label: String
        switch counterparty {
        case let payer? where !remittance.uppercased().contains(payer.uppercased()):
            label = remittance.isEmpty ? payer : "\(payer) — \(remittance)"
        default:
            label = remittance
        }
        return String(label.prefix(160))
    }
}

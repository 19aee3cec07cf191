/// The mass-settlement safety (issue #3): an authoritative snapshot that would settle more than
/// the threshold of the open amount (in any currency) at once — a truncated or "overdue only"
/// export — waits for a person instead.
public enum MassSettlementCheck {
    /// An open invoice owed to the creditor, as the check weighs it.
    public struct OpenInvoice: Sendable, Hashable {
        public var number: String
        public var currency: String
        public var amount: Int64
        /// Last seen at or before this snapshot's date: a snapshot that does not list it settles it.
        public var settleable: Bool

        public init(number: String, currency: String, amount: Int64, settleable: Bool) {
            self.number = number
            self.currency = currency
            self.amount = amount
            self.settleable = settleable
        }
    }

    /// Why the snapshot must wait for a person, or nil. `listed`: the snapshot's invoice numbers
    /// (its refused rows' are added here: a refused row is not paid, only unreadable today).
    public static func reason(_ invoices: [OpenInvoice], listed: Set<String>, snapshot: ReceivableSnapshot, thresholdPercent: Int,
                              words: any Wording) -> String? {
        let listed = listed.union((snapshot.refusedRows ?? []).compactMap(\.invoice))
        var open: [String: Int64] = [:]
        var settling: [String: Int64] = [:]
        var settlingCount = 0
        for invoice in invoices {
            open[invoice.currency, default: 0] += invoice.amount
            if invoice.settleable && !listed.contains(invoice.number) {
                settling[invoice.currency, default: 0] += invoice.amount
                settlingCount += 1
            }
        }
        for (currency, amount) in settling.sorted(by: { $0.key < $1.key }) {
            let total = open[currency] ?? 0
            guard total > 0, amount.multipliedReportingOverflow(by: 100).partialValue > total.multipliedReportingOverflow(by: Int64(thresholdPercent)).partialValue else { continue }
            let share = Int((Double(amount) * 100 / Double(total)).rounded())
            let unit = Currency(code: currency) ?? .euro
            return words.massSettlement(settling: settlingCount, amount: Money(minorUnits: amount, currency: unit),
                                        open: Money(minorUnits: total, currency: unit), percent: share, threshold: thresholdPercent)
        }
        return nil
    }
}

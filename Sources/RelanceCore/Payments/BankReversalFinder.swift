/// Finds the receipt a reversal undoes (camt `RvslInd`, a CFONB rejection, an OFX DELETE
/// correction), most certain first, never by a silent guess:
/// 1. the bank names it (its bank reference);
/// 2. the same structured reference, else the same remittance text, else the same payer IBAN,
///    else the same payer name, among receipts of the same account, currency and amount booked
///    on or before the reversal;
/// 3. otherwise the one receipt of that amount in the `window` days before, reported as found
///    by amount and date alone.
/// Two candidates at the first level that has any: nothing is assumed (a person decides).
public enum BankReversalFinder {
    public enum Method: String, Sendable, Hashable {
        case bankReference = "bank-reference"
        case reference
        case remittance
        case payerIBAN = "payer-iban"
        case payerName = "payer-name"
        case amountAndDate = "amount-and-date"

        /// How the journal says it was found.
        public var words: String {
            switch self {
            case .bankReference: "the bank names the movement it reverses"
            case .reference: "same payment reference"
            case .remittance: "same remittance text"
            case .payerIBAN: "same payer account (IBAN)"
            case .payerName: "same payer name"
            case .amountAndDate: "same amount, the only such receipt in the days before: a guess to check"
            }
        }
    }

    public enum Finding: Sendable, Hashable {
        case found(id: Int64, method: Method)
        /// Several receipts fit equally well.
        case ambiguous(count: Int)
        case notFound
    }

    /// Receipts older than this are not taken as the original of a reversal by amount alone.
    public static let window = 60

    /// `candidates`: receipts not yet reversed, with their store ids.
    public static func original(of reversal: BankEntry, among candidates: [(id: Int64, entry: BankEntry)]) -> Finding {
        let amount = abs(reversal.amount.minorUnits)
        if let named = reversal.reverses {
            let found = candidates.filter { $0.entry.bankReference == named && $0.entry.account == reversal.account }
            if found.count == 1 { return .found(id: found[0].id, method: .bankReference) }
        }
        let fitting = candidates.filter { candidate in
            let entry = candidate.entry
            return !entry.isReversal && entry.account == reversal.account && entry.amount.currency == reversal.amount.currency
                && entry.amount.minorUnits == amount && amount > 0 && entry.booked <= reversal.booked
        }
        let tiers: [(Method, (BankEntry) -> String?)] = [
            (.reference, { $0.reference }),
            (.remittance, { normalised($0.remittance) }),
            (.payerIBAN, { $0.counterpartyIBAN }),
            (.payerName, { $0.counterparty.map(PaymentMatcher.payerNameKey) }),
        ]
        for (method, key) in tiers {
            guard let wanted = key(reversal), !wanted.isEmpty else { continue }
            let found = fitting.filter { key($0.entry) == wanted }
            if found.count == 1 { return .found(id: found[0].id, method: method) }
            if found.count > 1 { return .ambiguous(count: found.count) }
        }
        let recent = fitting.filter { $0.entry.booked.daysSinceEpoch >= reversal.booked.daysSinceEpoch - window }
        if recent.count == 1 { return .found(id: recent[0].id, method: .amountAndDate) }
        return recent.isEmpty ? .notFound : .ambiguous(count: recent.count)
    }

    /// The remittance text without the reversal's own words (`RETOUR`, `REJET`, `ANNULATION`,
    /// `REVERSAL`…) and case or spacing, so "REJET VIR FA26-0866" finds "VIR FA26-0866".
    static func normalised(_ text: String) -> String? {
        let noise: Set<String> = ["RETOUR", "REJET", "REJ", "ANNULATION", "ANNUL", "REVERSAL", "RETURN", "RETURNED", "RVSL", "STORNO", "IMPAYE"]
        let words = text.uppercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }).map(String.init)
            .filter { !noise.contains($0) }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}

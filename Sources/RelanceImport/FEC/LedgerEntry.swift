import RelanceCore

/// One line of a customer account (411…) in the FEC, with the amount as debit minus credit.
/// The customer's id and name live once in its `CustomerAccount`, not on each of its lines.
///
/// Dates are kept as `yyyymmdd` numbers, which order like the dates: a million-line ledger has
/// hundreds of thousands of these, and 64 bytes each instead of 112 is less to write, group and
/// copy. They become `CivilDate`s only for the open items.
struct LedgerEntry: Sendable, Hashable {
    /// Debit minus credit, in minor units: positive for an invoice, negative for a payment or credit note.
    var amount: Int64
    var line: Int
    var pieceRef: String
    var letter: String
    /// `EcritureDate`, as `yyyymmdd`.
    var dateKey: Int32
    /// `PieceDate`, as `yyyymmdd`; 0 when the line has none.
    var pieceDateKey: Int32
    /// Index of its `CustomerAccount` (it fits in what would be padding).
    var account: Int32
    var isOpening: Bool

    init(account: Int, isOpening: Bool, date: CivilDate, pieceRef: String, pieceDate: CivilDate?, amount: Int64, letter: String, line: Int) {
        self.amount = amount
        self.line = line
        self.pieceRef = pieceRef
        self.letter = letter
        dateKey = Self.key(date)
        pieceDateKey = pieceDate.map(Self.key) ?? 0
        self.account = Int32(truncatingIfNeeded: account)
        self.isOpening = isOpening
    }

    /// The invoice's date: the piece's own, else the entry's.
    var issuedKey: Int32 { pieceDateKey != 0 ? pieceDateKey : dateKey }
    var issued: CivilDate { Self.date(issuedKey) }
    var date: CivilDate { Self.date(dateKey) }

    static func key(_ date: CivilDate) -> Int32 {
        Int32(date.year * 10_000 + date.month * 100 + date.day)
    }

    /// Only ever given keys made by `key(_:)` from real dates.
    static func date(_ key: Int32) -> CivilDate {
        CivilDate(year: Int(key / 10_000), month: Int(key / 100 % 100), day: Int(key % 100))!
    }
}

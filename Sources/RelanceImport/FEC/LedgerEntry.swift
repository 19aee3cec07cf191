import RelanceCore

/// One line of a customer account (411…) in the FEC, with the amount as debit minus credit.
/// The customer's id and name live once in its `CustomerAccount`, not on each of its lines.
struct LedgerEntry: Sendable, Hashable {
    var isOpening: Bool
    var date: CivilDate
    var pieceRef: String
    var pieceDate: CivilDate?
    /// Debit minus credit, in minor units: positive for an invoice, negative for a payment or credit note.
    var amount: Int64
    var letter: String
    var line: Int

    var issued: CivilDate { pieceDate ?? date }
}

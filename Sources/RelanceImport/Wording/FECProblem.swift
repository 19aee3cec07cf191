/// Why a FEC ledger was refused, with the values its sentence needs (see `ImportProblem.fec`).
public enum FECProblem: Sendable, Hashable {
    case fileEmpty
    /// A line whose field count is not the header's; `separator` is the character that splits fields.
    case wrongFieldCount(found: Int, expected: Int, separator: UInt8)
    case notAnAmount(text: String, column: String)
    case notADate(text: String, column: String)
    case neitherDebitNorCredit(text: String, column: String)
    case ledgerOverflow
    case missingColumn(name: String, seen: [String])
    case noAmountColumns(seen: [String])
}

extension EnglishImportWording {
    func words(for problem: FECProblem) -> (what: String, toDo: String?) {
        switch problem {
        case .fileEmpty:
            return ("the file is empty", "Export the FEC again; the file may have been saved before the export finished.")
        case .wrongFieldCount(let found, let expected, let separator):
            return ("this line has \(found) fields but the header has \(expected)",
                    "A label probably contains the separator (\(separator == 0x09 ? "TAB" : String(UnicodeScalar(separator)))); remove it from that label and export again.")
        case .notAnAmount(let text, let column):
            return ("\(quotedCell(text)) in column \(column) is not an amount",
                    "FEC amounts are digits with a decimal comma, such as 1234,56 (no thousands separator, no currency sign).")
        case .notADate(let text, let column):
            return ("\(quotedCell(text)) in column \(column) is not a date", "FEC dates are written YYYYMMDD, such as 20261231.")
        case .neitherDebitNorCredit(let text, let column):
            return ("\(quotedCell(text)) in column \(column) is neither D (debit) nor C (credit)", "The Sens column must hold D or C (or +1 / -1).")
        case .ledgerOverflow:
            return ("the amounts of this ledger add up beyond what can be counted", "The file is damaged or not a FEC; export it again.")
        case .missingColumn(let name, let seen):
            return ("the FEC header has no \(name) column; columns seen: \(seen.joined(separator: " | "))",
                    "Export the FEC again from the accounting software: article A47 A-1 of the LPF requires the 18 standard columns.")
        case .noAmountColumns(let seen):
            return ("the FEC header has neither Debit and Credit nor Montant and Sens; columns seen: \(seen.joined(separator: " | "))",
                    "Export the FEC again with Debit and Credit columns (or Montant and Sens).")
        }
    }
}

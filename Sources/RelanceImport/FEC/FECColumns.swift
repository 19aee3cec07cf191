import RelanceCore

/// Where the FEC's columns are. Located by name, so the 18-column layout, the 21/22-column
/// cash-accounting layouts (DateRglt, ModeRglt, NatOp, IdClient) and the `Montant` + `Sens`
/// variant are all read the same way.
struct FECColumns: Sendable {
    var journalCode: Int
    var journalLib: Int?
    var ecritureNum: Int?
    var ecritureDate: Int
    var compteNum: Int
    var compteLib: Int?
    var compAuxNum: Int?
    var compAuxLib: Int?
    var pieceRef: Int
    var pieceDate: Int?
    var ecritureLib: Int?
    var amounts: Amounts
    var ecritureLet: Int?
    var count: Int
    var names: [String]

    enum Amounts: Sendable {
        case debitCredit(debit: Int, credit: Int)
        case amountAndDirection(amount: Int, direction: Int)
    }

    var highestRequired: Int {
        let amountColumns: [Int] = switch amounts {
        case let .debitCredit(debit, credit): [debit, credit]
        case let .amountAndDirection(amount, direction): [amount, direction]
        }
        return ([journalCode, ecritureDate, compteNum, pieceRef] + amountColumns).max()!
    }

    init(header: [String], file: String, line: Int) throws(ImportError) {
        names = header
        count = header.count
        var at: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            let key = name.lowercased().filter { !$0.isWhitespace && $0 != "\u{FEFF}" }
            if at[key] == nil { at[key] = index }
        }
        func required(_ name: String) throws(ImportError) -> Int {
            guard let index = at[name.lowercased()] else {
                throw ImportError(.missingColumn, at: SourcePosition(file: file, line: line),
                                  .fec(.missingColumn(name: name, seen: header)))
            }
            return index
        }
        journalCode = try required("JournalCode")
        journalLib = at["journallib"]
        ecritureNum = at["ecriturenum"]
        ecritureDate = try required("EcritureDate")
        compteNum = try required("CompteNum")
        compteLib = at["comptelib"]
        compAuxNum = at["compauxnum"]
        compAuxLib = at["compauxlib"]
        pieceRef = try required("PieceRef")
        pieceDate = at["piecedate"]
        ecritureLib = at["ecriturelib"]
        ecritureLet = at["ecriturelet"]
        if let debit = at["debit"], let credit = at["credit"] {
            amounts = .debitCredit(debit: debit, credit: credit)
        } else if let amount = at["montant"], let direction = at["sens"] {
            amounts = .amountAndDirection(amount: amount, direction: direction)
        } else {
            throw ImportError(.missingColumn, at: SourcePosition(file: file, line: line),
                              .fec(.noAmountColumns(seen: header)))
        }
    }
}

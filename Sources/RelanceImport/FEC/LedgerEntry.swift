import RelanceCore

/// One line of a customer account (411…) in the FEC, with the amount as debit minus credit.
/// The customer's id and name live once in its `CustomerAccount`, not on each of its lines.
///
/// Dates are kept as `yyyymmdd` numbers, which order like the dates, and the piece reference and
/// letter as bytes in the read's `LedgerText` (where this entry says): a million-line ledger has
/// hundreds of thousands of these, and 48 plain bytes each (no String to make, retain and
/// release) instead of 112 is less to write, group and copy. They become `CivilDate`s and
/// Strings only for the open items.
struct LedgerEntry: Sendable, Hashable {
    /// Debit minus credit, in minor units: positive for an invoice, negative for a payment or credit note.
    var amount: Int64
    /// Where the piece reference's bytes start in the read's `LedgerText`; the letter's follow them.
    var textStart: Int
    var pieceRefLength: UInt32
    var letterLength: UInt32
    /// `EcritureDate`, as `yyyymmdd`.
    var dateKey: Int32
    /// `PieceDate`, as `yyyymmdd`; 0 when the line has none.
    var pieceDateKey: Int32
    /// Index of its `CustomerAccount` (it fits in what would be padding).
    var account: Int32
    /// The file's line, kept in 32 bits so that the entry number fits in the same 64 bytes.
    private var lineNumber: Int32
    /// `EcritureNum` when it is a number, else a hash of it; -1 when the column is absent or empty.
    /// Two lines of one entry share it; it tells apart entries that share a piece reference.
    var entryNumber: Int32
    var isOpening: Bool
    /// The line held no byte above 0x7F, so its reference and letter can be compared byte by
    /// byte (else as Strings are: by canonical equivalence, as before they were bytes).
    var textIsASCII: Bool

    var line: Int { Int(lineNumber) }
    var hasPieceRef: Bool { pieceRefLength != 0 }
    var hasLetter: Bool { letterLength != 0 }

    /// A stretch of the file read on its own numbers its lines from 1; the merge makes them the file's.
    mutating func shiftLine(by offset: Int) {
        lineNumber = Int32(truncatingIfNeeded: Int(lineNumber) + offset)
    }

    /// `textStart`: where `pieceRefLength` bytes of reference, then `letterLength` of letter, lie in the `LedgerText`.
    init(account: Int, isOpening: Bool, date: CivilDate, textStart: Int, pieceRefLength: UInt32, letterLength: UInt32, textIsASCII: Bool,
         pieceDate: CivilDate?, amount: Int64, line: Int, entryNumber: Int32 = -1) {
        self.amount = amount
        self.lineNumber = Int32(truncatingIfNeeded: line)
        self.entryNumber = entryNumber
        self.textStart = textStart
        self.pieceRefLength = pieceRefLength
        self.letterLength = letterLength
        self.textIsASCII = textIsASCII
        dateKey = Self.key(date)
        pieceDateKey = pieceDate.map(Self.key) ?? 0
        self.account = Int32(truncatingIfNeeded: account)
        self.isOpening = isOpening
    }

    /// The invoice's date: the piece's own, else the entry's.
    var issuedKey: Int32 { pieceDateKey != 0 ? pieceDateKey : dateKey }
    var issued: CivilDate { Self.date(issuedKey) }
    var date: CivilDate { Self.date(dateKey) }

    /// `EcritureNum` as a number: its digits when it is one (so it can be printed back), else a
    /// 31-bit FNV-1a hash of its bytes (never -1, which means "none").
    static func entryNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard !bytes.isEmpty else { return -1 }
        var value: Int64 = 0
        var digits = true
        for byte in bytes {
            guard (0x30...0x39).contains(byte), value < 100_000_000 else { digits = false; break }
            value = value * 10 + Int64(byte - 0x30)
        }
        if digits { return Int32(value) }
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        // Above every number kept as digits, so a hash never looks like one.
        return Int32(1_000_000_000 + Int64(hash % 1_000_000_000))
    }

    static func key(_ date: CivilDate) -> Int32 {
        Int32(date.year * 10_000 + date.month * 100 + date.day)
    }

    /// Only ever given keys made by `key(_:)` from real dates.
    static func date(_ key: Int32) -> CivilDate {
        CivilDate(year: Int(key / 10_000), month: Int(key / 100 % 100), day: Int(key % 100))!
    }
}

import RelanceCore

/// The last eight-byte date field read, and what it reads as. The lines of one entry share
/// their date, and a ledger's entries mostly follow each other day by day: a million-line
/// ledger has two million date fields and only a few hundred distinct dates, so comparing a
/// field's eight bytes with the last one's, as one word, spares reading its digits and checking
/// the day against the month's length again.
struct RecentDate {
    /// The last field's bytes (as one unaligned word) and its date; nil until one is read.
    private var last: (word: UInt64, date: CivilDate)?

    /// `FECValues.date` of the field without its padding spaces (as `FECLineReader.slice`
    /// trims them); `raw` is the field as it lies between its separators.
    mutating func date(_ raw: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard raw.count == 8, let base = raw.baseAddress else { return FECValues.date(Self.trimmed(raw)) }
        let word = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
        if let last, last.word == word { return last.date }
        let date = FECValues.date(Self.trimmed(raw))
        if let date { last = (word, date) }
        return date
    }

    private static func trimmed(_ raw: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lower = 0, upper = raw.count
        while lower < upper, raw[lower] == 0x20 { lower += 1 }
        while upper > lower, raw[upper - 1] == 0x20 { upper -= 1 }
        return UnsafeBufferPointer(rebasing: raw[lower..<upper])
    }
}

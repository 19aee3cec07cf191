import RelanceCore

/// One cell of a delimited file, with where it starts (1-based line and character column).
struct DelimitedField: Sendable, Hashable {
    var text: String
    var line: Int
    var column: Int
}

/// One logical record; it may span several physical lines when a quoted cell holds a newline.
struct DelimitedRecord: Sendable, Hashable {
    var fields: [DelimitedField]
    var line: Int

    var isBlank: Bool { fields.allSatisfy { $0.text.trimmingSpaces().isEmpty } }
}

/// An RFC 4180 reader over UTF-8 bytes: quoted cells may hold separators, newlines and doubled
/// quotes. Works on bytes because separators, quotes and line breaks are ASCII, so they can
/// never be the inside of a multi-byte UTF-8 sequence. Line breaks are LF, CRLF, CR, and the
/// CR CR LF that some Windows tools write when they convert line endings twice.
enum DelimitedTextReader {
    /// `maximumCells`: a file of nothing but separators would otherwise cost a cell (some 50
    /// bytes of memory) per byte; the count is checked as each cell is read.
    static func records(utf8 bytes: [UInt8], separator: UInt8, file: String,
                        maximumCells: Int = ImportLimits.standard.textCells) throws(ImportError) -> [DelimitedRecord] {
        try bytes.withUnsafeBufferPointer { (buffer) throws(ImportError) -> [DelimitedRecord] in
            var cursor = DelimitedRecordCursor(buffer, separator: separator, file: file, maximumCells: maximumCells)
            var records: [DelimitedRecord] = []
            while let record = try cursor.next() { records.append(record) }
            return records
        }
    }

    /// Picks the separator whose count per line is the most consistent over the first lines,
    /// counting only outside quotes: a decimal comma inside `1 234,56` varies from line to line,
    /// a real separator does not. Ties go to `;`, then TAB, then `,` (the French order of likelihood).
    static func detectSeparator(utf8 bytes: [UInt8], candidates: [UInt8] = [0x3B, 0x09, 0x2C, 0x7C]) -> UInt8 {
        var perLine: [[Int]] = []
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var lines = 0
        var sawContent = false
        for byte in bytes.prefix(256 * 1024) {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if !inQuotes && (byte == 0x0A || byte == 0x0D) {
                if sawContent { perLine.append(counts); lines += 1 }
                counts = [Int](repeating: 0, count: candidates.count); sawContent = false
                if lines >= 200 { break }
                continue
            }
            sawContent = true
            if !inQuotes, let slot = candidates.firstIndex(of: byte) { counts[slot] += 1 }
        }
        if sawContent { perLine.append(counts) }
        var best = candidates[0]
        var bestScore = (0, 0)
        for (slot, candidate) in candidates.enumerated() {
            var frequency: [Int: Int] = [:]
            for line in perLine where line[slot] > 0 { frequency[line[slot], default: 0] += 1 }
            guard let (mode, lines) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            let score = (lines, mode)
            if score > bestScore { bestScore = score; best = candidate }
        }
        return best
    }
}

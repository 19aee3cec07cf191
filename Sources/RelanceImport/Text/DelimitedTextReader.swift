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
        var records: [DelimitedRecord] = []
        var cells = 0
        var fields: [DelimitedField] = []
        var line = 1
        var column = 1
        var index = 0
        let count = bytes.count
        var recordLine = 1
        var atRecordStart = true

        /// Length of the line break starting at `i`, or 0.
        @inline(__always) func lineBreakLength(_ i: Int) -> Int {
            let byte = bytes[i]
            if byte == 0x0A { return 1 }
            guard byte == 0x0D else { return 0 }
            if i + 1 < count, bytes[i + 1] == 0x0A { return 2 }
            if i + 2 < count, bytes[i + 1] == 0x0D, bytes[i + 2] == 0x0A { return 3 }
            return 1
        }
        @inline(__always) func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

        while index < count {
            if atRecordStart { recordLine = line; atRecordStart = false }
            let fieldLine = line, fieldColumn = column
            var cell: [UInt8] = []
            var endedRecord = false
            if bytes[index] == UInt8(ascii: "\"") {
                index += 1; column += 1
                var closed = false
                while index < count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") {
                        if index + 1 < count, bytes[index + 1] == UInt8(ascii: "\"") {
                            cell.append(byte); index += 2; column += 2; continue
                        }
                        index += 1; column += 1; closed = true; break
                    }
                    let breakLength = lineBreakLength(index)
                    if breakLength > 0 {
                        cell.append(0x0A); index += breakLength; line += 1; column = 1; continue
                    }
                    cell.append(byte); index += 1
                    if !isContinuation(byte) { column += 1 }
                }
                if !closed {
                    throw ImportError(.unterminatedQuote, at: SourcePosition(file: file, line: fieldLine, column: fieldColumn), .unterminatedQuote)
                }
            }
            // Unquoted cell, or what trails a closing quote (kept, as spreadsheets do): a run of
            // the file's bytes, decoded once (most cells are only this; no copy byte by byte).
            let runStart = index
            while index < count {
                let byte = bytes[index]
                if byte == separator || byte == 0x0A || byte == 0x0D { break }
                index += 1
                if !isContinuation(byte) { column += 1 }
            }
            let runEnd = index
            if index < count, bytes[index] != separator {
                index += lineBreakLength(index); line += 1; column = 1; endedRecord = true
            }
            cells += 1
            if cells > maximumCells {
                throw ImportError(.overLimit, at: SourcePosition(file: file, line: fieldLine, column: fieldColumn),
                                  .tooManyTextCells(limit: maximumCells))
            }
            let text: String
            if cell.isEmpty {
                text = String(decoding: bytes[runStart..<runEnd], as: UTF8.self)
            } else {
                cell.append(contentsOf: bytes[runStart..<runEnd])
                text = String(decoding: cell, as: UTF8.self)
            }
            fields.append(DelimitedField(text: text, line: fieldLine, column: fieldColumn))
            if endedRecord {
                records.append(DelimitedRecord(fields: fields, line: recordLine))
                fields = []; atRecordStart = true
            } else if index < count {
                index += 1; column += 1 // the separator
                if index == count { fields.append(DelimitedField(text: "", line: line, column: column)) }
            }
        }
        if !fields.isEmpty { records.append(DelimitedRecord(fields: fields, line: recordLine)) }
        return records
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

import RelanceCore

/// `DelimitedTextReader`'s RFC 4180 reading, one record at a time over bytes the caller lends
/// (a mapped file, or an array's storage): a large report is read as it is imported, without
/// holding all its records at once. The rules are `DelimitedTextReader.records`'s, which is
/// this cursor run to the end.
struct DelimitedRecordCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    let separator: UInt8
    let file: String
    /// Cells read so far are counted against this (`ImportLimits.textCells`).
    let maximumCells: Int
    private(set) var cells = 0
    /// Where the next record starts: the bytes before it are never looked at again.
    private(set) var offset = 0
    private var line = 1
    private var column = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, file: String, maximumCells: Int) {
        self.bytes = bytes
        self.separator = separator
        self.file = file
        self.maximumCells = maximumCells
    }

    /// Length of the line break starting at `i`, or 0. Line breaks are LF, CRLF, CR, and the
    /// CR CR LF that some Windows tools write when they convert line endings twice.
    @inline(__always) private func lineBreakLength(_ i: Int) -> Int {
        let byte = bytes[i]
        if byte == 0x0A { return 1 }
        guard byte == 0x0D else { return 0 }
        if i + 1 < bytes.count, bytes[i + 1] == 0x0A { return 2 }
        if i + 2 < bytes.count, bytes[i + 1] == 0x0D, bytes[i + 2] == 0x0A { return 3 }
        return 1
    }

    @inline(__always) private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The next record, or nil at the end of the bytes.
    mutating func next() throws(ImportError) -> DelimitedRecord? {
        let count = bytes.count
        var index = offset
        defer { offset = index }
        guard index < count else { return nil }
        let recordLine = line
        var fields: [DelimitedField] = []
        while index < count {
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
                    if !Self.isContinuation(byte) { column += 1 }
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
                if !Self.isContinuation(byte) { column += 1 }
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
                text = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd]), as: UTF8.self)
            } else {
                cell.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd]))
                text = String(decoding: cell, as: UTF8.self)
            }
            fields.append(DelimitedField(text: text, line: fieldLine, column: fieldColumn))
            if endedRecord { return DelimitedRecord(fields: fields, line: recordLine) }
            if index < count {
                index += 1; column += 1 // the separator
                if index == count { fields.append(DelimitedField(text: "", line: line, column: column)) }
            }
        }
        return DelimitedRecord(fields: fields, line: recordLine)
    }
}

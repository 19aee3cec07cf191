/// Splits a FEC into lines and fields without copying: the format has no quoting, so a field
/// is whatever lies between separators. Lines end with LF, CR, CRLF or CR CR LF.
///
/// It reads the bytes through a pointer the caller lends for the whole parse, and keeps the
/// current line's field bounds in storage it reuses: a million-line ledger is 125 million
/// bytes and 18 million fields, and per-byte bounds checks and per-field array appends cost
/// as much as everything else the parse does.
struct FECLineReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let separator: UInt8
    private(set) var index = 0
    /// Physical line number of the line last returned (1-based).
    private(set) var line = 0
    private var nextLine = 1
    /// Where the current line starts in `bytes`.
    private(set) var lineStart = 0
    /// Where the current line's fields are cut: `cuts[0]` is the byte before the line, then
    /// each separator, then the line's break, so that field `i` lies between `cuts[i] + 1` and
    /// `cuts[i + 1]`; only the first `fieldCount + 1` are meaningful. One entry a field rather
    /// than its start and end: half the writes.
    private var cuts = [Int](repeating: 0, count: 48)
    private(set) var fieldCount = 0
    /// Where the current line's break is (its last byte + 1).
    private(set) var lineEnd = 0
    /// Whether the current line may hold bytes above 0x7F (the words read to split it did;
    /// they can reach a few bytes into the next line, so it is checked exactly when set).
    private(set) var mayHaveHighBytes = false

    init(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) {
        self.bytes = bytes
        self.separator = separator
    }

    /// Physical lines read so far, blank ones included.
    var linesConsumed: Int { nextLine - 1 }

    /// Byte range of field `index` of the current line.
    subscript(field index: Int) -> Range<Int> {
        (cuts[index] + 1)..<cuts[index + 1]
    }

    /// Moves to the next non-empty line; false at the end.
    mutating func next() -> Bool {
        while index < bytes.count {
            line = nextLine
            nextLine += 1
            lineStart = index
            let end = splitLine(from: index)
            lineEnd = end
            // Consume the line break.
            index = end
            if index < bytes.count {
                if bytes[index] == 0x0D, index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A {
                    index += 3
                } else if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    index += 2
                } else {
                    index += 1
                }
            }
            if fieldCount == 1 && cuts[0] + 1 == cuts[1] { continue }
            return true
        }
        return false
    }

    /// Records the fields of the line starting at `start`; returns where its line break is.
    private mutating func splitLine(from start: Int) -> Int {
        while true {
            let bytes = self.bytes, separator = self.separator
            let (end, count, high) = cuts.withUnsafeMutableBufferPointer { out in
                Self.split(bytes, from: start, separator: separator, into: out)
            }
            fieldCount = count
            mayHaveHighBytes = high
            if count + 1 <= cuts.count { return end }
            // A line with more fields than ever seen: grow once, and split it again.
            cuts = [Int](repeating: 0, count: count + 1)
        }
    }

    /// Writes where the line at `start` is cut into `out` (see `cuts`), as far as it has room
    /// (at least one entry); returns where the line ends, how many fields it has, and whether
    /// any byte read on the way is above 0x7F.
    ///
    /// Eight bytes at a time: a word's separators and line breaks are found with a few
    /// arithmetic operations, and only they are looked at one by one, rather than every
    /// byte of a 125-byte line. With TAB as separator one test finds all three (every byte
    /// below 0x0E: TAB, LF, CR, and the other control characters, rare in a ledger, which are
    /// then passed over); `|` and `;` take one test more. (Writing a word's first four cuts
    /// unconditionally, without a branch per separator, was tried and cost a fifth more CPU:
    /// counting them takes a popcount, which the baseline x86-64 target does in software.)
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, separator: UInt8,
                              into out: UnsafeMutableBufferPointer<Int>) -> (end: Int, fields: Int, high: Bool) {
        let room = out.count
        let cuts = out.baseAddress!
        // Entries written (or, past `room`, counted) so far.
        cuts[0] = start &- 1
        var count = 1
        @inline(__always)
        func cut(at place: Int) {
            if count < room { cuts[count] = place }
            count += 1
        }
        let base = bytes.baseAddress!
        let ones: UInt64 = 0x0101_0101_0101_0101
        let separatorIsControl = separator < 0x0E
        let separators = ones &* UInt64(separator)
        var position = start
        var high: UInt64 = 0
        while position + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            high |= word
            var hits = FECLineReader.controlBytes(word)
            if !separatorIsControl { hits |= FECLineReader.zeroBytes(word ^ separators) }
            while hits != 0 {
                let at = position &+ hits.trailingZeroBitCount &>> 3
                hits &= hits &- 1
                let byte = base[at]
                if byte == separator {
                    cut(at: at)
                } else if byte == 0x0A || byte == 0x0D {
                    cut(at: at)
                    return (at, count - 1, high & 0x8080_8080_8080_8080 != 0)
                }
            }
            position += 8
        }
        while position < bytes.count {
            let byte = base[position]
            high |= UInt64(byte)
            if byte == 0x0A || byte == 0x0D { break }
            if byte == separator { cut(at: position) }
            position += 1
        }
        cut(at: position)
        return (position, count - 1, high & 0x8080_8080_8080_8080 != 0)
    }

    /// The high bit of every byte of `word` that is zero, and no other bit: no carry crosses
    /// from one byte to the next, so there are no false positives.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low7) &+ low7) | word | low7)
    }

    /// The high bit of every byte of `word` below 0x0E (TAB, LF, CR and the control characters
    /// before them), and no other bit. Exact: a byte's low seven bits plus 0x72 stay below 0x100,
    /// so no carry crosses into the next byte, and bytes from 0x80 up are excluded by their own
    /// high bit.
    @inline(__always)
    static func controlBytes(_ word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low7) &+ 0x7272_7272_7272_7272) | word | low7)
    }

    /// Whether the current line is valid UTF-8 (a line of ASCII is, without looking further).
    /// Line breaks and separators are ASCII, which no UTF-8 character contains: a file is
    /// UTF-8 exactly when each of its lines is.
    var lineIsUTF8: Bool {
        guard mayHaveHighBytes else { return true }
        var iterator = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]).makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: slice(range), as: UTF8.self)
    }

    /// The field's bytes without the spaces that padded exports put around values.
    @inline(__always)
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, bytes[lower] == 0x20 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[lower..<upper])
    }

    /// 1-based character column where `range` starts on the current line.
    func column(of range: Range<Int>) -> Int {
        var column = 1
        for byte in bytes[lineStart..<range.lowerBound] where byte & 0xC0 != 0x80 { column += 1 }
        return column
    }
}

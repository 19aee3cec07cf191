/// The customer lines of a read taken account by account, each account's in file order, without
/// a second copy of them all: one array of the lines' places among the read's segments (4 bytes a
/// line) says where each account's are, and each account's lines are gathered, with their
/// references and letters, into two small buffers reused from one account to the next.
///
/// A copy of every line grouped by account (48 bytes a line, 19 MB for a million-line ledger,
/// and its texts 5 MB more) was written on fresh pages, which the kernel clears before handing
/// them over: on this machine, clearing pages was a fifth of a dry run's CPU. The buffers stay in
/// the processor's cache; the reads that gather an account's lines do not depend on each other
/// (their places are known beforehand), so the processor overlaps their cache misses.
struct LinesByAccount {
    /// Account `n`'s lines are `places[start[n]..<start[n + 1]]`.
    private let start: [Int]
    /// A line's segment times `FECChunk.segmentLength`, plus its index in the segment.
    private let places: [UInt32]
    /// How many lines there are, of every account.
    var lineCount: Int { places.count }
    /// The most lines, and the most bytes of text, any one account has.
    private let mostLines: Int
    private let mostText: Int

    /// Sorts the places of `segments`' lines by account (a counting sort: stable, so each
    /// account's lines stay in file order).
    init(_ segments: [[LedgerEntry]], accounts: Int) {
        // Places are 32 bits: 4 billion customer lines would be 200 GB of them, which no read
        // gets to hold (their segments would not be allocated).
        precondition(segments.count <= Int(UInt32.max) / FECChunk.segmentLength, "too many customer lines")
        var start = [Int](repeating: 0, count: accounts + 1), mostLines = 0, mostText = 0
        var textLength = [Int](repeating: 0, count: accounts)
        for segment in segments {
            for entry in segment {
                start[Int(entry.account) + 1] += 1
                textLength[Int(entry.account)] += Int(entry.pieceRefLength) + Int(entry.letterLength)
            }
        }
        for account in 0..<accounts {
            mostLines = max(mostLines, start[account + 1])
            mostText = max(mostText, textLength[account])
            start[account + 1] += start[account]
        }
        var next = start
        let places = [UInt32](unsafeUninitializedCapacity: start[accounts]) { places, count in
            for (number, segment) in segments.enumerated() {
                let first = number * FECChunk.segmentLength
                for (index, entry) in segment.enumerated() {
                    let account = Int(entry.account)
                    places[next[account]] = UInt32(truncatingIfNeeded: first + index)
                    next[account] += 1
                }
            }
            count = start[accounts]
        }
        self.start = start
        self.places = places
        self.mostLines = mostLines
        self.mostText = mostText
    }

    /// Calls `body` with each account's number, its lines in file order and their texts (the
    /// lines' `textStart` made to point into them), lent for the call only.
    func forEachAccount(of segments: [[LedgerEntry]], text: [UInt8],
                        _ body: (_ account: Int, _ lines: UnsafeBufferPointer<LedgerEntry>, _ text: LedgerText) -> Void) {
        let lines = UnsafeMutableBufferPointer<LedgerEntry>.allocate(capacity: max(mostLines, 1))
        let gatheredText = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(mostText, 1))
        defer {
            lines.deallocate()
            gatheredText.deallocate()
        }
        text.withUnsafeBufferPointer { text in
            for account in 0..<(start.count - 1) {
                var count = 0, textCount = 0
                for place in places[start[account]..<start[account + 1]] {
                    var entry = segments[Int(place) / FECChunk.segmentLength][Int(place) % FECChunk.segmentLength]
                    let length = Int(entry.pieceRefLength) + Int(entry.letterLength)
                    // Within bounds: each line's text lies within the read's (where `FECChunk.read`
                    // put it), and `mostText` is the largest sum of one account's lengths.
                    if length > 0 {
                        Self.copy(length, from: text.baseAddress! + entry.textStart, to: gatheredText.baseAddress! + textCount)
                    }
                    entry.textStart = textCount
                    textCount += length
                    // Within bounds: no account has more than `mostLines` lines.
                    (lines.baseAddress! + count).initialize(to: entry)
                    count += 1
                }
                body(account, UnsafeBufferPointer(rebasing: lines[..<count]),
                     LedgerText(bytes: UnsafeBufferPointer(rebasing: gatheredText[..<textCount])))
            }
        }
    }

    /// Copies a line's few bytes of text eight at a time: a call to `memmove` for each cost
    /// more than the copying.
    @inline(__always)
    private static func copy(_ count: Int, from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) {
        var offset = 0
        while offset + 8 <= count {
            UnsafeMutableRawPointer(target + offset).storeBytes(of: UnsafeRawPointer(source + offset).loadUnaligned(as: UInt64.self),
                                                                as: UInt64.self)
            offset += 8
        }
        while offset < count {
            target[offset] = source[offset]
            offset += 1
        }
    }
}

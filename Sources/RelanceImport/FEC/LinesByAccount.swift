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
    ///
    /// An account's lines are gathered first, then their texts, rather than each line with its
    /// text: a line's text is found through the line, so gathered together the text's cache miss
    /// waited on the line's, and the copy's length, known only once the line came, stopped the
    /// processor from running ahead to the next lines. Apart, the lines' loads depend on nothing
    /// but `places`, and the texts' on lines already in the cache.
    func forEachAccount(of segments: [[LedgerEntry]], text: [UInt8],
                        _ body: (_ account: Int, _ lines: UnsafeBufferPointer<LedgerEntry>, _ text: LedgerText) -> Void) {
        let lines = UnsafeMutableBufferPointer<LedgerEntry>.allocate(capacity: max(mostLines, 1))
        // `shortText` bytes more than any account's text: room for a short text's whole words.
        let gatheredText = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: mostText + Self.shortText)
        defer {
            lines.deallocate()
            gatheredText.deallocate()
        }
        text.withUnsafeBufferPointer { text in
            for account in 0..<(start.count - 1) {
                var count = 0
                for place in places[start[account]..<start[account + 1]] {
                    // Within bounds: no account has more than `mostLines` lines.
                    (lines.baseAddress! + count).initialize(to: segments[Int(place) / FECChunk.segmentLength][Int(place) % FECChunk.segmentLength])
                    count += 1
                }
                var textCount = 0
                for index in 0..<count {
                    let source = lines[index].textStart
                    let length = Int(lines[index].pieceRefLength) + Int(lines[index].letterLength)
                    // Within bounds: each line's text lies within the read's (where `FECChunk.read`
                    // put it), and `mostText` is the largest sum of one account's lengths.
                    Self.copy(length, from: text, at: source, to: gatheredText.baseAddress! + textCount)
                    lines[index].textStart = textCount
                    textCount += length
                }
                body(account, UnsafeBufferPointer(rebasing: lines[..<count]),
                     LedgerText(bytes: UnsafeBufferPointer(rebasing: gatheredText[..<textCount])))
            }
        }
    }

    /// A text of up to this many bytes (nearly every line's reference and letter) is copied as two
    /// whole words, without a loop whose length the processor must guess.
    private static let shortText = 16

    /// Copies `count` bytes of `text` from `start` to `target`, which has `shortText` bytes of room
    /// past them. A short text whose two words lie within `text` (checked here, not trusted) is
    /// copied as those words, the bytes past it overwritten by the next text or never read.
    @inline(__always)
    private static func copy(_ count: Int, from text: UnsafeBufferPointer<UInt8>, at start: Int, to target: UnsafeMutablePointer<UInt8>) {
        guard count > 0 else { return }
        let source = text.baseAddress! + start
        if count <= shortText, start <= text.count - shortText {
            let raw = UnsafeRawPointer(source)
            UnsafeMutableRawPointer(target).storeBytes(of: raw.loadUnaligned(as: UInt64.self), as: UInt64.self)
            UnsafeMutableRawPointer(target + 8).storeBytes(of: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self), as: UInt64.self)
        } else {
            copy(count, from: source, to: target)
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

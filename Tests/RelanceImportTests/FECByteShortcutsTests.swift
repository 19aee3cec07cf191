import RelanceCore
@testable import RelanceImport
import Testing

/// The shortcuts a FEC read takes on its hot path (issue #17: one test for TAB and line breaks,
/// the last date kept, journals and customers compared by their bytes) give what the plain way gives.
@Suite("FEC: byte shortcuts of the read")
struct FECByteShortcutsTests {
    @Test("a word's bytes below 0x0E are found, and no others")
    func controlBytes() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        // Every byte value at every position of a word, among random neighbours.
        for value in 0...255 {
            for position in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                var bytes = withUnsafeBytes(of: state) { Array($0) }
                bytes[position] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                var expected: UInt64 = 0
                for (index, byte) in bytes.enumerated() where byte < 0x0E { expected |= 0x80 << (8 * index) }
                #expect(FECLineReader.controlBytes(UInt64(littleEndian: word)) == expected, "\(bytes)")
            }
        }
    }

    @Test("control characters inside fields stay in them; only TAB, LF and CR split", arguments: [0x09, 0x7C, 0x3B] as [UInt8])
    func controlCharactersInFields(_ separator: UInt8) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet: [[UInt8]] = [[0x61], [separator], [separator], [0x0A], [0x0D], [0x0D, 0x0A], [0x00], [0x01], [0x09], [0x0B],
                                   [0x0C], [0x0E], [0x1F], [0x7F], [0xC3, 0xA9], [0x89]]
        for _ in 0..<600 {
            var bytes: [UInt8] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 58) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes += alphabet[Int(state >> 33) % alphabet.count]
            }
            #expect(FECLineReaderTests.read(bytes, separator: separator) == FECLineReaderTests.reference(bytes, separator: separator),
                    "\(bytes)")
        }
    }

    @Test("the last date kept reads every field as FECValues.date reads it trimmed")
    func recentDate() {
        let fields = ["20260131", "20260131", "20260230", "20260201", " 2026020", "20260201", "2026-02-01", "01/02/2026",
                      "2026020 ", "20260201", "        ", "", "20261301", "20261301", "2026 0201", "20260201"]
        var recent = RecentDate()
        for field in fields {
            let bytes = Array(field.utf8)
            var trimmed = field[...]
            while trimmed.first == " " { trimmed = trimmed.dropFirst() }
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            let found = bytes.withUnsafeBufferPointer { recent.date($0) }
            #expect(found == FECValues.date(Array(trimmed.utf8)[...]), "\(field)")
        }
    }

    @Test("a journal's verdict is decided once, from the first line that names it")
    func journalVerdicts() {
        var verdicts = JournalVerdicts()
        var asked: [String] = []
        // More codes than are compared one by one, each met twice; the second time, the
        // decision would differ if it were asked again.
        let codes = (0..<(JournalVerdicts.linearLimit + 8)).map { "J\($0)" } + ["é", "e\u{301}", "AN", "ÀN"]
        for round in 0..<2 {
            for code in codes {
                let verdict = Array(code.utf8).withUnsafeBufferPointer { bytes in
                    if let known = verdicts.verdict(bytes) { return known }
                    asked.append(code)
                    let decided = (round == 0) == (code.count % 2 == 0)
                    verdicts.record(bytes, opening: decided)
                    return decided
                }
                // "e\u{301}" is "é" as Strings compare: the verdict first given to "é".
                let decidedAs = code == "e\u{301}" ? "é" : code
                #expect(verdict == (decidedAs.count % 2 == 0), "\(code) in round \(round)")
            }
        }
        // Every code but "e\u{301}" (third from the end), which Strings take for "é".
        #expect(asked == codes.indices.filter { $0 != codes.count - 3 }.map { codes[$0] })
    }

    @Test("customer ids of any length and bytes are told apart")
    func customerNumbersEdges() {
        var numbers = CustomerNumbers()
        let long = String(repeating: "411CLIENT", count: 4)
        let texts = ["", "C", "C\0", "C\0\0", "ABCDEFGH", "ABCDEFGH\0", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOQ", "ABCDEFGHIJKLMNOPQ",
                     "ABCDEFGHIJKLMNOPR", long, long + "1", long + "2", String(long.dropLast()) + "X", "Société", "Societe"]
        let keys = texts.map { Array($0.utf8) } + (0..<3_000).map { Array("\(long)-\($0)".utf8) }
        for (expected, key) in keys.enumerated() {
            let found = key.withUnsafeBufferPointer { numbers.number(of: $0) }
            #expect(found.number == expected && found.isNew, "\(key)")
        }
        for (expected, key) in keys.enumerated().reversed() {
            let found = key.withUnsafeBufferPointer { numbers.number(of: $0) }
            #expect(found.number == expected && !found.isNew, "\(key)")
        }
    }
}

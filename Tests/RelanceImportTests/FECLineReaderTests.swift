@testable import RelanceImport
import Testing

@Suite("FEC line reader: fields and line breaks, eight bytes at a time")
struct FECLineReaderTests {
    struct Line: Equatable, CustomStringConvertible {
        var number: Int
        var fields: [String]
        var description: String { "\(number): \(fields)" }
    }

    /// The reader's lines and raw fields (not trimmed).
    static func read(_ bytes: [UInt8], separator: UInt8) -> [Line] {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = FECLineReader(bytes: buffer, separator: separator)
            var lines: [Line] = []
            while reader.next() {
                let fields = (0..<reader.fieldCount).map { String(decoding: buffer[reader[field: $0]], as: UTF8.self) }
                lines.append(Line(number: reader.line, fields: fields))
            }
            return lines
        }
    }

    /// The same rules written the plain way, byte by byte: LF, CR, CRLF and CR CR LF end a
    /// line; empty lines are skipped but counted.
    static func reference(_ bytes: [UInt8], separator: UInt8) -> [Line] {
        var lines: [Line] = []
        var index = 0, number = 0
        while index < bytes.count {
            number += 1
            var end = index
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            let fields = bytes[index..<end].split(separator: separator, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            if bytes[end...].starts(with: [0x0D, 0x0D, 0x0A]) { end += 3 }
            else if bytes[end...].starts(with: [0x0D, 0x0A]) { end += 2 }
            else { end += 1 }
            index = end
            if fields != [""] { lines.append(Line(number: number, fields: fields)) }
        }
        return lines
    }

    @Test("any mix of fields, separators and line breaks splits as the byte-by-byte rules do", arguments: [0x09, 0x7C, 0x3B] as [UInt8])
    func matchesReference(_ separator: UInt8) {
        // Deterministic pseudo-random texts, so that separators and breaks fall at every
        // offset of the eight-byte words, and lines with more fields than the reader expects.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        // Other control bytes (NUL, vertical tab) are field content, in words that also hold separators.
        let alphabet: [[UInt8]] = [[0x61], [0x62], [separator], [separator], [0x0A], [0x0D], [0x0D, 0x0A], [0x0D, 0x0D, 0x0A],
                                   [0x20], [0xC3, 0xA9], Array(repeating: separator, count: 70), [0x00], [0x0B],
                                   [separator, 0x61, separator, separator, 0x62, separator, separator, 0x61, separator]]
        for _ in 0..<1_000 {
            var bytes: [UInt8] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 58)
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes += alphabet[Int(state >> 33) % alphabet.count]
            }
            #expect(Self.read(bytes, separator: separator) == Self.reference(bytes, separator: separator), "\(bytes)")
        }
    }
}

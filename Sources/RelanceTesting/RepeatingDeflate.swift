/// A tiny DEFLATE (RFC 1951) writer for test inputs that inflate enormously: runs of a repeated
/// unit become back-references of 258 bytes, so 250 MB of XML fits in a few hundred kilobytes.
/// One block with the fixed Huffman codes; no search, no zlib library needed.
public enum RepeatingDeflate {
    /// Raw deflate data whose inflated content is each segment's `unit` repeated `count` times.
    public static func raw(_ segments: [(unit: [UInt8], count: Int)]) -> [UInt8] {
        var writer = BitWriter()
        writer.bits(1, 1) // last block
        writer.bits(1, 2) // fixed Huffman codes
        for (unit, count) in segments where count > 0 && !unit.isEmpty {
            for byte in unit { writer.literal(Int(byte)) }
            var left = (count - 1) * unit.count
            var copied = 0
            while left > 0 {
                // Every match but the last leaves at least 3 bytes, the shortest match.
                let length = left > 258 ? min(258, left - 3) : left
                if length >= 3 {
                    writer.match(length: length, distance: unit.count)
                } else {
                    for offset in 0..<length { writer.literal(Int(unit[(copied + offset) % unit.count])) }
                }
                left -= length
                copied += length
            }
        }
        writer.symbol(256)
        writer.flush()
        return writer.bytes
    }

    /// The same as a zlib stream (RFC 1950 header; the Adler-32 is not checked by the reader).
    public static func zlib(_ segments: [(unit: [UInt8], count: Int)]) -> [UInt8] {
        [0x78, 0x9C] + raw(segments) + [0, 0, 0, 0]
    }

    private struct BitWriter {
        var bytes: [UInt8] = []
        private var buffer = 0
        private var count = 0

        mutating func bits(_ value: Int, _ length: Int) {
            buffer |= value << count
            count += length
            while count >= 8 {
                bytes.append(UInt8(buffer & 0xFF))
                buffer >>= 8
                count -= 8
            }
        }

        mutating func flush() {
            if count > 0 { bytes.append(UInt8(buffer & 0xFF)) }
            buffer = 0
            count = 0
        }

        /// Huffman codes go most significant bit first.
        mutating func code(_ value: Int, _ length: Int) {
            var reversed = 0
            for bit in 0..<length where value & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
            bits(reversed, length)
        }

        mutating func symbol(_ value: Int) {
            switch value {
            case 0..<144: code(0x30 + value, 8)
            case 144..<256: code(0x190 + value - 144, 9)
            case 256..<280: code(value - 256, 7)
            default: code(0xC0 + value - 280, 8)
            }
        }

        mutating func literal(_ byte: Int) { symbol(byte) }

        private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                                           2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
        private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

        mutating func match(length: Int, distance: Int) {
            let lengthIndex = Self.lengthBase.lastIndex { $0 <= length }!
            symbol(257 + lengthIndex)
            bits(length - Self.lengthBase[lengthIndex], Self.lengthExtra[lengthIndex])
            let distanceIndex = Self.distanceBase.lastIndex { $0 <= distance }!
            code(distanceIndex, 5)
            bits(distance - Self.distanceBase[distanceIndex], Self.distanceExtra[distanceIndex])
        }
    }
}

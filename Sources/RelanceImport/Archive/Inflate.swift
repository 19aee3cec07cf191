/// DEFLATE decompression (RFC 1951) and its zlib wrapper (RFC 1950), in plain Swift: XLSX
/// files are ZIP archives of deflated XML, and Factur-X PDFs carry their XML as a Flate
/// stream. Written after Mark Adler's `puff.c` (canonical Huffman decoding, bit by bit):
/// these inputs are small, so clarity wins over table-driven speed.
enum Inflate {
    enum Failure: Error, Sendable, Equatable {
        case truncated
        case badBlockType
        case badStoredLength
        case badCode
        case badDistance
        case badZlibHeader
        case tooLarge(limit: Int)
    }

    /// Decompresses a zlib stream (2-byte header, deflate data, Adler-32 not checked).
    static func zlib(_ input: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
        guard input.count >= 2 else { throw .truncated }
        let cmf = input[input.startIndex], flg = input[input.startIndex + 1]
        guard cmf & 0x0F == 8, (UInt16(cmf) << 8 | UInt16(flg)) % 31 == 0, flg & 0x20 == 0 else { throw .badZlibHeader }
        return try raw(input.dropFirst(2), limit: limit)
    }

    /// Decompresses raw deflate data, refusing to produce more than `limit` bytes (a zip bomb
    /// would otherwise exhaust memory).
    static func raw(_ input: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
        var state = State(input: input, limit: limit)
        try run(&state)
        return state.output
    }

    /// The first `count` bytes a zlib stream decompresses to (fewer when it is shorter, or
    /// damaged further on): enough to recognise what a stream holds without inflating it all.
    static func zlibPrefix(_ input: ArraySlice<UInt8>, count: Int) -> [UInt8] {
        guard input.count >= 2 else { return [] }
        let cmf = input[input.startIndex], flg = input[input.startIndex + 1]
        guard cmf & 0x0F == 8, (UInt16(cmf) << 8 | UInt16(flg)) % 31 == 0, flg & 0x20 == 0 else { return [] }
        var state = State(input: input.dropFirst(2), limit: count)
        do { try run(&state) } catch {}
        return state.output
    }

    private static func run(_ state: inout State) throws(Failure) {
        var last = false
        while !last {
            last = try state.bits(1) == 1
            switch try state.bits(2) {
            case 0: try state.stored()
            case 1: try state.codes(lengths: Fixed.lengths, distances: Fixed.distances)
            case 2: try state.dynamic()
            default: throw .badBlockType
            }
        }
    }

    struct Huffman {
        var counts: [Int]
        var symbols: [Int]

        init(lengths: ArraySlice<Int>) {
            counts = [Int](repeating: 0, count: 16)
            for length in lengths { counts[length] += 1 }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    enum Fixed {
        static let lengths: Huffman = {
            var table = [Int](repeating: 8, count: 288)
            for symbol in 144..<256 { table[symbol] = 9 }
            for symbol in 256..<280 { table[symbol] = 7 }
            return Huffman(lengths: table[...])
        }()
        static let distances = Huffman(lengths: [Int](repeating: 5, count: 30)[...])
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                                       2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private struct State {
        let input: ArraySlice<UInt8>
        let limit: Int
        var position: Int
        var bitBuffer = 0
        var bitCount = 0
        var output: [UInt8] = []

        init(input: ArraySlice<UInt8>, limit: Int) {
            self.input = input
            self.limit = limit
            self.position = input.startIndex
        }

        mutating func bits(_ need: Int) throws(Failure) -> Int {
            var value = bitBuffer
            while bitCount < need {
                guard position < input.endIndex else { throw .truncated }
                value |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
            bitBuffer = value >> need
            bitCount -= need
            return value & ((1 << need) - 1)
        }

        mutating func stored() throws(Failure) {
            bitBuffer = 0
            bitCount = 0
            guard position + 4 <= input.endIndex else { throw .truncated }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
            guard length == ~complement & 0xFFFF else { throw .badStoredLength }
            position += 4
            guard position + length <= input.endIndex else { throw .truncated }
            guard output.count + length <= limit else { throw .tooLarge(limit: limit) }
            output.append(contentsOf: input[position..<(position + length)])
            position += length
        }

        mutating func decode(_ table: Huffman) throws(Failure) -> Int {
            var code = 0, first = 0, index = 0
            for length in 1...15 {
                code |= try bits(1)
                let count = table.counts[length]
                if code - count < first { return table.symbols[index + (code - first)] }
                index += count
                first += count
                first <<= 1
                code <<= 1
            }
            throw .badCode
        }

        mutating func codes(lengths: Huffman, distances: Huffman) throws(Failure) {
            while true {
                let symbol = try decode(lengths)
                if symbol < 256 {
                    guard output.count < limit else { throw .tooLarge(limit: limit) }
                    output.append(UInt8(symbol))
                } else if symbol == 256 {
                    return
                } else {
                    let lengthIndex = symbol - 257
                    guard lengthIndex < 29 else { throw .badCode }
                    let length = Inflate.lengthBase[lengthIndex] + (try bits(Inflate.lengthExtra[lengthIndex]))
                    let distanceSymbol = try decode(distances)
                    guard distanceSymbol < 30 else { throw .badDistance }
                    let distance = Inflate.distanceBase[distanceSymbol] + (try bits(Inflate.distanceExtra[distanceSymbol]))
                    guard distance <= output.count else { throw .badDistance }
                    guard output.count + length <= limit else { throw .tooLarge(limit: limit) }
                    let start = output.count - distance
                    for offset in 0..<length { output.append(output[start + offset]) }
                }
            }
        }

        mutating func dynamic() throws(Failure) {
            let literalCount = try bits(5) + 257
            let distanceCount = try bits(5) + 1
            let codeLengthCount = try bits(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else { throw .badCode }
            var codeLengths = [Int](repeating: 0, count: 19)
            for index in 0..<codeLengthCount { codeLengths[Inflate.codeLengthOrder[index]] = try bits(3) }
            let codeLengthTable = Huffman(lengths: codeLengths[...])
            var lengths: [Int] = []
            lengths.reserveCapacity(literalCount + distanceCount)
            while lengths.count < literalCount + distanceCount {
                let symbol = try decode(codeLengthTable)
                switch symbol {
                case 0..<16: lengths.append(symbol)
                case 16:
                    guard let previous = lengths.last else { throw .badCode }
                    lengths.append(contentsOf: repeatElement(previous, count: 3 + (try bits(2))))
                case 17: lengths.append(contentsOf: repeatElement(0, count: 3 + (try bits(3))))
                default: lengths.append(contentsOf: repeatElement(0, count: 11 + (try bits(7))))
                }
            }
            guard lengths.count == literalCount + distanceCount, lengths[256] != 0 else { throw .badCode }
            try codes(lengths: Huffman(lengths: lengths[..<literalCount]),
                      distances: Huffman(lengths: lengths[literalCount...]))
        }
    }
}

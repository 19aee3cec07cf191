/// RFC 4648 base64, written here because the composer needs exact control over line length
/// and line endings (76 characters, CRLF) and nothing else from Foundation.
enum Base64Encoder {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: some Collection<UInt8>) -> String {
        var output: [UInt8] = []
        append(bytes, to: &output, lineLength: nil)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `bytes` as base64 lines of `lineLength` characters, each ended by CRLF
    /// (when `lineLength` is nil: one line, no line ending).
    static func append(_ bytes: some Collection<UInt8>, to output: inout [UInt8], lineLength: Int?) {
        let input = Array(bytes)
        output.reserveCapacity(output.count + input.count / 3 * 4 + input.count / 57 * 2 + 8)
        var column = 0
        func emit(_ byte: UInt8) {
            output.append(byte)
            column += 1
            if let lineLength, column == lineLength {
                output.append(13)
                output.append(10)
                column = 0
            }
        }
        var index = 0
        while index + 3 <= input.count {
            let value = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            emit(alphabet[Int(value >> 18 & 63)])
            emit(alphabet[Int(value >> 12 & 63)])
            emit(alphabet[Int(value >> 6 & 63)])
            emit(alphabet[Int(value & 63)])
            index += 3
        }
        let rest = input.count - index
        if rest > 0 {
            let value = UInt32(input[index]) << 16 | (rest == 2 ? UInt32(input[index + 1]) << 8 : 0)
            emit(alphabet[Int(value >> 18 & 63)])
            emit(alphabet[Int(value >> 12 & 63)])
            emit(rest == 2 ? alphabet[Int(value >> 6 & 63)] : UInt8(ascii: "="))
            emit(UInt8(ascii: "="))
        }
        if lineLength != nil, column > 0 {
            output.append(13)
            output.append(10)
        }
    }
}

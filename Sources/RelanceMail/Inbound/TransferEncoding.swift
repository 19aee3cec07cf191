/// Content-Transfer-Encoding decoders. Both are lenient: real mail has stray characters,
/// missing padding and lines cut short; the decoders keep what they can and say what was wrong.
enum TransferEncoding {
    static func decode(_ bytes: ArraySlice<UInt8>, encoding: String, defects: inout [String]) -> [UInt8] {
        switch encoding.lowercased().trimmedWhitespace {
        case "base64": base64(bytes, defects: &defects)
        case "quoted-printable": quotedPrintable(bytes)
        default: Array(bytes)
        }
    }

    static func base64(_ bytes: ArraySlice<UInt8>, defects: inout [String]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var count = 0
        var invalid = 0
        var sawPadding = false
        for byte in bytes {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="): sawPadding = true; continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
            default: invalid += 1; continue
            }
            if sawPadding {
                // Data after padding: two encoded blocks glued together, or garbage. Keep going.
                sawPadding = false
            }
            accumulator = accumulator << 6 | UInt32(value)
            count += 1
            if count == 4 {
                output.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                output.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                output.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator = 0
                count = 0
            }
        }
        switch count {
        case 2: output.append(UInt8(truncatingIfNeeded: accumulator >> 4))
        case 3:
            output.append(UInt8(truncatingIfNeeded: accumulator >> 10))
            output.append(UInt8(truncatingIfNeeded: accumulator >> 2))
        default: break
        }
        if invalid > 0 { defects.append("base64 body has \(invalid) invalid character(s), skipped") }
        if count == 1 { defects.append("base64 body ends in the middle of a group (truncated?)") }
        return output
    }

    static func quotedPrintable(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                let next = bytes.index(after: index)
                if next < bytes.endIndex, bytes[next] == UInt8(ascii: "\n") {
                    index = bytes.index(after: next) // soft line break
                    continue
                }
                // Soft break with trailing white space before the newline.
                var probe = next
                while probe < bytes.endIndex, bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t") { probe += 1 }
                if probe < bytes.endIndex, bytes[probe] == UInt8(ascii: "\n") {
                    index = probe + 1
                    continue
                }
                if next + 1 < bytes.endIndex, let high = hexValue(bytes[next]), let low = hexValue(bytes[next + 1]) {
                    output.append(high << 4 | low)
                    index = next + 2
                    continue
                }
                output.append(byte) // a lone "=" is kept, as most readers do
                index = next
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }
}

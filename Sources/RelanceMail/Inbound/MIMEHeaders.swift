/// One header field as it came, unfolded (continuation lines joined with a single space)
/// but not decoded: RFC 2047 decoding is applied only where a field is read as text,
/// because structured fields (addresses, Message-IDs) must not be decoded.
public struct MIMEHeaderField: Sendable, Hashable {
    public let name: String
    public let value: String
}

/// The header block of a message or a body part. Lookups ignore case, as RFC 5322 says.
public struct MIMEHeaders: Sendable, Hashable {
    public let fields: [MIMEHeaderField]

    public init(fields: [MIMEHeaderField]) { self.fields = fields }

    /// The first field of that name, raw (unfolded, trimmed).
    public subscript(name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }

    /// Every field of that name, in order (Received, Delivered-To… may repeat).
    public func all(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// The field as human text: RFC 2047 encoded words decoded with their charset.
    public func text(_ name: String) -> String? {
        self[name].map { EncodedWords.decode($0) }
    }

    /// What one header block may hold. Real mail stays far below: RFC 5322 caps a line at 998
    /// bytes, a long folded field (References, DKIM-Signature) is a few kilobytes, a whole block
    /// with its Received chain tens of kilobytes. Beyond, the rest is skipped — read in linear
    /// time, never kept — and a defect says what was cut, so a 10 MB line costs one pass.
    public static let maximumFieldBytes = 32 * 1024
    public static let maximumBlockBytes = 256 * 1024
    public static let maximumFields = 1_000
    static let maximumNameBytes = 256

    /// Parses a header block from LF-normalised bytes. Lines that are neither a field
    /// nor a continuation are skipped and reported, so one bad line does not hide the rest.
    static func parse(_ bytes: ArraySlice<UInt8>, defects: inout [String]) -> MIMEHeaders {
        var fields: [MIMEHeaderField] = []
        var currentName: String?
        var currentValue: [UInt8] = []
        var kept = 0
        var cutFields: [String] = []
        var currentCut = false
        var droppedFields = 0
        func flush() {
            if let name = currentName {
                fields.append(MIMEHeaderField(name: name, value: Charset.headerString(currentValue).trimmedWhitespace))
                kept += currentValue.count + name.utf8.count
            }
            currentName = nil
            currentValue = []
            currentCut = false
        }
        /// Appends what the field and the block still have room for.
        func append(_ piece: ArraySlice<UInt8>) {
            let room = Swift.min(maximumFieldBytes - currentValue.count, maximumBlockBytes - kept - currentValue.count)
            if piece.count > room, !currentCut, let name = currentName {
                currentCut = true
                cutFields.append(name)
            }
            currentValue.append(contentsOf: piece.prefix(Swift.max(0, room)))
        }
        var badLines = 0
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = bytes[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            if line.isEmpty { continue }
            if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                if currentName != nil {
                    // RFC 5322 unfolding: the line break goes away, the white space stays;
                    // collapse it to one space so folded words read naturally.
                    var rest = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                    if rest.last == UInt8(ascii: "\r") { rest = rest.dropLast() }
                    if !currentValue.isEmpty { append([UInt8(ascii: " ")]) }
                    append(rest)
                }
                continue
            }
            let head = line.prefix(maximumNameBytes + 1)
            guard let colon = head.firstIndex(of: UInt8(ascii: ":")),
                  colon > line.startIndex,
                  line[line.startIndex..<colon].allSatisfy({ $0 > 32 && $0 < 127 })
            else {
                // mbox "From " separator lines are common in saved mail and are not defects.
                if !line.starts(with: Array("From ".utf8)) { badLines += 1 }
                flush()
                continue
            }
            flush()
            guard fields.count < maximumFields, kept < maximumBlockBytes else {
                droppedFields += 1
                continue
            }
            currentName = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
            append(line[line.index(after: colon)...])
        }
        flush()
        if badLines > 0 { defects.append("\(badLines) header line(s) without a field name were skipped") }
        if !cutFields.isEmpty {
            defects.append("header field(s) \(cutFields.joined(separator: ", ")) cut at the \(maximumFieldBytes)-byte limit per field (\(maximumBlockBytes) per header block): only their beginning was read")
        }
        if droppedFields > 0 {
            defects.append("\(droppedFields) header field(s) past the limit of \(maximumFields) fields or \(maximumBlockBytes) bytes per header block were skipped")
        }
        return MIMEHeaders(fields: fields)
    }
}

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

    /// Parses a header block from LF-normalised bytes. Lines that are neither a field
    /// nor a continuation are skipped and reported, so one bad line does not hide the rest.
    static func parse(_ bytes: ArraySlice<UInt8>, defects: inout [String]) -> MIMEHeaders {
        var fields: [MIMEHeaderField] = []
        var currentName: String?
        var currentValue: [UInt8] = []
        func flush() {
            if let name = currentName {
                fields.append(MIMEHeaderField(name: name, value: Charset.headerString(currentValue).trimmedWhitespace))
            }
            currentName = nil
            currentValue = []
        }
        var badLines = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.isEmpty { continue }
            if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                if currentName != nil {
                    // RFC 5322 unfolding: the line break goes away, the white space stays;
                    // collapse it to one space so folded words read naturally.
                    var rest = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                    if rest.last == UInt8(ascii: "\r") { rest = rest.dropLast() }
                    if !currentValue.isEmpty { currentValue.append(UInt8(ascii: " ")) }
                    currentValue.append(contentsOf: rest)
                }
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
                  colon > line.startIndex,
                  line[line.startIndex..<colon].allSatisfy({ $0 > 32 && $0 < 127 })
            else {
                // mbox "From " separator lines are common in saved mail and are not defects.
                if !line.starts(with: Array("From ".utf8)) { badLines += 1 }
                flush()
                continue
            }
            flush()
            currentName = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
            currentValue = Array(line[line.index(after: colon)...])
        }
        flush()
        if badLines > 0 { defects.append("\(badLines) header line(s) without a field name were skipped") }
        return MIMEHeaders(fields: fields)
    }
}

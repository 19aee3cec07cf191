/// RFC 2047 encoded words (`=?charset?B|Q?text?=`) in unstructured headers such as Subject.
/// White space between two adjacent encoded words is dropped, as the RFC requires, so a
/// subject split across words by the sender's mailer reads as one.
enum EncodedWords {
    static func decode(_ raw: String) -> String {
        guard raw.contains("=?") else { return raw }
        var output = ""
        var pendingSpace = ""
        var lastWasEncoded = false
        var rest = Substring(raw)
        while !rest.isEmpty {
            guard let start = rest.range(of: "=?"), let word = parseWord(rest[start.lowerBound...]) else {
                output += pendingSpace + rest
                pendingSpace = ""
                break
            }
            let between = rest[..<start.lowerBound]
            if lastWasEncoded && between.allSatisfy({ $0 == " " || $0 == "\t" }) {
                // Drop the space between adjacent encoded words.
            } else {
                output += pendingSpace + between
            }
            pendingSpace = ""
            output += word.text
            lastWasEncoded = true
            rest = rest[word.end...]
        }
        return output
    }

    private static func parseWord(_ text: Substring) -> (text: String, end: Substring.Index)? {
        // =?charset?enc?payload?=
        let afterStart = text.index(text.startIndex, offsetBy: 2)
        guard let q1 = text[afterStart...].firstIndex(of: "?") else { return nil }
        let charsetField = text[afterStart..<q1]
        let encStart = text.index(after: q1)
        guard encStart < text.endIndex, let q2 = text[encStart...].firstIndex(of: "?"),
              text.distance(from: encStart, to: q2) == 1 else { return nil }
        let payloadStart = text.index(after: q2)
        guard let end = text[payloadStart...].range(of: "?=") else { return nil }
        let payload = text[payloadStart..<end.lowerBound]
        guard !payload.contains(" ") else { return nil }
        // RFC 2231 adds an optional language: charset*lang.
        let charset = charsetField.split(separator: "*").first.map(String.init) ?? ""
        var ignored: [String] = []
        let bytes: [UInt8]
        switch text[encStart] {
        case "B", "b": bytes = TransferEncoding.base64(ArraySlice(payload.utf8), defects: &ignored)
        case "Q", "q":
            let underscoresAsSpaces = payload.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }
            bytes = TransferEncoding.quotedPrintable(underscoresAsSpaces[...])
        default: return nil
        }
        return (Charset.decode(bytes, charset: charset).text, end.upperBound)
    }
}

import Foundation

/// The human-readable text a bounce or auto-reply wrote itself, separated from the copy of
/// the original message it quotes (inline or as an attached part).
struct ReportText {
    static let maximumLength = 200_000

    /// The report's own words, before any quoted original.
    let own: String
    /// Inline copy of the original message (headers and maybe body), when quoted as text.
    let quotedOriginal: String?

    init(message: MIMEMessage) {
        var texts: [String] = []
        for part in message.root.ownParts where !part.isMultipart && !part.isEmbeddedMessage {
            let disposition = part.headers["Content-Disposition"]?.lowercased() ?? ""
            if part.contentType == "text/plain" || part.contentType == "text/enriched" {
                if !disposition.hasPrefix("attachment") || texts.isEmpty { texts.append(part.text) }
            } else if part.contentType == "text/html", !message.root.ownParts.contains(where: { $0.contentType == "text/plain" }) {
                texts.append(ReportText.plainText(fromHTML: part.text))
            }
        }
        // A bounce's own words are short; capping them bounds the pattern matching below
        // on hostile input (one huge line) without losing anything a real report says.
        let whole = String(texts.joined(separator: "\n").prefix(ReportText.maximumLength))
        if let cut = ReportText.originalStart(in: whole) {
            own = String(whole[..<cut.lowerBound])
            quotedOriginal = String(whole[cut.upperBound...])
        } else {
            own = whole
            quotedOriginal = nil
        }
    }

    /// Lines that announce the copy of the original message, in the wording of common MTAs.
    private static let separator = try! NSRegularExpression(
        pattern: #"(?im)^[ \t]*(?:[-=_*]{2,}.*(?:original message|copy of the message|below this line|returned message|"#
            + #"message headers|original mail|message original|undelivered message|mensaje original|ursprüngliche nachricht|"#
            + #"header of the original|headers of the original|rfc822 message)"#
            + #"|(?:below this line is a copy of the message|this is a copy of the message|original message follows|"#
            + #"unsent message below|the header of the original message is following)).*$"#)
    private static let headerBlockStart = try! NSRegularExpression(
        pattern: #"(?m)^(?:Return-Path|Received|Message-I[Dd]|Content-Type: message/rfc822)[:].*$"#)

    static func originalStart(in text: String) -> Range<String.Index>? {
        let range = NSRange(text.startIndex..., in: text)
        if let match = separator.firstMatch(in: text, range: range), let found = Range(match.range, in: text) {
            return found
        }
        if let match = headerBlockStart.firstMatch(in: text, range: range), let found = Range(match.range, in: text) {
            return found.lowerBound..<found.lowerBound
        }
        return nil
    }

    private static let namedEntities: [String: String] = [
        "nbsp": " ", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "amp": "&", "rsquo": "’", "lsquo": "‘", "laquo": "«",
        "raquo": "»", "euro": "€", "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "agrave": "à", "acirc": "â",
        "ccedil": "ç", "icirc": "î", "iuml": "ï", "ocirc": "ô", "ugrave": "ù", "ucirc": "û", "uuml": "ü", "Eacute": "É",
        "Agrave": "À", "Ccedil": "Ç", "oelig": "œ", "hellip": "…", "ndash": "–", "mdash": "—",
    ]
    private static let entityPattern = try! NSRegularExpression(pattern: #"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});"#)

    /// HTML character references: numeric ones, and the named ones French and English mail uses.
    static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var last = text.startIndex
        for match in entityPattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(match.range, in: text), let nameRange = Range(match.range(at: 1), in: text) else { continue }
            let name = text[nameRange]
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                replacement = namedEntities[String(name)]
            }
            guard let replacement else { continue }
            result += text[last..<whole.lowerBound] + replacement
            last = whole.upperBound
        }
        return result + text[last...]
    }

    static func plainText(fromHTML html: String) -> String {
        var text = html.replacingOccurrences(of: "(?is)<(script|style)[^>]*>.*?</\\1>", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "(?i)<br[^>]*>|</p>|</div>|</tr>|</li>", with: "\n", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        return decodingEntities(text)
    }
}

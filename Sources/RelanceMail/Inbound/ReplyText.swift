import Foundation

/// The new words of a human reply: the quoted original, the attribution line that
/// introduces it, forwarded copies and the signature are cut away, so that "we paid"
/// quoted from our own reminder is never read as the customer's answer.
public enum ReplyText {
    public static func newText(of message: MIMEMessage) -> String {
        let parts = message.root.ownParts.filter { !$0.isMultipart && !$0.isEmbeddedMessage }
        let body: String
        if let plain = parts.first(where: { $0.contentType == "text/plain" && !isAttachment($0) }) {
            body = plain.text
        } else if let html = parts.first(where: { $0.contentType == "text/html" }) {
            body = ReportText.plainText(fromHTML: cutQuotedHTML(html.text))
        } else {
            body = ""
        }
        // Only the start of a reply matters for its excerpt and hints; the cap bounds the work.
        return strip(String(body.prefix(100_000)))
    }

    static func strip(_ body: String) -> String {
        var kept: [Substring] = []
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmedWhitespace
            if trimmed == "--" && line.hasPrefix("--") { break } // "-- " signature separator
            if isQuoteStart(trimmed) { break }
            // Attribution split over two lines: "Le jeu. 26 nov. 2026 à 10:00, X <x@y>" / "a écrit :".
            if index + 1 < lines.count {
                let joined = trimmed + " " + lines[index + 1].trimmedWhitespace
                if (trimmed.hasPrefix("Le ") || trimmed.hasPrefix("On ")) && isQuoteStart(joined) { break }
            }
            if !trimmed.hasPrefix(">") { kept.append(line) }
            index += 1
        }
        return kept.joined(separator: "\n").trimmedWhitespace
    }

    private static let quoteStart = try! NSRegularExpression(pattern: #"(?i)^(?:"#
        + #"le\s.{0,120}a\s+écrit\s*:|on\s.{0,120}wrote\s*:|"#
        + #"-{2,}\s*(?:original message|message d'origine|message original|mail original|forwarded message|message transféré)\s*-{2,}|"#
        + #"_{10,}|"#
        + #"(?:de|from)\s*:\s*.+(?:envoyé|sent)\s*:.*|"#
        + #"am\s.{0,120}schrieb.*:"#
        + #")$"#)

    private static func isQuoteStart(_ line: String) -> Bool {
        let range = NSRange(line.startIndex..., in: line)
        if quoteStart.firstMatch(in: line, range: range) != nil { return true }
        // Outlook: "De : X" then "Envoyé : …" on the next lines; the "De :" line alone is enough
        // when it names an address, because a reply's own text rarely starts a line that way.
        let lowered = line.lowercased()
        return (lowered.hasPrefix("de :") || lowered.hasPrefix("de:") || lowered.hasPrefix("from:")) && lowered.contains("@")
    }

    /// Mail clients mark the quoted original in HTML replies; everything from the marker on
    /// is the original (Gmail, Outlook, Thunderbird, Apple Mail).
    private static let htmlQuoteMarkers = [
        "<div class=\"gmail_quote", "<div id=\"divRplyFwdMsg\"", "<div id=\"appendonsend\"", "<div class=\"moz-cite-prefix\"",
        "<blockquote", "<hr id=\"stopSpelling\"",
    ]

    static func cutQuotedHTML(_ html: String) -> String {
        let lowered = html.lowercased()
        let cut = htmlQuoteMarkers.compactMap { lowered.range(of: $0.lowercased())?.lowerBound }.min()
        guard let cut else { return html }
        // Lower-casing can change the length of non-ASCII text; map the offset through UTF-16.
        let offset = lowered.utf16.distance(from: lowered.startIndex, to: cut)
        guard let index = html.utf16.index(html.startIndex, offsetBy: offset, limitedBy: html.endIndex) else { return html }
        return String(html[..<index])
    }

    private static func isAttachment(_ part: MIMEPart) -> Bool {
        part.headers["Content-Disposition"]?.lowercased().hasPrefix("attachment") ?? false
    }
}

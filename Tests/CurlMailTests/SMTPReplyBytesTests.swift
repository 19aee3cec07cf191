import CurlMail
import Testing

/// Replies are read by their bytes (issue #17): the same replies, codes and texts as the reading
/// by `Character`s it replaced, kept here as the reference, over generated lines.
@Suite struct SMTPReplyBytesTests {
    /// The enhanced code as it was parsed before: split into `Character`s at the dots.
    static func referenceEnhanced(_ text: Substring) -> EnhancedStatusCode? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].utf8.count == 1,
              (1...3).contains(parts[1].utf8.count), (1...3).contains(parts[2].utf8.count),
              parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
              let statusClass = Int(parts[0]), let subject = Int(parts[1]), let detail = Int(parts[2])
        else { return nil }
        return EnhancedStatusCode(statusClass: statusClass, subject: subject, detail: detail)
    }

    /// One line as it was read before, by `Character`s: code, last line?, enhanced code, text.
    static func referenceLine(_ line: Substring) -> (Int, Bool, EnhancedStatusCode?, String)? {
        let digits = line.prefix(3)
        guard digits.utf8.count == 3, digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let code = Int(digits), (200...599).contains(code) else { return nil }
        let afterCode = line.dropFirst(3)
        let isLast: Bool
        let rest: Substring
        switch afterCode.first {
        case nil: return (code, true, nil, "")
        case "-": isLast = false; rest = afterCode.dropFirst()
        case " ": isLast = true; rest = afterCode.dropFirst()
        default: return nil
        }
        let token = rest.prefix(while: { $0 != " " })
        guard let enhanced = referenceEnhanced(token), enhanced.statusClass == code / 100 else { return (code, isLast, nil, String(rest)) }
        return (code, isLast, enhanced, String(rest.dropFirst(token.count).drop(while: { $0 == " " })))
    }

    static let pieces = ["2", "5", "0", "1", "9", "4", "3", "6", ".", "-", " ", "  ", "x", "Ok", "é", "\u{301}", "\r", "\t",
                         "2.0.0", "5.1.1", "4.2.2", "5.7.1", "2.1.5", "5.1.1000", "5..1", "0.0.0", "<a@b>", "queued as 4C2"]

    @Test func aLineReadsAsBefore() {
        var generator = SystemRandomNumberGenerator()
        var lines = ["250 2.0.0 Ok", "250-PIPELINING", "354 End data with <CR><LF>.<CR><LF>", "550 5.1.1 <x@y>: unknown",
                     "250", "2500", "250 \u{301}5.1.1 x", "250 5.1.1\u{301} x", "250-\u{301}x", "199 x", "600 x", "25", ""]
        for _ in 0..<20_000 {
            let code = ["250", "354", "452", "550", "220", "599", "200", "199", "2x0", "25"].randomElement(using: &generator)!
            var line = code
            for _ in 0..<Int.random(in: 0...6, using: &generator) { line += Self.pieces.randomElement(using: &generator)! }
            lines.append(line)
        }
        for line in lines {
            var parser = SMTPReplyParser()
            let reply = parser.consume(line)
            guard let expected = Self.referenceLine(Substring(line)) else {
                #expect(reply == nil, "\(line.debugDescription)")
                continue
            }
            let (code, isLast, enhanced, text) = expected
            if isLast {
                #expect(reply == SMTPReply(code: code, enhancedStatus: enhanced, lines: [text]), "\(line.debugDescription)")
            } else {
                #expect(reply == nil, "\(line.debugDescription)")
                // The next line completes it with the first line's enhanced code and text.
                #expect(parser.consume("\(code) end")?.lines.first == text, "\(line.debugDescription)")
            }
        }
    }

    @Test func anEnhancedCodeReadsAsBefore() {
        var generator = SystemRandomNumberGenerator()
        var tokens = ["2.0.0", "5.1.1", "4.7.999", "5.1000.1", "5.1", "5.1.1.1", ".1.1", "5..1", "5.1.", "25.1.1", "3.1.1",
                      "5.1.1\u{301}", "5.\u{301}1.1", "", "x", "٥.1.1"]
        for _ in 0..<20_000 {
            var token = ""
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                token += ["0", "1", "2", "4", "5", "7", "9", ".", ".", "x", "\u{301}", "é", " "].randomElement(using: &generator)!
            }
            tokens.append(token)
        }
        for token in tokens {
            #expect(EnhancedStatusCode(token) == Self.referenceEnhanced(Substring(token)), "\(token.debugDescription)")
        }
    }
}

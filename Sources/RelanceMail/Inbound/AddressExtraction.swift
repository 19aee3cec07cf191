import Foundation

/// Finding mail addresses in free text and header values.
enum AddressExtraction {
    static let pattern = try! NSRegularExpression(
        pattern: #"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"#)

    /// Addresses in order of appearance: lower-cased, and as written. The text is cut into
    /// tokens first and only tokens holding an "@" are matched, so the cost stays linear
    /// even on a huge line of letters (where the pattern alone would backtrack quadratically).
    static func matches(in text: String) -> [(address: String, raw: String)] {
        var result: [(address: String, raw: String)] = []
        let separators: Set<Character> = [" ", "\t", "\n", "\r", "<", ">", "(", ")", "[", "]", ",", ";", ":", "\"", "\u{00A0}"]
        // Foundation's `contains("@")` (a cluster search) is asked only of tokens holding the byte:
        // no other scalar is canonically equivalent to "@", so a token without it never matches.
        for token in text.split(whereSeparator: { separators.contains($0) })
        where token.utf8.contains(UInt8(ascii: "@")) && token.contains("@") {
            let candidate = String(token.prefix(512))
            let range = NSRange(candidate.startIndex..., in: candidate)
            for match in pattern.matches(in: candidate, range: range) {
                guard let found = Range(match.range, in: candidate) else { continue }
                var address = String(candidate[found]).lowercased()
                while address.hasPrefix(".") || address.hasPrefix("'") || address.hasPrefix("=") { address.removeFirst() }
                while address.hasSuffix(".") || address.hasSuffix("-") { address.removeLast() }
                if address.contains("@") { result.append((address, String(candidate[found]))) }
            }
        }
        return result
    }

    static func addresses(in text: String) -> [String] { matches(in: text).map(\.address) }

    /// Daemon and role mailboxes that sign bounces: never the bounced recipient.
    static func isDaemon(_ address: String) -> Bool {
        let local = address.split(separator: "@").first.map { $0.lowercased() } ?? ""
        return ["mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon", "maildaemon", "mdaemon", "mailer_daemon",
                "nobody", "root", "bounce", "bounces", "noreply", "no-reply", "double-bounce"].contains(local)
            || local.hasPrefix("mailer-daemon") || local.hasPrefix("postmaster")
    }
}

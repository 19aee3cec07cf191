import Foundation

/// Finding mail addresses in free text and header values.
enum AddressExtraction {
    static let pattern = try! NSRegularExpression(
        pattern: #"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"#)

    /// Addresses in order of appearance, lower-cased, with their ranges in `text`.
    static func matches(in text: String) -> [(address: String, range: Range<String.Index>)] {
        let nsRange = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: nsRange).compactMap { match in
            guard let range = Range(match.range, in: text) else { return nil }
            var address = String(text[range]).lowercased()
            while address.hasPrefix(".") || address.hasPrefix("'") || address.hasPrefix("=") { address.removeFirst() }
            while address.hasSuffix(".") || address.hasSuffix("-") { address.removeLast() }
            return address.contains("@") ? (address, range) : nil
        }
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

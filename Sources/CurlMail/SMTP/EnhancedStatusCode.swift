/// An RFC 3463 enhanced mail system status code such as `5.1.1` (bad destination mailbox):
/// finer than the three-digit reply and stable across server software.
public struct EnhancedStatusCode: Sendable, Hashable, CustomStringConvertible {
    /// 2 success, 4 persistent transient failure, 5 permanent failure.
    public let statusClass: Int
    /// 1 addressing, 2 mailbox, 3 mail system, 4 network, 5 protocol, 6 content, 7 security/policy.
    public let subject: Int
    public let detail: Int

    public init?(statusClass: Int, subject: Int, detail: Int) {
        guard [2, 4, 5].contains(statusClass), (0...999).contains(subject), (0...999).contains(detail) else { return nil }
        self.statusClass = statusClass
        self.subject = subject
        self.detail = detail
    }

    /// Parses exactly `class.subject.detail` (RFC 3463 section 2: 1 digit, 1 to 3 digits, 1 to 3 digits).
    ///
    /// Read byte by byte: it runs for every reply of every message sent (issue #17), and a
    /// byte outside ASCII digits and dots fails the parse wherever it is, as a split into
    /// `Character`s would.
    public init?(_ text: some StringProtocol) {
        var numbers = (0, 0, 0)
        var part = 0
        var digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard part < 2, digits > 0 else { return nil }
                part += 1
                digits = 0
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digits < (part == 0 ? 1 : 3) else { return nil }
            digits += 1
            let value = Int(byte - UInt8(ascii: "0"))
            switch part {
            case 0: numbers.0 = value
            case 1: numbers.1 = numbers.1 * 10 + value
            default: numbers.2 = numbers.2 * 10 + value
            }
        }
        guard part == 2, digits > 0 else { return nil }
        self.init(statusClass: numbers.0, subject: numbers.1, detail: numbers.2)
    }

    public var description: String { "\(statusClass).\(subject).\(detail)" }

    public var isTemporary: Bool { statusClass == 4 }
    public var isPermanent: Bool { statusClass == 5 }
}

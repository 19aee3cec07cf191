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
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
              parts[0].utf8.count == 1,
              (1...3).contains(parts[1].utf8.count), (1...3).contains(parts[2].utf8.count),
              parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
              let statusClass = Int(parts[0]), let subject = Int(parts[1]), let detail = Int(parts[2])
        else { return nil }
        self.init(statusClass: statusClass, subject: subject, detail: detail)
    }

    public var description: String { "\(statusClass).\(subject).\(detail)" }

    public var isTemporary: Bool { statusClass == 4 }
    public var isPermanent: Bool { statusClass == 5 }
}

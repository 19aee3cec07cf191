/// An RFC 3464 `message/delivery-status` body: one per-message field group, then one
/// group per recipient. Field values keep their RFC 3464 "type;" prefix stripped where
/// the type is only a label (`rfc822;`, `smtp;`, `dns;`).
public struct DeliveryStatus: Sendable, Hashable {
    public struct Recipient: Sendable, Hashable {
        public let finalRecipient: String?
        public let originalRecipient: String?
        /// Lower-cased: failed, delayed, delivered, relayed, expanded.
        public let action: String?
        public let status: String?
        public let diagnosticCode: String?
        public let remoteMTA: String?
    }

    public let reportingMTA: String?
    public let arrivalDate: String?
    public let recipients: [Recipient]

    /// Parses the body of a delivery-status part. Some mailers leave out the blank line
    /// between groups; a new Final-Recipient field then starts a new recipient anyway.
    public static func parse(_ text: String) -> DeliveryStatus {
        var groups: [[(String, String)]] = [[]]
        var lastWasField = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.trimmedWhitespace.isEmpty {
                if !(groups.last?.isEmpty ?? true) { groups.append([]) }
                lastWasField = false
                continue
            }
            if (line.first == " " || line.first == "\t"), lastWasField, var group = groups.popLast(), var field = group.popLast() {
                field.1 += " " + line.trimmedWhitespace
                group.append(field)
                groups.append(group)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { lastWasField = false; continue }
            let name = line[..<colon].trimmedWhitespace.lowercased()
            let value = line[line.index(after: colon)...].trimmedWhitespace
            if name == "final-recipient" || name == "original-recipient", let last = groups.last,
               last.contains(where: { $0.0 == name }) {
                groups.append([])
            }
            groups[groups.count - 1].append((name, value))
            lastWasField = true
        }
        groups.removeAll { $0.isEmpty }
        var perMessage: [(String, String)] = []
        var recipients: [Recipient] = []
        for group in groups {
            func value(_ name: String) -> String? { group.first { $0.0 == name }?.1 }
            let isRecipient = group.contains { ["final-recipient", "original-recipient", "action", "status"].contains($0.0) }
            if isRecipient {
                recipients.append(Recipient(
                    finalRecipient: value("final-recipient").map(stripType),
                    originalRecipient: value("original-recipient").map(stripType),
                    action: value("action").map { $0.lowercased().trimmedWhitespace },
                    status: value("status").map(firstStatusToken),
                    diagnosticCode: value("diagnostic-code").map(stripType),
                    remoteMTA: value("remote-mta").map(stripType)))
            } else {
                perMessage += group
            }
        }
        return DeliveryStatus(
            reportingMTA: perMessage.first { $0.0 == "reporting-mta" }.map { stripType($0.1) },
            arrivalDate: perMessage.first { $0.0 == "arrival-date" }?.1,
            recipients: recipients)
    }

    /// `rfc822; user@example.com` → `user@example.com`; `smtp; 550 …` → `550 …`.
    static func stripType(_ value: String) -> String {
        guard let semicolon = value.firstIndex(of: ";") else { return value.trimmedWhitespace }
        let type = value[..<semicolon].trimmedWhitespace.lowercased()
        guard !type.isEmpty, type.count <= 12, !type.contains(" "), !type.contains("@") else { return value.trimmedWhitespace }
        return value[value.index(after: semicolon)...].trimmedWhitespace
    }

    /// `5.1.1 (user unknown)` → `5.1.1`.
    private static func firstStatusToken(_ value: String) -> String {
        String(value.trimmedWhitespace.prefix { !$0.isWhitespace && $0 != "(" })
    }
}

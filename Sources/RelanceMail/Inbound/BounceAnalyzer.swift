import Foundation
import RelanceCore

/// Extracts the failed recipients of a bounce, from its RFC 3464 report when there is one,
/// otherwise from the text that Exim, qmail, Exchange, Gmail, Domino… write instead.
struct BounceAnalyzer {
    let message: MIMEMessage
    let report: ReportText

    /// The delivery-status parts of the bounce itself (not of a quoted original).
    var deliveryStatuses: [DeliveryStatus] {
        let own = BounceAnalyzer.statuses(in: message.root.ownParts)
        if !own.isEmpty { return own }
        // A bounce forwarded as an attachment (by a gateway or a filter) keeps its report inside.
        let forwardedReports = message.root.ownParts.filter(\.isEmbeddedMessage).compactMap(\.children.first)
            .filter { $0.contentType == "multipart/report" }
        return forwardedReports.flatMap { BounceAnalyzer.statuses(in: $0.ownParts) }
    }

    private static func statuses(in parts: [MIMEPart]) -> [DeliveryStatus] {
        parts.filter { ["message/delivery-status", "message/global-delivery-status"].contains($0.contentType) }
            .map { DeliveryStatus.parse($0.text) }
            .filter { !$0.recipients.isEmpty }
    }

    func recipients(from statuses: [DeliveryStatus]) -> [BounceRecipient] {
        var seen: Set<String> = []
        var result: [BounceRecipient] = []
        let allAddresses = statuses.flatMap(\.recipients).compactMap { ($0.finalRecipient ?? $0.originalRecipient).map(BounceAnalyzer.cleanAddress) }
        for status in statuses {
            for entry in status.recipients {
                let address = (entry.finalRecipient ?? entry.originalRecipient).map(BounceAnalyzer.cleanAddress)
                if let address, !address.isEmpty, !seen.insert(address + (entry.action ?? "")).inserted { continue }
                let segment = address.flatMap { textSegment(for: $0, others: allAddresses) } ?? report.own
                // The DSN's Diagnostic-Code is the server's answer; the prose around it may
                // add the SMTP stage ("in reply to end of DATA command") that changes its meaning.
                let diagnostic = entry.diagnosticCode.map { $0 + "\n" + (segment == report.own ? "" : segment) } ?? segment
                // Action is mandatory in RFC 3464; when a mailer leaves it out, a 2.X.X status
                // still says the message was delivered.
                let action = entry.action ?? (entry.status?.hasPrefix("2") == true ? "delivered" : "failed")
                result.append(makeRecipient(address: address, declaredStatus: entry.status, action: action,
                                            diagnostic: diagnostic, fallbackText: segment))
            }
        }
        return result
    }

    func recipients(from notification: AmazonSESNotification) -> [BounceRecipient] {
        notification.recipients.map { entry in
            let action = entry.action ?? (notification.type == "delivery" ? "delivered" : "failed")
            return makeRecipient(address: entry.address, declaredStatus: entry.status, action: action,
                                 diagnostic: entry.diagnostic ?? "", fallbackText: notification.permanent ? "" : "temporary")
        }
    }

    /// Recipients of a bounce written as prose.
    func textRecipients() -> [BounceRecipient] {
        let own = report.own
        var excluded = Set(ownHeaderAddresses())
        excluded.formUnion(originalSenderAddresses())
        let lines = own.split(separator: "\n", omittingEmptySubsequences: false)
        var primaries: [(address: String, lineIndex: Int)] = []
        var anywhere: [(address: String, lineIndex: Int)] = []
        for (index, line) in lines.enumerated() {
            // Recipient lines are short; a very long line is data, not a recipient list.
            let text = String(line.prefix(1_000))
            for found in AddressExtraction.matches(in: text) where !excluded.contains(found.address) && !AddressExtraction.isDaemon(found.address) {
                anywhere.append((found.address, index))
                if BounceAnalyzer.isRecipientLine(text, address: found.address) { primaries.append((found.address, index)) }
            }
        }
        var chosen = primaries.isEmpty ? anywhere : primaries
        var seen: Set<String> = []
        chosen = chosen.filter { seen.insert($0.address).inserted }
        if chosen.isEmpty {
            // Nothing named in the text: X-Failed-Recipients (Exim), then the original's To.
            let fallback = message.headers.all("X-Failed-Recipients").flatMap(AddressExtraction.addresses(in:))
                + originalRecipientAddresses()
            if let address = fallback.first {
                return [makeRecipient(address: address, declaredStatus: nil, action: "failed", diagnostic: own, fallbackText: own)]
            }
            return [makeRecipient(address: nil, declaredStatus: nil, action: "failed", diagnostic: own, fallbackText: own)]
        }
        return chosen.enumerated().map { offset, entry in
            let end = offset + 1 < chosen.count ? chosen[offset + 1].lineIndex : lines.count
            var segment = lines[entry.lineIndex..<max(end, entry.lineIndex + 1)].joined(separator: "\n")
            if BounceDiagnosis.statusCodes(in: segment).isEmpty && BounceDiagnosis.cause(status: nil, text: segment) == .unknown {
                // The reason is sometimes written once above the list of addresses.
                segment += "\n" + lines[..<entry.lineIndex].joined(separator: "\n")
            }
            // Some mailers print the RFC 3464 fields in the prose ("Technical report: … Status: 5.2.1").
            let inlineStatus = BounceAnalyzer.inlineStatusField(in: chosen.count == 1 ? own : segment)
            return makeRecipient(address: entry.address, declaredStatus: inlineStatus, action: "failed", diagnostic: segment, fallbackText: own)
        }
    }

    private func makeRecipient(address: String?, declaredStatus: String?, action: String, diagnostic: String, fallbackText: String) -> BounceRecipient {
        let codes = BounceDiagnosis.statusCodes(in: diagnostic)
        var status = declaredStatus.flatMap { BounceDiagnosis.statusCodes(in: $0).first }
        if let declared = status {
            // A generic declared code (5.0.0) loses to a precise one in the server's words.
            if let precise = codes.first(where: { BounceDiagnosis.specificity($0) > BounceDiagnosis.specificity(declared) && $0.first == declared.first }) {
                status = precise
            }
        } else {
            status = codes.first(where: { !$0.hasSuffix(".0.0") }) ?? codes.first
        }
        var cause = BounceDiagnosis.cause(status: status, declaredStatus: declaredStatus, text: diagnostic)
        let permanent: Bool
        if action == "delayed" || action == "delivered" || action == "relayed" || action == "expanded" {
            permanent = false
        } else if let first = status?.first {
            permanent = first == "5"
        } else if let reply = BounceDiagnosis.replyCode(in: diagnostic) {
            permanent = reply >= 500
        } else {
            let lowered = fallbackText.lowercased()
            permanent = !(lowered.contains("temporar") || lowered.contains("will keep trying") || lowered.contains("delayed"))
        }
        // A failed DNS lookup reported as temporary is a resolver hiccup, not proof that
        // the domain does not exist.
        if cause == .unknownDomain, !permanent { cause = .transport }
        if status == nil, action == "failed" {
            status = BounceDiagnosis.inferredStatus(cause: cause, permanent: permanent)
        }
        let shortened = diagnostic.split(whereSeparator: \.isNewline).map { $0.trimmedWhitespace }.filter { !$0.isEmpty }
            .prefix(6).joined(separator: " ")
        return BounceRecipient(address: address, status: status, action: action, permanent: permanent, cause: cause,
                               diagnostic: shortened.isEmpty ? nil : String(shortened.prefix(500)))
    }

    /// The lines of the report that talk about one address, for a reason when the DSN has none.
    private func textSegment(for address: String, others: [String]) -> String? {
        let lines = report.own.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.lowercased().contains(address) }) else { return nil }
        var end = min(lines.count, index + 8)
        // Stop where the report starts talking about another recipient.
        if let next = lines[(index + 1)..<end].firstIndex(where: { line in
            let lowered = line.lowercased()
            return others.contains { $0 != address && lowered.contains($0) }
        }) {
            end = next
        }
        return lines[index..<end].joined(separator: "\n")
    }

    private func ownHeaderAddresses() -> [String] {
        ["From", "To", "Return-Path", "Reply-To", "Sender", "Cc", "Delivered-To", "X-Original-To"].flatMap {
            message.headers.all($0).flatMap(AddressExtraction.addresses(in:))
        }
    }

    /// The original message's headers, from an attached part or the inline copy.
    var originalHeaders: [MIMEHeaders] {
        var result = message.root.ownParts.filter(\.isEmbeddedMessage).compactMap { $0.children.first?.headers }
        if let quoted = report.quotedOriginal {
            var defects: [String] = []
            let trimmed = quoted.drop { $0 == "\n" || $0 == " " }
            let headerBlock = trimmed.components(separatedBy: "\n\n").first ?? ""
            let parsed = MIMEHeaders.parse(Array(headerBlock.utf8)[...], defects: &defects)
            if !parsed.fields.isEmpty { result.append(parsed) }
        }
        return result
    }

    private func originalSenderAddresses() -> [String] {
        originalHeaders.flatMap { headers in
            ["From", "Return-Path", "Sender", "Reply-To"].flatMap { headers.all($0).flatMap(AddressExtraction.addresses(in:)) }
        }
    }

    private func originalRecipientAddresses() -> [String] {
        originalHeaders.flatMap { $0.all("To").flatMap(AddressExtraction.addresses(in:)) }
    }

    private static let recipientLine = try! NSRegularExpression(
        pattern: #"(?i)^[\s>*-]*(?:"[^"]*"\s*)?<?(?:mailto:)?ADDRESS>?(?:\s*$|\s*[:(,;.]|\s+on\s|\s*\.\.\.|\s+(?:was|has|is|\[|-|<))"#
            .replacingOccurrences(of: "ADDRESS", with: #"[^\s<>@]+@[^\s<>]+"#))
    private static let recipientContext = try! NSRegularExpression(
        pattern: #"(?i)(?:rcpt to|recipient|deliver(?:ed|y)? to|address(?:es)?|destinataire|empfänger)\s*:?\s*<?ADDRESS"#
            .replacingOccurrences(of: "ADDRESS", with: #"[^\s<>@]+@"#))

    static func isRecipientLine(_ line: String, address: String) -> Bool {
        let range = NSRange(line.startIndex..., in: line)
        if recipientLine.firstMatch(in: line, range: range) != nil, line.lowercased().contains(address) {
            return true
        }
        return recipientContext.firstMatch(in: line, range: range) != nil
    }

    private static let inlineStatusPattern = try! NSRegularExpression(pattern: #"(?im)^[ \t]*status:[ \t]*([245]\.\d{1,3}\.\d{1,3})"#)

    static func inlineStatusField(in text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = inlineStatusPattern.firstMatch(in: text, range: range), let found = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[found])
    }

    static func cleanAddress(_ raw: String) -> String {
        var text = raw.trimmedWhitespace.lowercased()
        if let found = AddressExtraction.addresses(in: text).first { return found }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "<>\"' "))
        return text
    }
}

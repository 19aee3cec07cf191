import Foundation

/// Amazon SES event notifications delivered by mail (SNS email subscriptions): JSON, often
/// wrapped in an SNS envelope whose `Message` is itself escaped JSON, and sometimes line-
/// wrapped by the mail system. Read with patterns rather than a JSON parser for that reason.
struct AmazonSESNotification {
    struct Recipient {
        let address: String
        let status: String?
        let action: String?
        let diagnostic: String?
    }

    let type: String
    let permanent: Bool
    let recipients: [Recipient]

    init?(text: String) {
        guard text.contains("notificationType") else { return nil }
        let unescaped = text.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
        guard let type = AmazonSESNotification.firstCapture(#""notificationType"\s*:\s*"(\w+)""#, in: unescaped) else { return nil }
        self.type = type.lowercased()
        permanent = AmazonSESNotification.firstCapture(#""bounceType"\s*:\s*"(\w+)""#, in: unescaped)?.lowercased() != "transient"
        let objectPattern = try! NSRegularExpression(pattern: #"\{[^{}]*"emailAddress"\s*:\s*"[^"]+"[^{}]*\}"#)
        let range = NSRange(unescaped.startIndex..., in: unescaped)
        recipients = objectPattern.matches(in: unescaped, range: range).compactMap { match in
            guard let objectRange = Range(match.range, in: unescaped) else { return nil }
            let object = String(unescaped[objectRange])
            guard let address = AmazonSESNotification.firstCapture(#""emailAddress"\s*:\s*"([^"]+)""#, in: object) else { return nil }
            return Recipient(
                address: BounceAnalyzer.cleanAddress(address),
                status: AmazonSESNotification.firstCapture(#""status"\s*:\s*"([^"]+)""#, in: object),
                action: AmazonSESNotification.firstCapture(#""action"\s*:\s*"([^"]+)""#, in: object)?.lowercased(),
                diagnostic: AmazonSESNotification.firstCapture(#""diagnosticCode"\s*:\s*"([^"]+)""#, in: object))
        }
    }

    private static func firstCapture(_ pattern: String, in text: String) -> String? {
        // Only reached for the rare SES notification: compiling here keeps the type simple.
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        guard let match = expression.firstMatch(in: text, range: range), let capture = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[capture])
    }
}

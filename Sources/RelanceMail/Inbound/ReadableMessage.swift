/// A stored message as a person reads it before deciding: its subject and text, never its HTML
/// (no remote content, no markup to sanitise: the HTML alternative is reduced to text only when
/// there is no text part). Pure; bounded by `MIMEMessage.parse`'s limit and `maximumTextLength`.
public struct ReadableMessage: Sendable, Hashable {
    public static let maximumTextLength = 100_000
    public var subject: String
    public var from: String
    public var text: String
    public var attachments: [String]

    public init(raw: [UInt8]) {
        let message = MIMEMessage.parse(raw)
        subject = message.headers.text("Subject") ?? ""
        from = message.headers.text("From") ?? ""
        let parts = message.root.ownParts.filter { !$0.isMultipart }
        let attachmentParts = parts.filter { ($0.headers["Content-Disposition"] ?? "").lowercased().hasPrefix("attachment") }
        let inline = parts.filter { part in !attachmentParts.contains { $0.body == part.body && $0.contentType == part.contentType } }
        if let plain = inline.first(where: { $0.contentType == "text/plain" }) {
            text = String(plain.text.prefix(Self.maximumTextLength))
        } else if let html = inline.first(where: { $0.contentType == "text/html" }) {
            text = String(ReportText.plainText(fromHTML: html.text).prefix(Self.maximumTextLength))
        } else {
            text = ""
        }
        attachments = attachmentParts.map { $0.contentTypeParameters["name"] ?? $0.contentType }
    }
}

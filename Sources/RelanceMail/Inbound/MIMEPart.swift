/// One node of a parsed message: its headers, its transfer-decoded body, and its children
/// (the parts of a multipart, or the single message inside a message/rfc822 part).
public struct MIMEPart: Sendable {
    public let headers: MIMEHeaders
    /// Lower-cased `type/subtype`; `text/plain` when absent, as RFC 2045 says.
    public let contentType: String
    public let contentTypeParameters: [String: String]
    /// The body after Content-Transfer-Encoding decoding (empty for multiparts).
    public let body: [UInt8]
    public let children: [MIMEPart]
    /// Text parts are decoded once, at parse time, so that a charset problem is recorded
    /// with the message's defects rather than discovered later.
    let decodedText: String?

    init(headers: MIMEHeaders, contentType: String, contentTypeParameters: [String: String], body: [UInt8],
         children: [MIMEPart], decodedText: String? = nil) {
        self.headers = headers
        self.contentType = contentType
        self.contentTypeParameters = contentTypeParameters
        self.body = body
        self.children = children
        self.decodedText = decodedText
    }

    /// The body as text in its declared charset (meaningful for text/* and report parts).
    public var text: String { decodedText ?? Charset.decode(body, charset: contentTypeParameters["charset"]).text }

    public var isMultipart: Bool { contentType.hasPrefix("multipart/") }

    /// True for the parts that carry another message's content or headers.
    public var isEmbeddedMessage: Bool {
        ["message/rfc822", "message/global", "text/rfc822-headers", "message/rfc822-headers",
         "message/global-headers"].contains(contentType)
    }

    /// Every part in document order, depth first, including self.
    public var allParts: [MIMEPart] {
        [self] + children.flatMap(\.allParts)
    }

    /// Parts of this message, not descending into embedded messages (the bounced original
    /// is not part of the bounce's own text).
    public var ownParts: [MIMEPart] {
        [self] + (isEmbeddedMessage ? [] : children.flatMap(\.ownParts))
    }
}

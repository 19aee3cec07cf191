public import RelanceCore

/// A display name and an address: `Société Dupont <compta@dupont.fr>`.
public struct MailboxAddress: Sendable, Hashable {
    /// Written as an RFC 2047 encoded word when not plain ASCII; nil or empty for none.
    public var name: String?
    public var address: EmailAddress

    public init(name: String? = nil, address: EmailAddress) {
        self.name = name
        self.address = address
    }

    /// A name from imported data made fit for a header: every control character (CR, LF,
    /// tab, NEL…) and line or paragraph separator becomes a space, runs of spaces shrink to
    /// one, and the ends are trimmed. `MessageComposer` refuses such characters rather than
    /// guessing, so callers that want leniency clean names with this first. Nil when nothing
    /// is left.
    public static func cleanedDisplayName(_ raw: String) -> String? {
        var result = ""
        var pendingSpace = false
        for scalar in raw.unicodeScalars {
            if HeaderText.isForbidden(scalar) || scalar == " " || scalar == "\u{00A0}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.unicodeScalars.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result.isEmpty ? nil : result
    }
}

/// A file sent with the message: an invoice PDF, a statement of account (CSV).
public struct MailAttachment: Sendable, Hashable {
    /// Any Unicode name (sent with RFC 2231 encoding when not ASCII); no control characters.
    public var fileName: String
    /// `type/subtype` such as `application/pdf` or `text/csv; charset=utf-8` is NOT accepted:
    /// only the bare `type/subtype`, parameters are the composer's business.
    public var mediaType: String
    public var bytes: [UInt8]

    public init(fileName: String, mediaType: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.mediaType = mediaType
        self.bytes = bytes
    }
}

/// An image the HTML body shows by `cid:` (the EPC payment QR code): sent inside
/// `multipart/related` with the HTML, so that mail clients show it without fetching anything.
public struct InlineImage: Sendable, Hashable {
    /// The `Content-ID` without brackets (`epc-qr@relance`): letters, digits and `.-_@` only.
    public var contentID: String
    public var fileName: String
    /// A bare `image/…` media type (`image/png`).
    public var mediaType: String
    public var bytes: [UInt8]

    public init(contentID: String, fileName: String, mediaType: String, bytes: [UInt8]) {
        self.contentID = contentID
        self.fileName = fileName
        self.mediaType = mediaType
        self.bytes = bytes
    }

    /// What the HTML writes in `src` to show it.
    public var url: String { "cid:" + contentID }
}

/// The only headers a caller may add beyond the ones the composer writes itself. Typed rather
/// than free-form so that no caller can add `Bcc`, `Received` or a second `From`.
public enum ExtraHeader: Sendable, Hashable {
    /// Threads a follow-up reminder under the previous one in the customer's mail client.
    case inReplyTo(MessageID)
    case references([MessageID])
    /// `Organization:` with the creditor's name (unstructured text, encoded when not ASCII).
    case organization(String)
}

/// Everything `MessageComposer` needs, already decided: who, what, when, which id.
/// BCC recipients (an archive address, the accountant) belong to the SMTP envelope only:
/// they are deliberately absent here so that they can never appear in the headers.
public struct OutgoingMessage: Sendable, Hashable {
    public var from: MailboxAddress
    public var replyTo: [MailboxAddress]
    public var to: [MailboxAddress]
    public var cc: [MailboxAddress]
    /// One line of text; CR, LF and other control characters are refused.
    public var subject: String
    /// Any line endings; sent as UTF-8 quoted-printable with CRLF.
    public var textBody: String
    public var htmlBody: String?
    /// Images the HTML body shows by `cid:`; ignored without an HTML body.
    public var inlineImages: [InlineImage] = []
    public var attachments: [MailAttachment]
    public var date: MessageDate
    public var messageID: MessageID
    /// The language of the body, written as `Content-Language`.
    public var language: Language?
    public var extraHeaders: [ExtraHeader]

    public init(from: MailboxAddress, replyTo: [MailboxAddress] = [], to: [MailboxAddress], cc: [MailboxAddress] = [],
                subject: String, textBody: String, htmlBody: String? = nil, attachments: [MailAttachment] = [],
                date: MessageDate, messageID: MessageID, language: Language? = nil, extraHeaders: [ExtraHeader] = []) {
        self.from = from
        self.replyTo = replyTo
        self.to = to
        self.cc = cc
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.attachments = attachments
        self.date = date
        self.messageID = messageID
        self.language = language
        self.extraHeaders = extraHeaders
    }
}

extension OutgoingMessage {
    /// A reminder as rendered from the templates, addressed and identified.
    public init(reminder: RenderedReminder, language: Language, from: MailboxAddress, replyTo: [MailboxAddress] = [],
                to: [MailboxAddress], cc: [MailboxAddress] = [], attachments: [MailAttachment] = [],
                date: MessageDate, messageID: MessageID, extraHeaders: [ExtraHeader] = []) {
        self.init(from: from, replyTo: replyTo, to: to, cc: cc, subject: reminder.subject, textBody: reminder.text,
                  htmlBody: reminder.html, attachments: attachments, date: date, messageID: messageID,
                  language: language, extraHeaders: extraHeaders)
    }
}

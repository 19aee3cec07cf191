/// Why a message could not be composed, and which field of `OutgoingMessage` is at fault
/// (`subject`, `to[1].name`, `attachments[0].fileName`…). Composition refuses rather than
/// repairs: a silently altered subject or name is worse than a message held for a person.
public struct CompositionError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// CR, LF, or another control character in a header field: a header-injection attempt
        /// or a broken import. Clean names with `MailboxAddress.cleanedDisplayName(_:)` first.
        case controlCharacter
        /// The message has no `To` recipient.
        case noRecipient
        /// An attachment's media type is not `type/subtype` made of RFC 2045 token characters.
        case invalidMediaType
        /// An attachment's file name is empty.
        case emptyFileName
        /// A domain or an id part is not usable in a Message-ID or an address.
        case invalidIdentifier
        /// A VERP bounce address would have a local part over 64 characters.
        case localPartTooLong
    }

    public let code: Code
    public let field: String
    public let message: String

    public init(code: Code, field: String, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message) [\(code.rawValue)]" }
}

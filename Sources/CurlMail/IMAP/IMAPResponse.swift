/// One IMAP server response line (RFC 3501 section 7), as far as this library needs to understand it.
public enum IMAPResponse: Sendable, Hashable {
    /// `* SEARCH 3 7 12` (also the empty `* SEARCH`).
    case search([UInt32])
    /// `* 5 EXISTS`
    case exists(UInt32)
    /// `* STATUS "INBOX" (MESSAGES 3 UIDNEXT 8 UIDVALIDITY 1700000000)`, attribute names upper-cased.
    case status(mailbox: String, attributes: [String: UInt64])
    /// `* 4 FETCH (UID 9 FLAGS (\Seen))`, the parenthesised attributes left as text.
    case fetch(sequenceNumber: UInt32, attributes: String)
    /// `* OK [UIDVALIDITY 17] …`, `* NO …`, `* BYE …`
    case untaggedCondition(IMAPCondition)
    /// `A004 OK [APPENDUID 17 9] Append completed.`
    case tagged(tag: String, condition: IMAPCondition)
    /// `+ …` continuation request.
    case continuation(String)
    /// Anything else (`* FLAGS …`, `* CAPABILITY …`, `* 2 RECENT`…), kept as received.
    case other(String)
}

/// A status response: `OK`, `NO`, `BAD`, `PREAUTH` or `BYE`, its optional `[code]` and text.
public struct IMAPCondition: Sendable, Hashable, CustomStringConvertible {
    public enum Status: String, Sendable, Hashable {
        case ok = "OK", no = "NO", bad = "BAD", preauth = "PREAUTH", bye = "BYE"
    }

    public let status: Status
    public let code: IMAPResponseCode?
    public let text: String

    public init(status: Status, code: IMAPResponseCode?, text: String) {
        self.status = status
        self.code = code
        self.text = text
    }

    public var description: String {
        var parts = [status.rawValue]
        if let code { parts.append("[\(code)]") }
        if !text.isEmpty { parts.append(text) }
        return parts.joined(separator: " ")
    }
}

/// The bracketed response code of a status response (RFC 3501 section 7.1, RFC 4315 UIDPLUS).
public enum IMAPResponseCode: Sendable, Hashable, CustomStringConvertible {
    case uidValidity(UInt32)
    case uidNext(UInt32)
    case unseen(UInt32)
    case appendUID(uidValidity: UInt32, uid: UInt32)
    case readOnly
    case readWrite
    case tryCreate
    case nonexistent
    /// Any other code, e.g. `PERMANENTFLAGS (\Seen)`, `AUTHENTICATIONFAILED`, as received.
    case other(String)

    public var description: String {
        switch self {
        case .uidValidity(let value): "UIDVALIDITY \(value)"
        case .uidNext(let value): "UIDNEXT \(value)"
        case .unseen(let value): "UNSEEN \(value)"
        case .appendUID(let validity, let uid): "APPENDUID \(validity) \(uid)"
        case .readOnly: "READ-ONLY"
        case .readWrite: "READ-WRITE"
        case .tryCreate: "TRYCREATE"
        case .nonexistent: "NONEXISTENT"
        case .other(let text): text
        }
    }
}

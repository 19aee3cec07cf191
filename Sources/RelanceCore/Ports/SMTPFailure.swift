/// An SMTP failure as facts, so that a French creditor reads it in French: what went wrong (the
/// kind, one per `CurlMail.SMTPError.Code`), and what the server and libcurl said, quoted as
/// they came. `description` is the transport's own English text, which English readers and
/// the logs keep (it is worded once, in CurlMail).
public struct SMTPFailure: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case invalidConfiguration, invalidEnvelopeAddress, connectFailed, tlsFailed, certificateUntrusted, caFileUnreadable
        case startTLSUnavailable, authenticationFailed, senderRefused, allRecipientsRefused, temporaryFailure, permanentFailure
        case timeout, connectionLost, cancelled, protocolError, resourceUnavailable, handOverDeadlinePassed
    }

    public var kind: Kind
    /// What exactly is wrong when the kind alone does not say (the transport's words).
    public var detail: String?
    public var serverReply: String?
    /// libcurl's error text, e.g. "SSL certificate problem: unable to get local issuer certificate".
    public var libcurl: String?
    public var description: String

    public init(kind: Kind, detail: String? = nil, serverReply: String? = nil, libcurl: String? = nil, description: String) {
        self.kind = kind
        self.detail = detail
        self.serverReply = serverReply
        self.libcurl = libcurl
        self.description = description
    }
}

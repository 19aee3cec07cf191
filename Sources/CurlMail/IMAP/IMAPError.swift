import CCurl

/// Why an IMAP operation failed, with the server's own words and what to do.
public struct IMAPError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case invalidConfiguration
        /// A mailbox name, search criteria or flag was refused before anything was sent.
        case invalidArgument
        case connectFailed
        case tlsFailed
        case certificateUntrusted
        case caFileUnreadable
        case startTLSUnavailable
        case authenticationFailed
        /// The mailbox does not exist (or may not be selected).
        case mailboxNotFound
        /// The mailbox's UIDVALIDITY differs from the one given: stored UIDs are void.
        case uidValidityChanged
        /// No message has that UID.
        case messageNotFound
        /// The server answered NO or BAD to a command.
        case commandRefused
        case timeout
        case connectionLost
        case cancelled
        case protocolError
        case resourceUnavailable
    }

    public let code: Code
    public let detail: String?
    public let curlCode: Int?
    public let curlMessage: String?
    /// The server's answer to the failing command, e.g. `NO [TRYCREATE] Mailbox doesn't exist: Sent`.
    public let serverResponse: IMAPCondition?
    /// The redacted exchange of the failed operation.
    public let transcript: [ProtocolLine]

    public init(
        code: Code,
        detail: String? = nil,
        curlCode: Int? = nil,
        curlMessage: String? = nil,
        serverResponse: IMAPCondition? = nil,
        transcript: [ProtocolLine] = []
    ) {
        self.code = code
        self.detail = detail
        self.curlCode = curlCode
        self.curlMessage = curlMessage
        self.serverResponse = serverResponse
        self.transcript = transcript
    }

    public var isTemporary: Bool {
        [.timeout, .connectFailed, .connectionLost, .resourceUnavailable].contains(code)
    }

    public var description: String {
        MailErrorText.describe(protocol: "IMAP", code: code.rawValue, summary: summary, detail: detail,
                               serverReply: serverResponse, curlMessage: curlMessage, advice: advice)
    }

    private var summary: String {
        switch code {
        case .invalidConfiguration: "the IMAP settings cannot be used"
        case .invalidArgument: "an argument was refused before connecting"
        case .connectFailed: "could not connect to the IMAP server"
        case .tlsFailed: "the TLS handshake with the IMAP server failed"
        case .certificateUntrusted: "the IMAP server's certificate could not be verified"
        case .caFileUnreadable: "the CA file (ca_file) could not be read"
        case .startTLSUnavailable: "the IMAP server does not offer STARTTLS, which is required"
        case .authenticationFailed: "the IMAP server refused the credentials"
        case .mailboxNotFound: "the mailbox does not exist"
        case .uidValidityChanged: "the mailbox's UIDVALIDITY changed"
        case .messageNotFound: "no message has this UID"
        case .commandRefused: "the IMAP server refused the command"
        case .timeout: "the IMAP server did not answer in time"
        case .connectionLost: "the connection to the IMAP server was lost"
        case .cancelled: "the operation was cancelled"
        case .protocolError: "the IMAP exchange went wrong"
        case .resourceUnavailable: "libcurl could not be initialised or ran out of memory"
        }
    }

    private var advice: String {
        switch code {
        case .invalidConfiguration: "Fix the host or port in the configuration."
        case .invalidArgument: "Fix the value at its source."
        case .connectFailed: "Check the host and port, and that the server is running and reachable."
        case .tlsFailed: "Check that security matches the port: security = \"tls\" for 993, \"starttls\" for 143."
        case .certificateUntrusted:
            "If the server uses a private certificate authority, set ca_file to its PEM file; check that host is the name on the certificate."
        case .caFileUnreadable: "Check that ca_file names a readable PEM file."
        case .startTLSUnavailable: "Use port 993 with security = \"tls\"; security = \"plain\" is only for a server on this machine."
        case .authenticationFailed: "Check username and the secret of password_credential (or renew the token of oauth2_token_credential)."
        case .mailboxNotFound: "Check the mailbox name (case and hierarchy separator), or create it."
        case .uidValidityChanged: "Forget the stored UIDs of this mailbox and examine it again."
        case .messageNotFound: "The message was probably expunged; search again."
        case .commandRefused: "Read the server's reply."
        case .timeout: "Retry later; if nothing at all was heard from the server, check that security matches the port (993 needs security = \"tls\")."
        case .connectionLost: "Retry; the connection will be opened again."
        case .cancelled: "Nothing to do."
        case .protocolError: "Look at the transcript; the server may not be an IMAP server."
        case .resourceUnavailable: "Check the libcurl installation and memory."
        }
    }

    /// A NO to SELECT, EXAMINE or STATUS means "no such mailbox" (RFC 3501 6.3); Dovecot adds
    /// no response code to say so. libcurl 7.88 reports a refused SELECT as CURLE_LOGIN_DENIED,
    /// and both a UIDVALIDITY mismatch and a missing UID as CURLE_REMOTE_FILE_NOT_FOUND: the
    /// transcript says which.
    init(curl: CurlFailure, exchange: IMAPExchange, transcript: [ProtocolLine], expectedUIDValidity: UInt32? = nil) {
        let failure = exchange.lastFailure
        let code: Code
        if let failure, ["SELECT", "EXAMINE", "STATUS"].contains(failure.command)
            || failure.condition.code == .tryCreate || failure.condition.code == .nonexistent {
            code = .mailboxNotFound
        } else if let failure, ["LOGIN", "AUTHENTICATE"].contains(failure.command) {
            code = .authenticationFailed
        } else if curl.code == CURLE_REMOTE_FILE_NOT_FOUND {
            let actual = exchange.selectedUIDValidity
            code = expectedUIDValidity != nil && actual != nil && actual != expectedUIDValidity ? .uidValidityChanged : .messageNotFound
        } else if let transport = TransportFailure(curl.code) {
            code = Self.code(for: transport)
        } else {
            code = failure == nil ? .protocolError : .commandRefused
        }
        self.init(
            code: code,
            curlCode: Int(curl.code.rawValue),
            curlMessage: curl.message,
            serverResponse: failure?.condition,
            transcript: transcript
        )
    }

    private static func code(for transport: TransportFailure) -> Code {
        switch transport {
        case .connectFailed: .connectFailed
        case .timeout: .timeout
        case .certificateUntrusted: .certificateUntrusted
        case .caFileUnreadable: .caFileUnreadable
        case .tlsFailed: .tlsFailed
        case .startTLSUnavailable: .startTLSUnavailable
        case .authenticationFailed: .authenticationFailed
        case .cancelled: .cancelled
        case .connectionLost: .connectionLost
        case .resourceUnavailable: .resourceUnavailable
        }
    }
}

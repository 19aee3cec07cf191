import CCurl

/// Why a message was not sent, with everything needed to decide what to do next.
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The endpoint settings cannot be used (bad host, port or EHLO name).
        case invalidConfiguration
        /// An envelope address was refused before anything was sent (see `detail`).
        case invalidEnvelopeAddress
        case connectFailed
        case tlsFailed
        /// The server's certificate is not signed by a trusted CA or does not match the host.
        case certificateUntrusted
        case caFileUnreadable
        /// STARTTLS was required but the server does not offer it.
        case startTLSUnavailable
        case authenticationFailed
        /// `MAIL FROM` was refused.
        case senderRefused
        /// Every `RCPT TO` was refused; see `recipients` for each reply.
        case allRecipientsRefused
        /// A 4xx reply: the same message may be accepted later.
        case temporaryFailure
        /// A 5xx reply: sending the same message again will fail again.
        case permanentFailure
        case timeout
        case connectionLost
        case cancelled
        /// The server said something libcurl could not follow.
        case protocolError
        /// libcurl could not be initialised or ran out of memory.
        case resourceUnavailable
        /// The caller's hand-over deadline passed before the content's end could leave: the
        /// transaction was abandoned, nothing delivered (see `SMTPTransactions.send`).
        case handOverDeadlinePassed
    }

    public let code: Code
    /// What exactly is wrong, when the code alone does not say (e.g. which address, and why).
    public let detail: String?
    /// libcurl's result code (`CURLcode`), nil when the error was found before libcurl ran.
    public let curlCode: Int?
    /// libcurl's error buffer, e.g. "SSL certificate problem: unable to get local issuer certificate".
    public let curlMessage: String?
    /// The server's last reply, when the failure came from the server.
    public let serverReply: SMTPReply?
    /// Each recipient's reply, when the envelope got that far.
    public let recipients: [SMTPRecipientResult]
    /// The redacted exchange of the failed attempt.
    public let transcript: [ProtocolLine]

    public init(
        code: Code,
        detail: String? = nil,
        curlCode: Int? = nil,
        curlMessage: String? = nil,
        serverReply: SMTPReply? = nil,
        recipients: [SMTPRecipientResult] = [],
        transcript: [ProtocolLine] = []
    ) {
        self.code = code
        self.detail = detail
        self.curlCode = curlCode
        self.curlMessage = curlMessage
        self.serverReply = serverReply
        self.recipients = recipients
        self.transcript = transcript
    }

    /// Whether trying the same message again later may succeed.
    public var isTemporary: Bool {
        switch code {
        case .temporaryFailure, .timeout, .connectFailed, .connectionLost, .resourceUnavailable: true
        case .allRecipientsRefused, .senderRefused: serverReply?.isTemporaryFailure ?? false
        default: false
        }
    }

    public var description: String {
        MailErrorText.describe(protocol: "SMTP", code: code.rawValue, summary: summary, detail: detail,
                               serverReply: serverReply, curlMessage: curlMessage, advice: advice)
    }

    private var summary: String {
        switch code {
        case .invalidConfiguration: "the SMTP settings cannot be used"
        case .invalidEnvelopeAddress: "an envelope address was refused before connecting"
        case .connectFailed: "could not connect to the SMTP server"
        case .tlsFailed: "the TLS handshake with the SMTP server failed"
        case .certificateUntrusted: "the SMTP server's certificate could not be verified"
        case .caFileUnreadable: "the CA file (ca_file) could not be read"
        case .startTLSUnavailable: "the SMTP server does not offer STARTTLS, which is required"
        case .authenticationFailed: "the SMTP server refused the credentials"
        case .senderRefused: "the SMTP server refused the envelope sender"
        case .allRecipientsRefused: "the SMTP server refused every recipient"
        case .temporaryFailure: "the SMTP server refused the message for now"
        case .permanentFailure: "the SMTP server refused the message"
        case .timeout: "the SMTP server did not answer in time"
        case .connectionLost: "the connection to the SMTP server was lost"
        case .cancelled: "sending was cancelled"
        case .protocolError: "the SMTP exchange went wrong"
        case .resourceUnavailable: "libcurl could not be initialised or ran out of memory"
        case .handOverDeadlinePassed: "the message was not handed over: its deadline passed first (nothing was delivered)"
        }
    }

    private var advice: String {
        switch code {
        case .invalidConfiguration: "Fix host or port in the configuration (or the EHLO name)."
        case .invalidEnvelopeAddress: "Correct the address at its source; it was not sent anywhere."
        case .connectFailed: "Check the host and port, and that the server is running and reachable."
        case .tlsFailed: "Check that security matches the port: security = \"tls\" for 465, \"starttls\" for 587."
        case .certificateUntrusted:
            "If the server uses a private certificate authority, set ca_file to its PEM file; check that host is the name on the certificate."
        case .caFileUnreadable: "Check that ca_file names a readable PEM file."
        case .startTLSUnavailable: "Use port 587 with security = \"starttls\" or port 465 with security = \"tls\"; security = \"plain\" is only for a server on this machine."
        case .authenticationFailed: "Check username and the secret of password_credential (or renew the token of oauth2_token_credential)."
        case .senderRefused: "Check that the account may send as this envelope sender."
        case .allRecipientsRefused: "See each recipient's reply: X.1.x says the address is wrong, X.7.x that the server refuses us (authentication, relay), 4xx to try later."
        case .temporaryFailure: "Retry later; the message was not accepted."
        case .permanentFailure: "Do not retry unchanged; read the server's reply."
        case .timeout: "Retry later; if nothing at all was heard from the server, check that security matches the port (465 needs security = \"tls\")."
        case .connectionLost: "Retry; the connection will be opened again."
        case .cancelled: "Nothing to do; the message may or may not have been accepted if cancelled after the content was sent."
        case .protocolError: "Look at the transcript; the server may not be an SMTP server."
        case .resourceUnavailable: "Check the libcurl installation and memory."
        case .handOverDeadlinePassed: "Nothing to do; the message may be sent again (the sender was paused or too slow)."
        }
    }

    /// Builds the error for a failed transfer, preferring what the server said over libcurl's
    /// generic code: libcurl reports a refused RCPT, MAIL or DATA as a send error.
    init(curl: CurlFailure, exchange: SMTPExchange, transcript: [ProtocolLine]) {
        let refusedData = exchange.dataReply.flatMap { $0.isPositive ? nil : $0 }
        let code: Code
        var reply = exchange.lastReply
        if let mailFrom = exchange.mailFromReply, !mailFrom.isPositive {
            code = .senderRefused
            reply = mailFrom
        } else if !exchange.recipients.isEmpty, exchange.recipients.allSatisfy({ !$0.isAccepted }) {
            code = .allRecipientsRefused
            // Temporary only if every refusal is: a 5xx among them means at least one never will be accepted.
            reply = exchange.recipients.first(where: { $0.reply.isPermanentFailure })?.reply ?? exchange.recipients.last?.reply
        } else if let refusedData {
            code = refusedData.isTemporaryFailure ? .temporaryFailure : .permanentFailure
            reply = refusedData
        } else if let transport = TransportFailure(curl.code) {
            code = Self.code(for: transport, lastReply: exchange.lastReply)
        } else if let last = exchange.lastReply, last.isTemporaryFailure || last.isPermanentFailure {
            code = last.isTemporaryFailure ? .temporaryFailure : .permanentFailure
        } else {
            code = .protocolError
        }
        self.init(
            code: code,
            curlCode: Int(curl.code.rawValue),
            curlMessage: curl.message,
            serverReply: reply,
            recipients: exchange.recipients,
            transcript: transcript
        )
    }

    private static func code(for transport: TransportFailure, lastReply: SMTPReply?) -> Code {
        switch transport {
        case .connectFailed: return .connectFailed
        case .timeout: return .timeout
        case .certificateUntrusted: return .certificateUntrusted
        case .caFileUnreadable: return .caFileUnreadable
        case .tlsFailed: return .tlsFailed
        case .startTLSUnavailable: return .startTLSUnavailable
        case .authenticationFailed: return .authenticationFailed
        case .cancelled: return .cancelled
        case .resourceUnavailable: return .resourceUnavailable
        case .connectionLost:
            // A server that answers 421 and hangs up shows up as a lost connection.
            guard let lastReply, lastReply.isTemporaryFailure || lastReply.isPermanentFailure else { return .connectionLost }
            return lastReply.isTemporaryFailure ? .temporaryFailure : .permanentFailure
        }
    }
}

import CCurl

/// Sends messages over one SMTP connection that stays open between messages.
///
/// libcurl opens the connection (TCP, STARTTLS or implicit TLS with the certificate verified,
/// authentication) and then carries our own mail transactions (`SMTPSession`), pipelined when the
/// server offers PIPELINING: against Postfix with STARTTLS, reuse is the difference between tens
/// and hundreds of messages per second, pipelining halves the round trips of each. The connection
/// is opened on the first `send`, and opened again when the server closed it while idle or after a
/// failed transaction.
///
/// Calls may come from any task; they run one at a time, in order, on the connection's own
/// serial queue, outside Swift's cooperative thread pool.
///
/// `@unchecked Sendable`: the only mutable state is `session`, which is touched only from blocks
/// running on `queue`, a serial queue, and from `deinit` (no block can be running then).
public final class SMTPConnection: @unchecked Sendable {
    public let endpoint: SMTPEndpoint
    private let queue: ConnectionQueue
    private let log: ProtocolLogSink?
    private var session: SMTPSession?

    /// Checks the settings; nothing is sent until the first `send`.
    /// - Parameter log: receives each protocol line, credentials redacted. Message contents
    ///   are never passed to it.
    public init(endpoint: SMTPEndpoint, log: ProtocolLogSink? = nil) throws(SMTPError) {
        if let problem = endpoint.problem { throw SMTPError(code: .invalidConfiguration, detail: problem) }
        guard CurlGlobal.isReady else { throw SMTPError(code: .resourceUnavailable) }
        self.endpoint = endpoint
        self.log = log
        queue = ConnectionQueue(label: "CurlMail.SMTPConnection.\(endpoint.host):\(endpoint.port)")
    }

    deinit {
        // QUIT, then the TLS shutdown, on the connection's own queue (see `RetiredConnections`).
        if let session { queue.retire(closing: { session.close() }) }
    }

    /// Sends `message` (a complete RFC 5322 message with CR LF line ends; the session adds the
    /// dot-stuffing and the final dot) to `recipients`.
    ///
    /// Succeeds when the server accepted the message for at least one recipient; the
    /// delivery then lists every recipient's reply, refusals included. Every address is
    /// checked first (see `SMTPEnvelopeAddress`), so a bad one fails with
    /// `.invalidEnvelopeAddress` before any byte is sent.
    public func send(envelopeFrom: String, recipients: [String], message: [UInt8]) async throws(SMTPError) -> SMTPDelivery {
        if let problem = SMTPEnvelopeAddress.problem(in: envelopeFrom) {
            throw SMTPError(code: .invalidEnvelopeAddress, detail: "sender \(Self.quoted(envelopeFrom)): \(problem)")
        }
        if recipients.isEmpty { throw SMTPError(code: .invalidEnvelopeAddress, detail: "no recipient") }
        for recipient in recipients {
            if let problem = SMTPEnvelopeAddress.problem(in: recipient) {
                throw SMTPError(code: .invalidEnvelopeAddress, detail: "recipient \(Self.quoted(recipient)): \(problem)")
            }
        }
        let result = await queue.run { cancellation in
            self.transfer(from: envelopeFrom, to: recipients, message: message, cancellation: cancellation)
        }
        return try result.get()
    }

    /// Runs on `queue`.
    private func transfer(
        from sender: String, to recipients: [String], message: [UInt8], cancellation: CancellationFlag
    ) -> Result<SMTPDelivery, SMTPError> {
        if let current = session, current.isStale {
            current.close()
            session = nil
        }
        let open: SMTPSession
        if let session {
            open = session
        } else {
            do {
                open = try SMTPSession.open(endpoint: endpoint, log: log, cancellation: cancellation)
            } catch {
                return .failure(error)
            }
            session = open
        }
        return open.transfer(from: sender, to: recipients, message: message, cancellation: cancellation)
    }

    /// Shows control characters escaped, so the error message itself stays on one line.
    private static func quoted(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { $0.escaped(asASCII: true) }.joined() + "\""
    }
}

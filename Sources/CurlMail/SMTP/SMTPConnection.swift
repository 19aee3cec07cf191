import CCurl

/// Sends messages over one SMTP connection that stays open between messages.
///
/// libcurl keeps the connection (TCP, TLS session, authentication) in the easy handle's
/// cache, so reusing one handle avoids a handshake per message: against Postfix with
/// STARTTLS that is the difference between tens and hundreds of messages per second. The
/// connection is opened on the first `send`, reopened transparently if the server closed it.
///
/// Calls may come from any task; they run one at a time, in order, on the connection's own
/// serial queue, outside Swift's cooperative thread pool.
///
/// `@unchecked Sendable`: the only mutable state is the libcurl handle inside `easy`, which
/// is touched only from blocks running on `queue`, a serial queue, after `init` returns.
public final class SMTPConnection: @unchecked Sendable {
    public let endpoint: SMTPEndpoint
    private let queue: ConnectionQueue
    private let easy: CurlEasy
    private let log: ProtocolLogSink?

    /// Checks the settings and prepares the handle; nothing is sent until the first `send`.
    /// - Parameter log: receives each protocol line, credentials redacted. Message contents
    ///   are never passed to it.
    public init(endpoint: SMTPEndpoint, log: ProtocolLogSink? = nil) throws(SMTPError) {
        if let problem = endpoint.problem { throw SMTPError(code: .invalidConfiguration, detail: problem) }
        guard let easy = CurlEasy() else { throw SMTPError(code: .resourceUnavailable) }
        self.endpoint = endpoint
        self.easy = easy
        self.log = log
        queue = ConnectionQueue(label: "CurlMail.SMTPConnection.\(endpoint.host):\(endpoint.port)")
        if let problem = endpoint.server.configure(easy) { throw SMTPError(code: .invalidConfiguration, detail: problem) }
        CurlTransfer.installCallbacks(on: easy)
        easy.set(CURLOPT_URL, endpoint.url)
        easy.set(CURLOPT_UPLOAD, true)
        // One refused recipient must not cost the others their copy (option name has three Ls).
        guard easy.set(CURLOPT_MAIL_RCPT_ALLLOWFAILS, true) == CURLE_OK else {
            throw SMTPError(code: .resourceUnavailable, detail: "this libcurl lacks CURLOPT_MAIL_RCPT_ALLLOWFAILS (needs 7.69 or later)")
        }
    }

    deinit {
        queue.retire(easy)
    }

    /// Sends `message` (a complete RFC 5322 message with CR LF line ends; libcurl adds the
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
        easy.set(CURLOPT_MAIL_FROM, sender)
        easy.set(CURLOPT_MAIL_RCPT, list: recipients)
        easy.setSize(CURLOPT_INFILESIZE_LARGE, Int64(message.count))
        let context = TransferContext(upload: message, sink: log, cancellation: cancellation)
        let code = CurlTransfer.perform(easy, context: context)
        let exchange = SMTPExchange(transcript: context.transcript)
        if code == CURLE_OK, let dataReply = exchange.dataReply, dataReply.isPositive {
            return .success(SMTPDelivery(recipients: exchange.recipients, dataReply: dataReply, transcript: context.transcript))
        }
        let failure = CurlFailure(code: code, errorBuffer: easy.errorText)
        return .failure(SMTPError(curl: failure, exchange: exchange, transcript: context.transcript))
    }

    /// Shows control characters escaped, so the error message itself stays on one line.
    private static func quoted(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { $0.escaped(asASCII: true) }.joined() + "\""
    }
}

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
    ///
    /// `handOverBy`: the content's end must have left by then, else the transaction is abandoned,
    /// nothing delivered (`.handOverDeadlinePassed`) — for a sender whose right to send the
    /// message lapses (a claim another process takes over).
    public func send(envelopeFrom: String, recipients: [String], message: [UInt8],
                     handOverBy: ContinuousClock.Instant? = nil) async throws(SMTPError) -> SMTPDelivery {
        let envelope = SMTPEnvelope(from: envelopeFrom, to: recipients)
        if let error = envelope.problem { throw error }
        let result = await queue.run { cancellation in
            self.transfer(envelope, message: message, thenStart: { nil }, handOverBy: handOverBy, cancellation: cancellation)
        }
        return try result.get()
    }

    /// Runs `work` on the connection's queue, where it may send any number of messages one after
    /// the other (`SMTPTransactions.send`, which checks addresses exactly as `send` does) without
    /// the two thread hops `send` costs per message: a sender with a batch of messages hands the
    /// whole batch over at once. `work` must not keep the `SMTPTransactions` it is given.
    public func withTransactions<Value: Sendable>(_ work: @escaping @Sendable (SMTPTransactions) -> Value) async -> Value {
        await queue.run { cancellation in
            work(SMTPTransactions(connection: self, cancellation: cancellation))
        }
    }

    /// Runs on `queue`.
    fileprivate func transfer(_ envelope: SMTPEnvelope, message: [UInt8], thenStart next: () -> SMTPEnvelope?,
                              handOverBy: ContinuousClock.Instant?, cancellation: CancellationFlag) -> Result<SMTPDelivery, SMTPError> {
        if let current = session, !current.canCarry(envelope) {
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
        return open.transfer(envelope, message: message, thenStart: next, handOverBy: handOverBy, cancellation: cancellation)
    }
}

/// Mail transactions on a connection, from inside `SMTPConnection.withTransactions` (on the
/// connection's queue): each `send` is the same transaction as `SMTPConnection.send`, without
/// leaving the queue.
public struct SMTPTransactions {
    fileprivate let connection: SMTPConnection
    fileprivate let cancellation: CancellationFlag

    /// As `SMTPConnection.send`: every address is checked before any byte is written; a failed
    /// transaction leaves the connection to be opened again by the next one.
    ///
    /// `next` names the message the caller will send right after this one, if any: when the
    /// server offers PIPELINING it is asked once the server has opened DATA, right before this
    /// message's content leaves, and the envelope it gives is written with the content, in the same
    /// write (RFC 2920 allows the content to be followed by the next transaction's commands). Its
    /// replies then come back with this message's final reply: one round trip a message instead of two.
    /// Only its envelope leaves, never its content; the caller sends it next on this connection,
    /// or drops the connection, which ends the transaction begun on the server with nothing
    /// delivered. Without PIPELINING (or without DATA opened) `next` is not asked. `handOverBy`: as
    /// for `SMTPConnection.send`.
    public func send(envelopeFrom: String, recipients: [String], message: [UInt8], handOverBy: ContinuousClock.Instant? = nil,
                     thenStart next: () -> SMTPEnvelope? = { nil }) -> Result<SMTPDelivery, SMTPError> {
        let envelope = SMTPEnvelope(from: envelopeFrom, to: recipients)
        if let error = envelope.problem { return .failure(error) }
        // A next envelope with a bad address is not written ahead: its own `send` refuses it.
        return connection.transfer(envelope, message: message, thenStart: { next().flatMap { $0.problem == nil ? $0 : nil } },
                                   handOverBy: handOverBy, cancellation: cancellation)
    }
}

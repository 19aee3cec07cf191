import CCurl

/// Reads and updates mailboxes over one IMAP connection that stays open between operations.
///
/// How libcurl is used, and why (libcurl 7.88):
/// - Message bodies are fetched with the URL form `imap://host/INBOX;UIDVALIDITY=v/;UID=n`:
///   libcurl mis-frames the literal of a custom `FETCH`. The URL form sends `BODY[]`, which
///   sets `\Seen`; `removeSeen` puts the message back to unread.
/// - Custom commands are used only for `UID SEARCH`, `UID STORE`, `UID MOVE`, `NOOP`,
///   `EXAMINE`, `STATUS`, `CREATE`. With a mailbox in the URL, libcurl selects it first (read-write) unless it
///   believes it already selected on this connection.
/// - There is no IDLE: poll with `status` or `uidSearch`.
///
/// `@unchecked Sendable`: the only mutable state is the libcurl handle inside `easy`, which
/// is touched only from blocks running on `queue`, a serial queue, after `init` returns.
public final class IMAPClient: @unchecked Sendable {
    public let endpoint: IMAPEndpoint
    private let queue: ConnectionQueue
    private let easy: CurlEasy
    private let log: ProtocolLogSink?

    /// Checks the settings and prepares the handle; the connection opens on first use.
    /// - Parameter log: receives each protocol line, credentials redacted; message bodies are never passed.
    public init(endpoint: IMAPEndpoint, log: ProtocolLogSink? = nil) throws(IMAPError) {
        if let problem = endpoint.server.problem { throw IMAPError(code: .invalidConfiguration, detail: problem) }
        guard let easy = CurlEasy() else { throw IMAPError(code: .resourceUnavailable) }
        self.endpoint = endpoint
        self.easy = easy
        self.log = log
        queue = ConnectionQueue(label: "CurlMail.IMAPClient.\(endpoint.host):\(endpoint.port)")
        if let problem = endpoint.server.configure(easy) { throw IMAPError(code: .invalidConfiguration, detail: problem) }
        CurlTransfer.installCallbacks(on: easy)
    }

    deinit {
        queue.retire(easy)
    }

    // MARK: - Mailbox state

    /// Opens `mailbox` read-only with `EXAMINE` and reports its UIDVALIDITY, UIDNEXT and size.
    ///
    /// Runs on a connection of its own, closed afterwards: libcurl does not know about
    /// selections made by custom commands and would otherwise later send `UID STORE` to a
    /// mailbox it believes selected read-write while the server has it read-only.
    /// `status` gives the same numbers without that cost.
    public func examine(_ mailbox: String) async throws(IMAPError) -> IMAPMailboxStatus {
        try Self.check(mailbox: mailbox)
        let request = Request(url: endpoint.baseURL + "/", command: "EXAMINE " + IMAPMailboxName.quoted(mailbox), isolated: true)
        let outcome = try await run(request)
        guard let status = IMAPMailboxStatus(selectResponses: outcome.exchange.responses) else {
            throw Self.missingData("EXAMINE did not report UIDVALIDITY, UIDNEXT and EXISTS", outcome)
        }
        return status
    }

    /// `STATUS` of `mailbox` (MESSAGES, UIDNEXT, UIDVALIDITY, UNSEEN); selects nothing.
    public func status(_ mailbox: String) async throws(IMAPError) -> IMAPMailboxStatus {
        try Self.check(mailbox: mailbox)
        let command = "STATUS " + IMAPMailboxName.quoted(mailbox) + " (MESSAGES UIDNEXT UIDVALIDITY UNSEEN)"
        let outcome = try await run(Request(url: endpoint.baseURL + "/", command: command))
        guard let status = IMAPMailboxStatus(statusResponses: outcome.exchange.responses) else {
            throw Self.missingData("STATUS did not report MESSAGES, UIDNEXT and UIDVALIDITY", outcome)
        }
        return status
    }

    /// Creates `mailbox` (e.g. "Sent" when the server does not create it on its own).
    public func create(_ mailbox: String) async throws(IMAPError) {
        try Self.check(mailbox: mailbox)
        _ = try await run(Request(url: endpoint.baseURL + "/", command: "CREATE " + IMAPMailboxName.quoted(mailbox)))
    }

    // MARK: - Messages

    /// `UID SEARCH <criteria>` in `mailbox`, e.g. `"UID 42:*"`, `"UNSEEN"`, `"UID 7 UNSEEN"`.
    ///
    /// `n:*` always includes the highest UID in the mailbox, even when it is lower than `n`
    /// (RFC 3501: `*` is the largest UID in use). "UID 42:*" on a mailbox whose last UID is 41
    /// returns [41]: callers looking for new mail keep only UIDs `>= n` themselves.
    ///
    /// - Parameter criteria: IMAP search keys; printable ASCII only (no line breaks, no literals).
    public func uidSearch(_ mailbox: String, criteria: String) async throws(IMAPError) -> [UInt32] {
        try Self.check(mailbox: mailbox)
        guard !criteria.isEmpty, criteria.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else {
            throw IMAPError(code: .invalidArgument, detail: "search criteria must be non-empty printable ASCII")
        }
        let outcome = try await run(Request(url: mailboxURL(mailbox), command: "UID SEARCH " + criteria))
        return IMAPResponseParser.searchResults(in: outcome.exchange.responses)
    }

    /// `NOOP` in `mailbox`, selecting it if needed. A session sees new messages of its selected
    /// mailbox only when the server syncs it between commands: Dovecot runs `UID SEARCH` on the
    /// session's view, so a search without a NOOP first can miss what arrived since the last command.
    public func noop(_ mailbox: String) async throws(IMAPError) {
        try Self.check(mailbox: mailbox)
        _ = try await run(Request(url: mailboxURL(mailbox), command: "NOOP"))
    }

    /// The raw bytes of message `uid` (RFC 5322, as stored). Fails with `.uidValidityChanged`
    /// when the mailbox no longer has `uidValidity`, so a stale UID never fetches another message.
    ///
    /// Sets `\Seen` on the message (libcurl fetches `BODY[]`); call `removeSeen` to undo.
    public func fetch(_ mailbox: String, uidValidity: UInt32, uid: UInt32) async throws(IMAPError) -> [UInt8] {
        try Self.check(mailbox: mailbox)
        let url = mailboxURL(mailbox) + ";UIDVALIDITY=\(uidValidity)/;UID=\(uid)"
        return try await run(Request(url: url), expectedUIDValidity: uidValidity).received
    }

    /// Marks message `uid` as unread again (`UID STORE uid -FLAGS (\Seen)`).
    public func removeSeen(_ mailbox: String, uid: UInt32) async throws(IMAPError) {
        try await storeFlags(mailbox, uid: uid, change: .remove, flags: ["\\Seen"])
    }

    /// `UID STORE uid ±FLAGS (flags)`; a UID that does not exist is silently ignored (as IMAP does).
    /// - Parameter flags: system flags (`\Seen`, `\Flagged`…) or keywords; atoms only.
    public func storeFlags(_ mailbox: String, uid: UInt32, change: IMAPFlagChange, flags: [String]) async throws(IMAPError) {
        try Self.check(mailbox: mailbox)
        for flag in flags where !Self.isFlag(flag) {
            throw IMAPError(code: .invalidArgument, detail: "\"\(flag)\" is not an IMAP flag")
        }
        let command = "UID STORE \(uid) \(change.rawValue) (\(flags.joined(separator: " ")))"
        _ = try await run(Request(url: mailboxURL(mailbox), command: command))
    }

    /// `UID MOVE uid "destination"` (RFC 6851): the message leaves `mailbox` without a
    /// `\Deleted` flag or an `EXPUNGE` that would also remove other messages marked deleted.
    /// A server without MOVE answers BAD (`.commandRefused`); a missing destination gives
    /// `.mailboxNotFound` (`NO [TRYCREATE]`).
    public func move(_ mailbox: String, uid: UInt32, to destination: String) async throws(IMAPError) {
        try Self.check(mailbox: mailbox)
        try Self.check(mailbox: destination)
        let command = "UID MOVE \(uid) " + IMAPMailboxName.quoted(destination)
        _ = try await run(Request(url: mailboxURL(mailbox), command: command))
    }

    /// Appends `message` (RFC 5322 with CR LF line ends) to `mailbox`, e.g. a copy in "Sent".
    /// libcurl marks it `\Seen`. Returns where it went when the server supports UIDPLUS.
    @discardableResult
    public func append(_ mailbox: String, message: [UInt8]) async throws(IMAPError) -> IMAPAppendResult? {
        try Self.check(mailbox: mailbox)
        let outcome = try await run(Request(url: mailboxURL(mailbox), upload: message))
        return outcome.exchange.appendUID.map { IMAPAppendResult(uidValidity: $0.uidValidity, uid: $0.uid) }
    }

    // MARK: - Transfers

    private struct Request: Sendable {
        var url: String
        /// A custom command (CURLOPT_CUSTOMREQUEST); nil for the URL's own operation.
        var command: String?
        /// Bytes to APPEND; nil when not uploading.
        var upload: [UInt8]?
        /// On a fresh connection closed afterwards.
        var isolated = false

        init(url: String, command: String? = nil, upload: [UInt8]? = nil, isolated: Bool = false) {
            self.url = url
            self.command = command
            self.upload = upload
            self.isolated = isolated
        }
    }

    private struct Outcome: Sendable {
        let received: [UInt8]
        let exchange: IMAPExchange
        let transcript: [ProtocolLine]
    }

    private func run(_ request: Request, expectedUIDValidity: UInt32? = nil) async throws(IMAPError) -> Outcome {
        let result = await queue.run { cancellation in
            self.transfer(request, expectedUIDValidity: expectedUIDValidity, cancellation: cancellation)
        }
        return try result.get()
    }

    /// Runs on `queue`. Every option a previous request may have set is set again.
    private func transfer(
        _ request: Request, expectedUIDValidity: UInt32?, cancellation: CancellationFlag
    ) -> Result<Outcome, IMAPError> {
        easy.set(CURLOPT_URL, request.url)
        easy.set(CURLOPT_CUSTOMREQUEST, request.command)
        easy.set(CURLOPT_UPLOAD, request.upload != nil)
        easy.setSize(CURLOPT_INFILESIZE_LARGE, request.upload.map { Int64($0.count) } ?? -1)
        easy.set(CURLOPT_FRESH_CONNECT, request.isolated)
        easy.set(CURLOPT_FORBID_REUSE, request.isolated)
        let context = TransferContext(upload: request.upload ?? [], sink: log, cancellation: cancellation)
        let code = CurlTransfer.perform(easy, context: context)
        let exchange = IMAPExchange(transcript: context.transcript)
        guard code == CURLE_OK else {
            let failure = CurlFailure(code: code, errorBuffer: easy.errorText)
            return .failure(IMAPError(
                curl: failure, exchange: exchange, transcript: context.transcript, expectedUIDValidity: expectedUIDValidity))
        }
        return .success(Outcome(received: context.received, exchange: exchange, transcript: context.transcript))
    }

    private func mailboxURL(_ mailbox: String) -> String {
        endpoint.baseURL + "/" + IMAPMailboxName.urlSegment(mailbox)
    }

    private static func check(mailbox: String) throws(IMAPError) {
        if let problem = IMAPMailboxName.problem(in: mailbox) {
            throw IMAPError(code: .invalidArgument, detail: problem.description)
        }
    }

    /// An atom, optionally preceded by a backslash: no spaces, brackets, quotes or wildcards.
    static func isFlag(_ flag: String) -> Bool {
        let body = flag.hasPrefix("\\") ? flag.dropFirst() : Substring(flag)
        let forbidden = Set("(){ %*\"\\]".unicodeScalars)
        return !body.isEmpty && body.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && !forbidden.contains($0) }
    }

    private static func missingData(_ detail: String, _ outcome: Outcome) -> IMAPError {
        IMAPError(code: .protocolError, detail: detail, transcript: outcome.transcript)
    }
}

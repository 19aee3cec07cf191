import CCurl

/// Reads a mailbox without changing anything in it: the folder is opened with `EXAMINE`
/// (read-only: the server refuses any flag change on this connection), messages are fetched
/// with `BODY.PEEK[]` (which never sets `\Seen`), many per `UID FETCH`.
///
/// Why not `IMAPClient`: libcurl 7.88 fetches a message only with its URL form, which sends
/// `BODY[]` (marking it read), one message per command, and mis-frames the literals of a custom
/// `FETCH`. Here libcurl opens, secures and logs in the connection (`CURLOPT_CONNECT_ONLY`:
/// same TLS verification, CA file and credentials, XOAUTH2 included), and the commands after
/// that are ours, framed by `IMAPResponseFramer` with every size bounded.
///
/// `@unchecked Sendable`: the connection is touched only from blocks on `queue`, a serial queue.
public final class IMAPReader: @unchecked Sendable {
    public let endpoint: IMAPEndpoint
    /// The largest message kept whole; a longer one comes back cut to this size (and says so).
    public let maximumMessageBytes: Int
    private let queue: ConnectionQueue
    private let log: ProtocolLogSink?
    private var connection: IMAPReaderConnection?

    /// Checks the settings; the connection opens on first use and is kept between calls.
    /// - Parameter log: receives each protocol line, credentials redacted; message bodies never
    ///   (a literal shows as `{size}`).
    public init(endpoint: IMAPEndpoint, maximumMessageBytes: Int = 25 << 20, log: ProtocolLogSink? = nil) throws(IMAPError) {
        if let problem = endpoint.server.problem { throw IMAPError(code: .invalidConfiguration, detail: problem) }
        guard maximumMessageBytes > 0 else { throw IMAPError(code: .invalidArgument, detail: "the maximum message size must be positive") }
        self.endpoint = endpoint
        self.maximumMessageBytes = maximumMessageBytes
        self.log = log
        queue = ConnectionQueue(label: "CurlMail.IMAPReader.\(endpoint.host):\(endpoint.port)")
    }

    deinit {
        if let connection { queue.submit { connection.close() } }
    }

    /// Opens `mailbox` read-only with `EXAMINE`, which also brings the connection's view up to
    /// date (new messages are seen from here on).
    public func examine(_ mailbox: String) async throws(IMAPError) -> IMAPMailboxStatus {
        try Self.check(mailbox: mailbox)
        return try await run { connection throws(IMAPError) in try connection.examine(mailbox) }
    }

    /// `UID SEARCH criteria` in `mailbox`, which must still have `uidValidity`.
    /// - Parameter criteria: IMAP search keys; printable ASCII only (no line breaks, no literals).
    public func search(_ mailbox: String, uidValidity: UInt32, criteria: String) async throws(IMAPError) -> [UInt32] {
        try Self.check(mailbox: mailbox)
        guard !criteria.isEmpty, criteria.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else {
            throw IMAPError(code: .invalidArgument, detail: "search criteria must be non-empty printable ASCII")
        }
        return try await run { connection throws(IMAPError) in
            try connection.select(mailbox, uidValidity: uidValidity)
            var found: [UInt32] = []
            try connection.command("UID SEARCH " + criteria) { response throws(IMAPError) in
                guard response.isSingleLine else { return }
                if case .search(let uids) = IMAPResponseParser.parse(line: response.summary) { found += uids }
            }
            return found.sorted()
        }
    }

    /// UID and size of every message with a UID from `first` on, in one command (`UID FETCH first:*`).
    public func sizes(_ mailbox: String, uidValidity: UInt32, from first: UInt32) async throws(IMAPError) -> [IMAPMessageSize] {
        try Self.check(mailbox: mailbox)
        let first = max(first, 1)
        return try await run { connection throws(IMAPError) in
            try connection.select(mailbox, uidValidity: uidValidity)
            // `first:*` also answers the highest UID when it is below `first` (RFC 3501): not asked for.
            return try connection.sizes(of: "\(first):*").filter { $0.uid >= first }
        }
    }

    /// UID and size of each of `uids` that still exists.
    public func sizes(_ mailbox: String, uidValidity: UInt32, of uids: [UInt32]) async throws(IMAPError) -> [IMAPMessageSize] {
        try Self.check(mailbox: mailbox)
        guard !uids.isEmpty else { return [] }
        return try await run { connection throws(IMAPError) in
            try connection.select(mailbox, uidValidity: uidValidity)
            let wanted = Set(uids)
            var result: [IMAPMessageSize] = []
            for piece in IMAPSequenceSet.pieces(uids) {
                result += try connection.sizes(of: piece).filter { wanted.contains($0.uid) }
            }
            return result
        }
    }

    /// The messages `uids` of `mailbox` (UIDs expunged meanwhile are simply absent), in UID
    /// order, read with `BODY.PEEK[]`: no flag changes. A message larger than
    /// `maximumMessageBytes` comes back cut to that size (`isTruncated`), asked for as a partial
    /// fetch (`BODY.PEEK[]<0.n>`) so that the rest does not even cross the network.
    /// Callers keep a batch to what they can hold in memory.
    public func messages(_ mailbox: String, uidValidity: UInt32, uids: [UInt32]) async throws(IMAPError) -> [IMAPFetchedMessage] {
        try Self.check(mailbox: mailbox)
        guard !uids.isEmpty else { return [] }
        let limit = maximumMessageBytes
        return try await run { connection throws(IMAPError) in
            try connection.select(mailbox, uidValidity: uidValidity)
            var wanted = Set(uids)
            var found: [UInt32: IMAPFetchedMessage] = [:]
            for piece in IMAPSequenceSet.pieces(uids) {
                // RFC822.SIZE beside the body: a partial answer can then be told from a whole one.
                let command = "UID FETCH \(piece) (UID FLAGS RFC822.SIZE BODY.PEEK[]<0.\(limit)>)"
                try connection.command(command) { response throws(IMAPError) in
                    guard let fetch = try Self.fetchResponse(response), let uid = fetch.uid, let body = fetch.body,
                          wanted.remove(uid) != nil
                    else { return }  // unsolicited flag updates, UIDs we did not ask for, repeats
                    found[uid] = IMAPFetchedMessage(uid: uid, flags: fetch.flags ?? [],
                                                    size: max(fetch.size ?? 0, fetch.bodyDeclaredSize ?? 0, body.count), bytes: body)
                }
            }
            return found.keys.sorted().compactMap { found[$0] }
        }
    }

    /// Ends the session with `LOGOUT` now rather than when the reader is released.
    public func close() async {
        await queue.run { _ in
            self.connection?.close()
            self.connection = nil
        }
    }

    // MARK: -

    private func run<T: Sendable>(_ operation: @escaping @Sendable (IMAPReaderConnection) throws(IMAPError) -> T) async throws(IMAPError) -> T {
        let result: Result<T, IMAPError> = await queue.run { cancellation in
            let connection: IMAPReaderConnection
            do throws(IMAPError) {
                connection = try self.connectedSession()
            } catch {
                return .failure(error)
            }
            connection.cancellation = cancellation
            defer { connection.cancellation = nil }
            do throws(IMAPError) {
                return .success(try operation(connection))
            } catch {
                // A refused command leaves the session usable; anything else ends it.
                if connection.isBroken {
                    connection.close()
                    self.connection = nil
                }
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Runs on `queue`.
    private func connectedSession() throws(IMAPError) -> IMAPReaderConnection {
        if let connection { return connection }
        let opened = try IMAPReaderConnection.open(endpoint: endpoint, maximumMessageBytes: maximumMessageBytes, log: log)
        connection = opened
        return opened
    }

    static func fetchResponse(_ response: IMAPFramedResponse) throws(IMAPError) -> IMAPFetchResponse? {
        do {
            return try IMAPFetchResponse(response)
        } catch {
            throw IMAPError(code: .protocolError, detail: error.description, transcript: [ProtocolLine(direction: .server, text: response.summary)])
        }
    }

    private static func check(mailbox: String) throws(IMAPError) {
        if let problem = IMAPMailboxName.problem(in: mailbox) {
            throw IMAPError(code: .invalidArgument, detail: problem.description)
        }
    }
}

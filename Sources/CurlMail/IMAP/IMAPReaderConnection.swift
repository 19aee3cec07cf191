import CCurl

/// One logged-in IMAP session of an `IMAPReader`: tagged commands written by us, responses cut
/// by `IMAPResponseFramer`, every wait bounded by the endpoint's timeouts.
///
/// `@unchecked Sendable`: only ever used from the reader's serial queue (it crosses into the
/// reader's `deinit` to be closed there, on that same queue).
final class IMAPReaderConnection: @unchecked Sendable {
    private let stream: CurlStream
    private let timeouts: MailTimeouts
    private let log: ProtocolLogSink?
    private var framer: IMAPResponseFramer
    private var redactor = ProtocolRedactor()
    private var nextTag = 1
    private var receiveBuffer: UnsafeMutableRawBufferPointer
    /// The last lines of the current command, for an error report (bodies never).
    private var transcript: [ProtocolLine] = []
    /// The folder opened by the last EXAMINE, and its numbers.
    private var examined: (mailbox: String, status: IMAPMailboxStatus)?
    /// Set by the reader for the duration of one operation.
    var cancellation: CancellationFlag?
    /// True once the stream can no longer be trusted (timeout, lost connection, bad framing).
    private(set) var isBroken = false
    private var isClosed = false

    private init(stream: CurlStream, timeouts: MailTimeouts, limits: IMAPResponseFramer.Limits, log: ProtocolLogSink?) {
        self.stream = stream
        self.timeouts = timeouts
        self.log = log
        framer = IMAPResponseFramer(limits: limits)
        receiveBuffer = .allocate(byteCount: 256 << 10, alignment: 16)
    }

    deinit {
        close()
        receiveBuffer.deallocate()
    }

    /// Connects, upgrades to TLS and logs in, all by libcurl; the transcript shows it, redacted.
    static func open(endpoint: IMAPEndpoint, maximumMessageBytes: Int, log: ProtocolLogSink?) throws(IMAPError) -> IMAPReaderConnection {
        guard let easy = CurlEasy() else { throw IMAPError(code: .resourceUnavailable) }
        if let problem = endpoint.server.configure(easy) { throw IMAPError(code: .invalidConfiguration, detail: problem) }
        CurlTransfer.installCallbacks(on: easy)
        let stream = CurlStream(easy: easy)
        let context = TransferContext(sink: log, cancellation: nil)
        let code = stream.open(url: endpoint.baseURL + "/", context: context)
        guard code == CURLE_OK else {
            throw IMAPError(curl: CurlFailure(code: code, errorBuffer: easy.errorText),
                            exchange: IMAPExchange(transcript: context.transcript), transcript: context.transcript)
        }
        let limits = IMAPResponseFramer.Limits(maximumLiteralBytes: maximumMessageBytes)
        return IMAPReaderConnection(stream: stream, timeouts: endpoint.timeouts, limits: limits, log: log)
    }

    /// Says LOGOUT when the session is sound, then lets libcurl free the connection.
    func close() {
        guard !isClosed else { return }
        if !isBroken {
            // A short wait: a server that does not answer LOGOUT promptly is simply left.
            try? command("LOGOUT", deadline: .now + .seconds(2)) { _ throws(IMAPError) in }
        }
        isClosed = true
        stream.shutDown()
        stream.easy.close()
    }

    /// `EXAMINE mailbox`: read-only, and a fresh view of what the folder holds.
    func examine(_ mailbox: String) throws(IMAPError) -> IMAPMailboxStatus {
        examined = nil
        var responses: [IMAPResponse] = []
        do {
            try command("EXAMINE " + IMAPMailboxName.quoted(mailbox)) { response throws(IMAPError) in
                if response.isSingleLine { responses.append(IMAPResponseParser.parse(line: response.summary)) }
            }
        } catch let error where error.code == .commandRefused {
            // A NO to EXAMINE means "no such mailbox" (RFC 3501 6.3.2).
            throw IMAPError(code: .mailboxNotFound, detail: mailbox, serverResponse: error.serverResponse, transcript: error.transcript)
        }
        guard let status = IMAPMailboxStatus(selectResponses: responses) else {
            throw IMAPError(code: .protocolError, detail: "EXAMINE did not report UIDVALIDITY, UIDNEXT and EXISTS", transcript: transcript)
        }
        examined = (mailbox, status)
        return status
    }

    /// Makes sure `mailbox` is the examined folder and still has `uidValidity`, so that a stale
    /// UID can never name another message.
    func select(_ mailbox: String, uidValidity: UInt32) throws(IMAPError) {
        let status = examined?.mailbox == mailbox ? examined!.status : try examine(mailbox)
        guard status.uidValidity == uidValidity else {
            throw IMAPError(code: .uidValidityChanged, detail: "\(mailbox) has UIDVALIDITY \(status.uidValidity), not \(uidValidity)")
        }
    }

    /// `UID FETCH set (UID RFC822.SIZE)`.
    func sizes(of set: String) throws(IMAPError) -> [IMAPMessageSize] {
        var sizes: [UInt32: Int] = [:]
        try command("UID FETCH \(set) (UID RFC822.SIZE)") { response throws(IMAPError) in
            guard let fetch = try IMAPReader.fetchResponse(response), let uid = fetch.uid, let size = fetch.size else { return }
            sizes[uid] = size
        }
        return sizes.keys.sorted().map { IMAPMessageSize(uid: $0, size: sizes[$0]!) }
    }

    /// Sends `text` with a fresh tag and hands every untagged response to `onResponse` until
    /// the tagged completion, which must be OK (NO and BAD throw `.commandRefused`).
    func command(_ text: String, deadline: ContinuousClock.Instant? = nil,
                 onResponse: (IMAPFramedResponse) throws(IMAPError) -> Void) throws(IMAPError) {
        guard !isBroken, !isClosed else { throw IMAPError(code: .connectionLost, detail: "the session was closed") }
        let tag = "R\(nextTag)"
        nextTag += 1
        transcript = []
        let line = tag + " " + text
        record(ProtocolLine(direction: .client, text: line))
        // An idle server may take `operation` to answer; one that keeps talking gets ten times that in all.
        let total = deadline ?? .now + timeouts.operation * 10
        do {
            try stream.send(Array((line + "\r\n").utf8), deadline: min(total, .now + timeouts.operation), cancellation: cancellation)
            while true {
                guard let response = try nextResponse(until: min(total, .now + timeouts.operation)) else { continue }
                record(ProtocolLine(direction: .server, text: String(response.summary.prefix(500))))
                let responseTag = response.tag
                if responseTag == tag {
                    let condition = IMAPResponseParser.condition(Substring(response.summary.dropFirst(tag.count + 1)))
                    guard let condition else {
                        isBroken = true
                        throw IMAPError(code: .protocolError, detail: "the completion of \(tag) could not be read", transcript: transcript)
                    }
                    guard condition.status == .ok else {
                        throw IMAPError(code: .commandRefused, serverResponse: condition, transcript: transcript)
                    }
                    return
                }
                if responseTag == "*", case .untaggedCondition(let condition) = IMAPResponseParser.parse(line: response.summary.prefix(1000)),
                   condition.status == .bye {
                    isBroken = true
                    throw IMAPError(code: .connectionLost, serverResponse: condition, transcript: transcript)
                }
                if responseTag == "+" {
                    isBroken = true
                    throw IMAPError(code: .protocolError, detail: "the server asked for a continuation nobody sent", transcript: transcript)
                }
                // Other tags (a late answer to an abandoned command) are not ours to read.
                if responseTag == "*" { try onResponse(response) }
            }
        } catch let failure as CurlStream.Failure {
            isBroken = true
            throw error(for: failure)
        } catch let failure as IMAPResponseFramer.Failure {
            isBroken = true
            throw IMAPError(code: .protocolError, detail: failure.description, transcript: transcript)
        } catch let error as IMAPError {
            if error.code == .protocolError { isBroken = true }
            throw error
        } catch {
            isBroken = true
            throw IMAPError(code: .protocolError, detail: "\(error)", transcript: transcript)
        }
    }

    /// The next framed response, reading from the stream when the framer needs more; nil
    /// never escapes the loop in `command` (it only means "read again").
    private func nextResponse(until deadline: ContinuousClock.Instant) throws -> IMAPFramedResponse? {
        if let response = try framer.next() { return response }
        let count = try stream.receive(into: receiveBuffer, deadline: deadline, cancellation: cancellation)
        framer.append(UnsafeRawBufferPointer(rebasing: receiveBuffer[0..<count]))
        return try framer.next()
    }

    private func record(_ line: ProtocolLine) {
        let redacted = redactor.redact(line)
        if transcript.count >= 50 { transcript.removeFirst(25) }
        transcript.append(redacted)
        log?(redacted)
    }

    private func error(for failure: CurlStream.Failure) -> IMAPError {
        switch failure {
        case .timeout: IMAPError(code: .timeout, transcript: transcript)
        case .cancelled: IMAPError(code: .cancelled, transcript: transcript)
        case .closed: IMAPError(code: .connectionLost, detail: "the server closed the connection", transcript: transcript)
        case .curl(let code):
            IMAPError(code: .connectionLost, curlCode: Int(code.rawValue),
                      curlMessage: String(cString: curl_easy_strerror(code)), transcript: transcript)
        }
    }
}

import CCurl
import Glibc

/// One SMTP connection on which we speak the mail transactions ourselves, with PIPELINING
/// (RFC 2920) when the server offers it: `MAIL FROM`, every `RCPT TO` and `DATA` leave in one
/// write, the content and its final dot in a second, followed at once by the next message's
/// `MAIL FROM`, `RCPT TO` and `DATA` when the caller says which comes next (`SMTPTransactions`).
/// One round trip a message in a run, instead of the three-plus-recipients libcurl waits for (it
/// does not pipeline SMTP).
///
/// libcurl stays the transport: it connects, says EHLO, upgrades with STARTTLS (or starts in
/// TLS) with the certificate verified, and authenticates (`CURLOPT_CONNECT_ONLY`), exactly as
/// for every other transfer; `CurlStream` then carries our bytes. Addresses are checked by the
/// caller (`SMTPConnection.send`) before any byte is written.
///
/// The transcript pairs each command with its reply, in the order sent, so `SMTPExchange` and
/// the protocol log read it as they read libcurl's.
///
/// `@unchecked Sendable`: used only from its connection's serial queue (it crosses into the
/// connection's `deinit` to be closed there, on that same queue).
final class SMTPSession: @unchecked Sendable {
    private let stream: CurlStream
    private let timeouts: MailTimeouts
    private let log: ProtocolLogSink?
    /// Whether the server's last EHLO reply listed PIPELINING.
    let pipelining: Bool
    /// The exchange of the connection's opening (greeting, EHLO, STARTTLS, AUTH; redacted): an
    /// error carries it, since what the server offered explains many refusals.
    private let opening: [ProtocolLine]
    private var reader = SMTPLineReader()
    private let receiveBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 << 10, alignment: 16)
    /// True once the stream can no longer be trusted: a transport failure, a transaction cut short.
    private(set) var isBroken = false
    /// The envelope written behind the last content, whose replies are still to be read (see `transfer`).
    private var envelopeAhead: SMTPEnvelope?
    private var isClosed = false

    private init(stream: CurlStream, timeouts: MailTimeouts, log: ProtocolLogSink?, opening: [ProtocolLine]) {
        self.stream = stream
        self.opening = opening
        pipelining = Self.offersPipelining(opening)
        self.timeouts = timeouts
        self.log = log
    }

    deinit {
        close()
        receiveBuffer.deallocate()
    }

    /// Connects, secures and authenticates through libcurl; the transcript of that part, redacted,
    /// goes to `log` and, on failure, into the error.
    static func open(endpoint: SMTPEndpoint, log: ProtocolLogSink?, cancellation: CancellationFlag) throws(SMTPError) -> SMTPSession {
        guard let easy = CurlEasy() else { throw SMTPError(code: .resourceUnavailable) }
        if let problem = endpoint.server.configure(easy) { throw SMTPError(code: .invalidConfiguration, detail: problem) }
        CurlTransfer.installCallbacks(on: easy)
        let stream = CurlStream(easy: easy)
        let context = TransferContext(sink: log, cancellation: cancellation)
        let code = stream.open(url: endpoint.url, context: context)
        guard code == CURLE_OK else {
            throw SMTPError(curl: CurlFailure(code: code, errorBuffer: easy.errorText),
                            exchange: SMTPExchange(transcript: context.transcript), transcript: context.transcript)
        }
        return SMTPSession(stream: stream, timeouts: endpoint.timeouts, log: log, opening: context.transcript)
    }

    /// The keywords of the last EHLO reply (after STARTTLS the server says EHLO again, and only
    /// that second list counts).
    static func offersPipelining(_ transcript: [ProtocolLine]) -> Bool {
        var parser = SMTPReplyParser()
        var lastEHLO: SMTPReply?
        var afterEHLO = false
        for line in transcript {
            switch line.direction {
            case .client:
                afterEHLO = line.text.uppercased().hasPrefix("EHLO ")
            case .server:
                if let reply = parser.consume(line.text), afterEHLO {
                    lastEHLO = reply
                    afterEHLO = false
                }
            }
        }
        guard let lastEHLO, lastEHLO.isPositive else { return false }
        return lastEHLO.lines.dropFirst().contains { $0.split(separator: " ").first?.uppercased() == "PIPELINING" }
    }

    /// Whether this session can carry `envelope` next: it is sound, and either the envelope was
    /// written ahead (behind the previous content, see `transfer`) or nothing was, and the server
    /// has neither closed the connection nor said something unasked (a `421` before hanging up)
    /// while it was idle.
    func canCarry(_ envelope: SMTPEnvelope) -> Bool {
        if isBroken || isClosed { return false }
        if let ahead = envelopeAhead { return ahead == envelope }
        return !stream.hasPendingInputOrHangUp
    }

    /// One mail transaction. Succeeds when the server accepted the content for at least one
    /// recipient; the transcript holds every reply, refusals included.
    ///
    /// With PIPELINING, `next` is asked once the server has opened DATA, right before the content
    /// leaves; the envelope it gives is written in the same write as the content, and its replies
    /// are read by the next call (which must be for that envelope): a message then costs one round
    /// trip. Without, `next` is not asked.
    ///
    /// `handOverBy`: no byte of the content is written after it (checked before each write of the
    /// content, whose last one carries the end-of-data dot); the transaction is then abandoned
    /// with `.handOverDeadlinePassed`, nothing delivered.
    func transfer(_ envelope: SMTPEnvelope, message: [UInt8], thenStart next: () -> SMTPEnvelope?,
                  handOverBy: ContinuousClock.Instant? = nil, cancellation: CancellationFlag) -> Result<SMTPDelivery, SMTPError> {
        var transcript: [ProtocolLine] = []
        let commands = envelope.commands
        do throws(CurlStream.Failure) {
            var replies: [SMTPReply] = []
            if pipelining {
                if envelopeAhead == envelope {
                    envelopeAhead = nil  // already on the wire, behind the previous content
                } else {
                    try write(envelope.pipelinedGroup, cancellation: cancellation)
                }
                for command in commands {
                    note(command, .client, into: &transcript)
                    replies.append(try readReply(into: &transcript, cancellation: cancellation))
                }
            } else {
                for command in commands {
                    try write(Array((command + "\r\n").utf8), cancellation: cancellation)
                    note(command, .client, into: &transcript)
                    let reply = try readReply(into: &transcript, cancellation: cancellation)
                    replies.append(reply)
                    // Without pipelining a refused sender ends the transaction at once.
                    if command == commands[0], !reply.isPositive { break }
                }
            }
            if let data = replies.last, replies.count == commands.count, data.code == 354 {
                let anyAccepted = replies.dropFirst().dropLast().contains(where: \.isPositive)
                // A server that opens DATA with no recipient accepted gets an empty message,
                // which ends the transaction without delivering anything.
                var block = anyAccepted ? Self.dataBlock(message) : Array(".\r\n".utf8)
                // RFC 2920: the content may be followed by the next transaction's commands. In the
                // same write: written apart, the server answers the content before it sees them,
                // and the round trip saved is lost again (measured with Postfix's smtp-sink).
                if let handOverBy, ContinuousClock.now >= handOverBy {
                    isBroken = true  // DATA is open: the connection is dropped, which ends the transaction empty
                    return .failure(Self.handOverDeadlinePassed(opening + transcript))
                }
                if pipelining, let ahead = next() {
                    block.append(contentsOf: ahead.pipelinedGroup)
                    envelopeAhead = ahead
                }
                do throws(CurlStream.Failure) {
                    try write(block, before: handOverBy, cancellation: cancellation)
                } catch .timeout where handOverBy.map({ ContinuousClock.now >= $0 }) ?? false {
                    isBroken = true
                    return .failure(Self.handOverDeadlinePassed(opening + transcript))
                }
                // The content is not part of the transcript (nor is its dot, as with libcurl).
                _ = try readReply(into: &transcript, cancellation: cancellation)
            } else if replies.count == commands.count, replies.last?.isPositive == true {
                isBroken = true  // a DATA answered neither 354 nor a refusal: out of step
            }
        } catch {
            isBroken = true
            let exchange = SMTPExchange(transcript: transcript)
            return .failure(SMTPError(curl: CurlFailure(code: Self.curlCode(error), errorBuffer: Self.text(error)),
                                      exchange: exchange, transcript: opening + transcript))
        }
        let exchange = SMTPExchange(transcript: transcript)
        if let dataReply = exchange.dataReply, dataReply.isPositive, exchange.recipients.contains(where: \.isAccepted) {
            return .success(SMTPDelivery(recipients: exchange.recipients, dataReply: dataReply, transcript: transcript))
        }
        // A refusal ends the transaction on the server's side; the caller drops the connection anyway.
        return .failure(SMTPError(curl: CurlFailure(code: CURLE_SEND_ERROR, errorBuffer: "the server refused the message (see its reply)"),
                                  exchange: exchange, transcript: opening + transcript))
    }

    /// Says QUIT when the session is sound (bounded wait), then frees the connection.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        // With an envelope written ahead, the server waits for its content: the connection is
        // dropped without QUIT, which ends that transaction with nothing delivered.
        if !isBroken && envelopeAhead == nil {
            var ignored: [ProtocolLine] = []
            let flag = CancellationFlag()
            if (try? write(Array("QUIT\r\n".utf8), cancellation: flag)) != nil {
                note("QUIT", .client, into: &ignored)
                _ = try? readReply(into: &ignored, cancellation: flag, within: .seconds(2))
            }
        }
        // libcurl must not say QUIT again and wait for an answer that will not come.
        stream.shutDown()
        stream.easy.close()
    }

    // MARK: - Wire

    /// The content with every line that starts with a dot doubled (RFC 5321 4.5.2), a final
    /// line break if missing, and the end-of-data dot. Copied in runs between such lines (a
    /// reminder has none or few), not byte by byte: this runs once per message sent.
    static func dataBlock(_ message: [UInt8]) -> [UInt8] {
        var block: [UInt8] = []
        block.reserveCapacity(message.count + 8)
        message.withUnsafeBufferPointer { bytes in
            var runStart = 0
            var lineStart = 0
            while lineStart < bytes.count {
                if bytes[lineStart] == UInt8(ascii: ".") {
                    block.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<lineStart]))
                    block.append(UInt8(ascii: "."))
                    runStart = lineStart
                }
                guard let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { break }
                lineStart = lineEnd + 1
            }
            block.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        if let last = message.last, last != UInt8(ascii: "\n") { block.append(contentsOf: [13, 10]) }
        block.append(contentsOf: [UInt8(ascii: "."), 13, 10])
        return block
    }

    private func write(_ bytes: [UInt8], before limit: ContinuousClock.Instant? = nil,
                       cancellation: CancellationFlag) throws(CurlStream.Failure) {
        let deadline = ContinuousClock.now + timeouts.operation
        try stream.send(bytes, deadline: limit.map { min($0, deadline) } ?? deadline, cancellation: cancellation)
    }

    private static func handOverDeadlinePassed(_ transcript: [ProtocolLine]) -> SMTPError {
        SMTPError(code: .handOverDeadlinePassed, transcript: transcript)
    }

    /// Reads one complete reply (all its lines), each line recorded in the transcript.
    private func readReply(into transcript: inout [ProtocolLine], cancellation: CancellationFlag,
                           within limit: Duration? = nil) throws(CurlStream.Failure) -> SMTPReply {
        var parser = SMTPReplyParser()
        let deadline = ContinuousClock.now + (limit ?? timeouts.operation)
        var lines = 0
        while true {
            while let line = try reader.nextLine() {
                note(line, .server, into: &transcript)
                lines += 1
                if let reply = parser.consume(line) { return reply }
                // A reply of hundreds of lines is not SMTP.
                if lines > SMTPLineReader.maximumLinesPerReply { throw .curl(CURLE_WEIRD_SERVER_REPLY) }
            }
            let count = try stream.receive(into: receiveBuffer, deadline: deadline, cancellation: cancellation)
            reader.append(UnsafeRawBufferPointer(rebasing: receiveBuffer[0..<count]))
        }
    }

    private func note(_ text: String, _ direction: ProtocolLine.Direction, into transcript: inout [ProtocolLine]) {
        let line = ProtocolLine(direction: direction, text: text)
        transcript.append(line)
        log?(line)
    }

    private static func curlCode(_ failure: CurlStream.Failure) -> CURLcode {
        switch failure {
        case .timeout: CURLE_OPERATION_TIMEDOUT
        case .cancelled: CURLE_ABORTED_BY_CALLBACK
        case .closed: CURLE_RECV_ERROR
        case .curl(let code): code
        }
    }

    private static func text(_ failure: CurlStream.Failure) -> String {
        switch failure {
        case .timeout: "the server did not answer in time"
        case .cancelled: "cancelled"
        case .closed: "the server closed the connection"
        case .curl(let code): String(cString: curl_easy_strerror(code))
        }
    }
}

/// Cuts received bytes into lines (CR LF, or a bare LF), each bounded in length.
struct SMTPLineReader {
    /// RFC 5321 4.5.3.1.5 allows 512 octets for a reply line; servers write longer ones.
    static let maximumLineBytes = 8_192
    static let maximumLinesPerReply = 200
    private var pending: [UInt8] = []
    private var start = 0

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if start > 0 && start == pending.count {
            pending.removeAll(keepingCapacity: true)
            start = 0
        }
        pending.append(contentsOf: bytes)
    }

    /// The next complete line without its line break, or nil when more bytes are needed.
    mutating func nextLine() throws(CurlStream.Failure) -> String? {
        guard let end = pending[start...].firstIndex(of: UInt8(ascii: "\n")) else {
            if pending.count - start > Self.maximumLineBytes { throw .curl(CURLE_WEIRD_SERVER_REPLY) }
            return nil
        }
        var lineEnd = end
        if lineEnd > start && pending[lineEnd - 1] == 13 { lineEnd -= 1 }
        let line = String(decoding: pending[start..<lineEnd], as: UTF8.self)
        start = end + 1
        return line
    }
}

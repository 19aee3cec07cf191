import CCurl
import Glibc

/// A connection that libcurl opens, secures and logs in (`CURLOPT_CONNECT_ONLY`: for IMAP
/// that is the greeting, CAPABILITY, STARTTLS with the certificate verified, then LOGIN or
/// AUTHENTICATE, XOAUTH2 included), after which we speak the protocol ourselves with
/// `curl_easy_send` and `curl_easy_recv`. libcurl stays the transport: TLS, verification, CA
/// file and credentials are exactly those of every other transfer.
///
/// Blocking calls with deadlines, meant for a connection's serial queue (`ConnectionQueue`).
/// Not thread-safe, like the `CurlEasy` it drives.
final class CurlStream {
    enum Failure: Error, Sendable {
        /// The deadline passed, or nothing arrived for the idle limit.
        case timeout
        case cancelled
        /// The server closed the connection.
        case closed
        case curl(CURLcode)
    }

    let easy: CurlEasy
    private var socket: curl_socket_t = -1

    init(easy: CurlEasy) {
        self.easy = easy
    }

    /// Connects and logs in; the transcript of that part (credentials redacted) goes to `context`.
    func open(url: String, context: TransferContext) -> CURLcode {
        easy.set(CURLOPT_URL, url)
        easy.set(CURLOPT_CONNECT_ONLY, 1)
        let code = CurlTransfer.perform(easy, context: context)
        guard code == CURLE_OK else { return code }
        var active: curl_socket_t = -1
        let info = relance_curl_getinfo_socket(easy.handle, &active)
        guard info == CURLE_OK, active >= 0 else { return info == CURLE_OK ? CURLE_FAILED_INIT : info }
        socket = active
        return CURLE_OK
    }

    /// Writes every byte before `deadline`, which is checked before each write: a process that
    /// was stopped (SIGSTOP) or starved in the middle does not finish the write when it wakes late.
    func send(_ bytes: [UInt8], deadline: ContinuousClock.Instant, cancellation: CancellationFlag?) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            if ContinuousClock.now >= deadline { throw .timeout }
            var sent = 0
            let code = bytes.withUnsafeBytes { buffer in
                curl_easy_send(easy.handle, buffer.baseAddress! + offset, buffer.count - offset, &sent)
            }
            switch code {
            case CURLE_OK: offset += sent
            case CURLE_AGAIN: try wait(for: Int16(POLLOUT), until: deadline, cancellation: cancellation)
            default: throw .curl(code)
            }
        }
    }

    /// Reads what is available into `buffer`, waiting for at least one byte until `deadline`.
    /// TLS may hold decrypted bytes the socket no longer shows, so libcurl is asked first and
    /// the socket is watched only when it has nothing.
    func receive(into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant,
                 cancellation: CancellationFlag?) throws(Failure) -> Int {
        while true {
            var received = 0
            let code = curl_easy_recv(easy.handle, buffer.baseAddress, buffer.count, &received)
            switch code {
            case CURLE_OK:
                guard received > 0 else { throw .closed }
                return received
            case CURLE_AGAIN:
                try wait(for: Int16(POLLIN), until: deadline, cancellation: cancellation)
            default:
                throw .curl(code)
            }
        }
    }

    /// Whether the socket is readable while no answer is expected: the server hung up, or said
    /// something unasked (a `421` before closing an idle connection).
    var hasPendingInputOrHangUp: Bool {
        guard socket >= 0 else { return true }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) != 0
    }

    /// Ends the connection at once, so that libcurl's own LOGOUT when the handle is cleaned up
    /// fails fast instead of waiting for answers in the middle of our exchange.
    func shutDown() {
        if socket >= 0 { Glibc.shutdown(socket, Int32(SHUT_RDWR)) }
        socket = -1
    }

    /// Waits in slices of at most 200 ms, so that a cancelled task is noticed quickly.
    private func wait(for events: Int16, until deadline: ContinuousClock.Instant, cancellation: CancellationFlag?) throws(Failure) {
        guard socket >= 0 else { throw .closed }
        while true {
            if cancellation?.isCancelled == true { throw .cancelled }
            let left = ContinuousClock.now.duration(to: deadline)
            if left <= .zero { throw .timeout }
            let milliseconds = min(200, max(1, Int(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
            var descriptor = pollfd(fd: socket, events: events, revents: 0)
            let ready = poll(&descriptor, 1, Int32(milliseconds))
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw .closed }
        }
    }
}

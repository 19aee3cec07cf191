import Foundation
import RelanceTesting
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback SMTP server that does not offer STARTTLS (what a downgrading middlebox shows):
/// greets, answers EHLO without the extension, and answers anything else with 502 until the
/// client hangs up. It records the commands it received.
final class PlainSMTPServer: @unchecked Sendable {
    // @unchecked: `commands` is guarded by `lock`; the socket is only used by the accept thread.
    let port: Int
    private let socketFD: Int32
    private let lock = NSLock()
    private var received: [String] = []

    var commands: [String] { lock.withLock { received } }

    init?() {
        guard let (fd, port) = try? LoopbackSocket.listen() else { return nil }
        socketFD = fd
        self.port = Int(port)
        Thread.detachNewThread { [self] in serve() }
    }

    deinit { shutdown(socketFD, Int32(SHUT_RDWR)); close(socketFD) }

    private func serve() {
        while true {
            let client = accept(socketFD, nil, nil)
            guard client >= 0 else { return }
            converse(client)
            close(client)
        }
    }

    private func converse(_ client: Int32) {
        // MSG_NOSIGNAL: a client that hung up must not SIGPIPE the test process.
        func say(_ text: String) { _ = text.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
        say("220 plain.test ESMTP no TLS here\r\n")
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while read(client, &byte, 1) == 1 {
            guard byte == UInt8(ascii: "\n") else { line.append(byte); continue }
            let command = String(decoding: line.filter { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
            line.removeAll()
            lock.withLock { received.append(command) }
            let verb = command.uppercased()
            if verb.hasPrefix("EHLO") { say("250-plain.test\r\n250 SIZE 10000000\r\n") }
            else if verb.hasPrefix("QUIT") { say("221 bye\r\n"); return }
            else { say("502 5.5.1 not here\r\n") }
        }
    }
}

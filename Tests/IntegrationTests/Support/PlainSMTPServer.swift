import Foundation
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
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            return nil
        }
        socketFD = fd
        port = Int(UInt16(bigEndian: address.sin_port))
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
        func say(_ text: String) { _ = text.withCString { write(client, $0, strlen($0)) } }
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bare TCP checks, free of the code under test, so that "the server is down" is never
/// confused with "our SMTP/IMAP client is broken".
enum LoopbackProbe {
    /// True when a TCP connection to host:port (an IPv4 literal) is accepted within the timeout.
    static func answers(host: String, port: Int, timeoutMilliseconds: Int32 = 2_000) -> Bool {
        guard let fd = openConnection(host: host, port: port, timeoutMilliseconds: timeoutMilliseconds) else { return false }
        close(fd)
        return true
    }

    /// The server's first line (an SMTP or IMAP greeting), or nil when it cannot be read in time.
    static func greeting(host: String, port: Int, timeoutMilliseconds: Int32 = 5_000) -> String? {
        guard let fd = openConnection(host: host, port: port, timeoutMilliseconds: timeoutMilliseconds) else { return nil }
        defer { close(fd) }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while line.count < 1_024 {
            var pollFD = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pollFD, 1, timeoutMilliseconds) == 1, read(fd, &byte, 1) == 1 else { return nil }
            if byte == UInt8(ascii: "\n") { break }
            if byte != UInt8(ascii: "\r") { line.append(byte) }
        }
        return String(decoding: line, as: UTF8.self)
    }

    private static func openConnection(host: String, port: Int, timeoutMilliseconds: Int32) -> Int32? {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return nil }
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        // Non-blocking connect + poll: a filtered port must cost a timeout, not a hang.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let started = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if started != 0 {
            var pollFD = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            var socketError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard errno == EINPROGRESS, poll(&pollFD, 1, timeoutMilliseconds) == 1,
                  getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length) == 0, socketError == 0
            else {
                close(fd)
                return nil
            }
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }
}

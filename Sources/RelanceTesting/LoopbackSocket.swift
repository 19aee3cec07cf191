import Glibc  // Relance runs on Linux (libcurl, systemd)

/// The socket calls the tests' small loopback servers share (a silent server, a server without
/// STARTTLS, a relay that can be stopped): listening on 127.0.0.1 and connecting to it.
public enum LoopbackSocket {
    public struct Failure: Error, CustomStringConvertible {
        public let call: String
        public let errno: Int32
        public var description: String { "\(call) on 127.0.0.1 failed: \(String(cString: strerror(errno)))" }
    }

    /// A listening socket on 127.0.0.1: on `port`, or on one the kernel picks when 0.
    /// `reuseAddress` lets a stopped listener be bound again at once on the same port.
    public static func listen(port: UInt16 = 0, reuseAddress: Bool = false) throws(Failure) -> (fd: Int32, port: UInt16) {
        let fd = makeSocket()
        guard fd >= 0 else { throw Failure(call: "socket", errno: errno) }
        if reuseAddress {
            var yes: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = loopback(port: port)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let failed: String? = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                if bind(fd, generic, length) != 0 { return "bind" }
                if Glibc.listen(fd, 16) != 0 { return "listen" }
                if getsockname(fd, generic, &length) != 0 { return "getsockname" }
                return nil
            }
        }
        if let failed {
            let code = errno
            close(fd)
            throw Failure(call: failed, errno: code)
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    /// A socket connected to 127.0.0.1:`port`.
    public static func connect(port: UInt16) throws(Failure) -> Int32 {
        let fd = makeSocket()
        guard fd >= 0 else { throw Failure(call: "socket", errno: errno) }
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw Failure(call: "connect", errno: code)
        }
        return fd
    }

    private static func makeSocket() -> Int32 {
        socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        return address
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelanceTesting

/// A loopback TCP port whose connections complete (in the kernel's backlog) but never get a
/// greeting: the shape of a hung server, to exercise timeouts and cancellation for real.
final class SilentServer {
    let port: Int
    private let socketFD: Int32

    init?() {
        guard let (fd, port) = try? LoopbackSocket.listen() else { return nil }
        socketFD = fd
        self.port = Int(port)
    }

    deinit { close(socketFD) }

    /// A loopback port nobody listens on (bound then released), for "connection refused".
    static func closedPort() -> Int? {
        guard let server = SilentServer() else { return nil }
        return server.port  // the socket closes when `server` goes away
    }
}

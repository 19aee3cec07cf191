import Foundation
import RelanceTesting
#if canImport(Glibc)
import Glibc
#endif

/// A byte-for-byte TCP relay on loopback in front of a real server, which a test can stop and
/// start again on the same port: the server "goes down" for the client without stopping the
/// shared server the other tests use. TLS passes through untouched (STARTTLS included).
final class TCPRelay: @unchecked Sendable {
    // @unchecked: the mutable state (descriptors, port) is guarded by `lock`.
    private let lock = NSLock()
    private let targetPort: UInt16
    private var listener: Int32 = -1
    private var sockets: [Int32] = []
    private(set) var port: UInt16 = 0

    init(to targetPort: Int) { self.targetPort = UInt16(targetPort) }

    deinit { stop() }

    func start() throws {
        let (fd, bound) = try LoopbackSocket.listen(port: lock.withLock { port }, reuseAddress: true)
        lock.withLock {
            listener = fd
            port = bound
        }
        Thread { [self] in acceptLoop(fd) }.start()
    }

    /// Refuses new connections and cuts the open ones, as a stopped server would.
    func stop() {
        let (fd, open) = lock.withLock { () -> (Int32, [Int32]) in
            defer { listener = -1; sockets = [] }
            return (listener, sockets)
        }
        if fd >= 0 { shutdown(fd, Int32(SHUT_RDWR)); close(fd) }
        for socket in open { shutdown(socket, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop(_ fd: Int32) {
        while true {
            let client = accept(fd, nil, nil)
            guard client >= 0 else { return }
            guard let server = try? LoopbackSocket.connect(port: targetPort) else { close(client); continue }
            lock.withLock { sockets += [client, server] }
            Thread { Self.pump(from: client, to: server) }.start()
            Thread { Self.pump(from: server, to: client) }.start()
        }
    }

    private static func pump(from source: Int32, to destination: Int32) {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset < count {
                // MSG_NOSIGNAL: after stop(), writing to a cut socket must fail, not SIGPIPE the test process.
                let written = buffer.withUnsafeBytes { send(destination, $0.baseAddress! + offset, count - offset, Int32(MSG_NOSIGNAL)) }
                guard written > 0 else { shutdown(source, Int32(SHUT_RDWR)); shutdown(destination, Int32(SHUT_RDWR)); return }
                offset += written
            }
        }
        shutdown(destination, Int32(SHUT_WR))
    }
}

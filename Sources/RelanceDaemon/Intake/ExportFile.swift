public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file a person names (`relance import FILE`) straight into one byte array: going
/// through `Data` and copying would hold a large ledger twice in memory at the peak.
public enum ExportFile {
    public static func bytes(at url: URL) throws(IntakeError) -> [UInt8] {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw IntakeError(.unreadable, file: url.path, "cannot open it: \(String(cString: strerror(errno))). Check the path and its permissions.")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw IntakeError(.notRegular, file: url.path, "it is not a regular file")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw IntakeError(.unreadable, file: url.path, "reading stopped at byte \(offset) of \(bytes.count): \(count < 0 ? String(cString: strerror(errno)) : "the file shrank while being read")")
            }
            offset += count
        }
        return bytes
    }
}

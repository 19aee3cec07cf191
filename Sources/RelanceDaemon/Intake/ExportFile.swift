public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file a person names (`relance import FILE`) straight into one byte array: going
/// through `Data` and copying would hold a large ledger twice in memory at the peak.
public enum ExportFile {
    public static func bytes(at url: URL) throws(IntakeError) -> [UInt8] {
        let (fd, size) = try openRegularFile(at: url)
        defer { close(fd) }
        // Read straight into uninitialized storage: zero-filling 125 MB first would cost a
        // pass over it as long as the read itself.
        var failure: IntakeError?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var offset = 0
            while offset < size {
                let count = read(fd, buffer.baseAddress! + offset, size - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    failure = IntakeError(.unreadable, file: url.path, "reading stopped at byte \(offset) of \(size): \(count < 0 ? String(cString: strerror(errno)) : "the file shrank while being read")")
                    break
                }
                offset += count
            }
            // Only what was read counts as initialized; on failure the array is dropped anyway.
            initialized = offset
        }
        if let failure { throw failure }
        return bytes
    }

    /// The file opened for reading, and its size; refused when it is not a regular file. The
    /// caller closes the descriptor.
    static func openRegularFile(at url: URL) throws(IntakeError) -> (descriptor: Int32, size: Int) {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw IntakeError(.unreadable, file: url.path, "cannot open it: \(String(cString: strerror(errno))). Check the path and its permissions.")
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw IntakeError(.notRegular, file: url.path, "it is not a regular file")
        }
        return (fd, Int(info.st_size))
    }
}

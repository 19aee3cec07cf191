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
        do {
            return try WholeFileRead.bytes(of: fd, size: size)
        } catch {
            let why = error.errno.map { String(cString: strerror($0)) } ?? "the file shrank while being read"
            throw IntakeError(.unreadable, file: url.path, "reading stopped at byte \(error.offset) of \(size): \(why)")
        }
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

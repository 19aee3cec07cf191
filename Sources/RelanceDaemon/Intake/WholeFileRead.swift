#if canImport(Glibc)
import Glibc
#endif

/// Reads an open file's `size` bytes into one array, straight into uninitialized storage
/// (zero-filling a 125 MB ledger first would cost a pass as long as the read), retrying on
/// EINTR. One loop for `relance import FILE` (`ExportFile`) and the drop folder
/// (`LocalDropFolder`), which each say a stop in their own words.
enum WholeFileRead {
    /// Where the read stopped; `errno` nil when the file shrank while being read.
    struct Stopped: Error {
        var offset: Int
        var errno: Int32?
    }

    static func bytes(of descriptor: Int32, size: Int) throws(Stopped) -> [UInt8] {
        var stopped: Stopped?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var offset = 0
            while offset < size {
                let count = read(descriptor, buffer.baseAddress! + offset, size - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    stopped = Stopped(offset: offset, errno: count < 0 ? errno : nil)
                    break
                }
                offset += count
            }
            // Only what was read counts as initialized; on a stop the array is dropped anyway.
            initialized = offset
        }
        if let stopped { throw stopped }
        return bytes
    }
}

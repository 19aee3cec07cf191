import Foundation

/// Appends lines to a file from a thread of its own, pausing 100 ms after each: a writer that
/// the Swift cooperative pool's load cannot stall (IntakeTests' "still being written").
final class FileWriterThread: @unchecked Sendable {
    private let lock = NSLock()
    private var finished: Date?

    init(url: URL, lines: [String]) {
        let thread = Thread { [self] in
            if let handle = try? FileHandle(forWritingTo: url) {
                for line in lines {
                    _ = try? handle.seekToEnd()
                    try? handle.write(contentsOf: Data(line.utf8))
                    Thread.sleep(forTimeInterval: 0.1)
                }
                try? handle.close()
            }
            lock.withLock { finished = Date() }
        }
        thread.start()
    }

    /// When the last line was written; nil while writing.
    var finishedAt: Date? { lock.withLock { finished } }
}

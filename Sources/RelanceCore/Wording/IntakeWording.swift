public import Foundation

/// Why the drop folder's intake sets a file aside without reading it.
public enum DropRefusal: Sendable, Hashable {
    case symbolicLink
    case notARegularFile
    case controlCharactersInName
    case unreadable(permissions: Int)
    case tooLarge(bytes: Int, limit: Int)
    /// The daemon stopped twice while reading it (out of memory, killed, crashed).
    case stoppedTwiceReading
    /// The file system refused to read it; `detail` is the system's own message.
    case readFailed(detail: String)
}

/// The drop folder's own words: why a file was set aside, and the report written beside it.
public protocol IntakeWording: Sendable {
    func dropRefusal(_ refusal: DropRefusal) -> String
    /// `<file>.error.txt`, beside the refused file in `rejected/`; `reason` is the reader's
    /// refusal or `dropRefusal`.
    func rejectionReport(file: String, importID: Int64, at time: Date, reason: String) -> String
}

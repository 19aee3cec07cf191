public import Foundation

/// Why the drop folder's intake sets a file aside without reading it (thrown by the folder's
/// reader, worded by `IntakeWording.dropRefusal` in the creditor's language).
public enum DropRefusal: Error, Sendable, Hashable {
    case symbolicLink
    case notARegularFile
    case controlCharactersInName
    case unreadable(permissions: Int)
    case tooLarge(bytes: Int, limit: Int)
    /// The daemon stopped twice while reading it (out of memory, killed, crashed).
    case stoppedTwiceReading
    /// The file system refused to open it.
    case cannotOpen(FileSystemFailure)
    /// Reading stopped at `byte` of `of`: the file system's failure, or (nil) the file shrank.
    case readStopped(byte: Int, of: Int, cause: FileSystemFailure?)
}

/// The drop folder's own words: why a file was set aside, and the report written beside it.
public protocol IntakeWording: Sendable {
    func dropRefusal(_ refusal: DropRefusal) -> String
    /// `<file>.error.txt`, beside the refused file in `rejected/`; `reason` is the reader's
    /// refusal or `dropRefusal`.
    func rejectionReport(file: String, importID: Int64, at time: Date, reason: String) -> String
    /// `/srv/drop/processed/2026-12-07 : permission refusée`: where a file-system call failed, and
    /// why (errno's meaning in this language).
    func fileSystemFailure(_ failure: FileSystemFailure) -> String
    /// A file imported as `importID` that could not be moved to `processed/`: left in place.
    func notMovedToProcessed(importID: Int64, cause: FileSystemFailure) -> String
    /// A refused file (`reason`, already in this language) that could not be moved to `rejected/` either.
    func notMovedToRejected(reason: String, cause: FileSystemFailure) -> String
}

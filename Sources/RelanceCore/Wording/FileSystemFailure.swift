import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file-system call that failed, as people are told about it: the path it was about and the
/// system's reason (errno), worded in their language by `IntakeWording.fileSystemFailure` —
/// never by `localizedDescription`, which on Linux says "The operation could not be completed.
/// (NSCocoaErrorDomain error 512.)" and hides the cause.
public struct FileSystemFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// errno, when the failure carried one.
    public var code: Int32?

    public init(path: String, code: Int32?) {
        self.path = path
        self.code = code
    }

    /// From what Foundation throws (a `CocoaError` whose underlying error is the POSIX one, with
    /// the path it was about), a `POSIXError`, or a failure already made; `path` when the error
    /// names none.
    public init(_ error: any Error, path: String) {
        if let failure = error as? FileSystemFailure {
            self = failure
            return
        }
        let named = (error as NSError).userInfo[NSFilePathErrorKey] as? String
        self.init(path: named ?? path, code: Self.errno(in: error))
    }

    /// The POSIX code under a Foundation error: Linux's FileManager and `Data.write` keep it as the
    /// `NSUnderlyingErrorKey` of the `CocoaError` they throw.
    static func errno(in error: any Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(truncatingIfNeeded: ns.code) }
        // Linux keeps it as a Swift error, which `as? NSError` does not find.
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error, (underlying as NSError) !== ns { return errno(in: underlying) }
        return nil
    }

    /// In English, for logs and operators' tools.
    public var description: String { EnglishWording().fileSystemFailure(self) }
}

extension FileSystemFailure {
    /// What went wrong, from errno: read once here, worded by each language.
    public enum Cause: Sendable, Hashable {
        case permissionDenied, notPermitted, notFound, alreadyExists, notAFolder, isAFolder
        case diskFull, quotaExceeded, readOnlyFileSystem, otherFileSystem, busy, nameTooLong
        case tooManySymbolicLinks, inputOutput, tooManyOpenFiles, folderNotEmpty
        /// An errno without words of its own.
        case system(Int32)
        /// The error carried no errno.
        case unknown
    }

    public var cause: Cause {
        guard let code else { return .unknown }
        switch code {
        case EACCES: return .permissionDenied
        case EPERM: return .notPermitted
        case ENOENT: return .notFound
        case EEXIST: return .alreadyExists
        case ENOTDIR: return .notAFolder
        case EISDIR: return .isAFolder
        case ENOSPC: return .diskFull
        case EDQUOT: return .quotaExceeded
        case EROFS: return .readOnlyFileSystem
        case EXDEV: return .otherFileSystem
        case EBUSY: return .busy
        case ENAMETOOLONG: return .nameTooLong
        case ELOOP: return .tooManySymbolicLinks
        case EIO: return .inputOutput
        case EMFILE, ENFILE: return .tooManyOpenFiles
        case ENOTEMPTY: return .folderNotEmpty
        default: return .system(code)
        }
    }
}

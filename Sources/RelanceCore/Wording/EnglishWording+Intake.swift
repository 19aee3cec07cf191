public import Foundation

extension EnglishWording {
    public func dropRefusal(_ refusal: DropRefusal) -> String {
        switch refusal {
        case .symbolicLink:
            "The file was not read: it is a symbolic link; Relance only reads files placed in the drop folder itself. Copy the file instead of linking it."
        case .notARegularFile:
            "The file was not read: it is not a regular file (a pipe, socket or device). Drop a plain file."
        case .controlCharactersInName:
            "The file was not read: its name contains control characters. Rename it with plain letters, digits and punctuation."
        case .unreadable(let permissions):
            "The file was not read: its permissions (\(String(permissions, radix: 8))) do not let even its owner read it: it was saved with the wrong permissions. Save it again, or run `chmod u+r` on it, then drop it again."
        case .tooLarge(let bytes, let limit):
            "The file was not read: it is \(bytes) bytes, above the limit of \(limit) (maximum_file_megabytes). Split the export or raise the limit."
        case .stoppedTwiceReading:
            """
            Relance stopped twice while reading this file (it ran out of memory, was killed or crashed), and set it aside so that \
            it is not read again at every restart. Check that it is the export you meant (its size, its format); a file \
            that is this large or this deeply nested is beyond the import limits. Drop a corrected export to import it.
            """
        case .cannotOpen(let cause):
            "The file could not be read: cannot open it: \(fileSystemFailure(cause)). Check its permissions (the relance user must be able to read it)."
        case .readStopped(let byte, let total, let cause):
            "The file could not be read: reading stopped at byte \(byte) of \(total): \(cause.map(fileSystemFailure) ?? "the file shrank while being read")"
        }
    }

    public func rejectionReport(file: String, importID: Int64, at time: Date, reason: String) -> String {
        """
        Relance refused \(file) (import #\(importID)) on \(dateAndTimeUTC(time)).

        \(reason)

        Nothing from this file was imported. The file itself is kept here, unchanged.
        Fix the export (or the configuration) and drop the corrected file into the drop folder again.

        """
    }
}

extension EnglishWording {
    public func fileSystemFailure(_ failure: FileSystemFailure) -> String {
        let why = switch failure.cause {
        case .permissionDenied: "permission denied"
        case .notPermitted: "operation not permitted"
        case .notFound: "no such file or folder"
        case .alreadyExists: "a file of that name already exists"
        case .notAFolder: "a part of the path is not a folder"
        case .isAFolder: "it is a folder"
        case .diskFull: "no space left on the disk"
        case .quotaExceeded: "disk quota exceeded"
        case .readOnlyFileSystem: "read-only file system"
        case .otherFileSystem: "the destination is on another file system"
        case .busy: "the file or folder is busy"
        case .nameTooLong: "name too long"
        case .tooManySymbolicLinks: "too many symbolic links"
        case .inputOutput: "input/output error (the disk or the network share)"
        case .tooManyOpenFiles: "too many open files"
        case .folderNotEmpty: "the folder is not empty"
        case .system(let code): "system error \(code)"
        case .unknown: "cause unknown"
        }
        return "\(failure.path): \(why)"
    }

    public func notMovedToProcessed(importID: Int64, cause: FileSystemFailure) -> String {
        "imported as #\(importID) but could not be moved to processed/: \(fileSystemFailure(cause))"
    }

    public func notMovedToRejected(reason: String, cause: FileSystemFailure) -> String {
        "\(reason)\nIt could not be moved to rejected/ either: \(fileSystemFailure(cause))"
    }
}

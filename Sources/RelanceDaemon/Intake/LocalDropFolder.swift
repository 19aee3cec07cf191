public import Foundation
public import RelanceCore
#if canImport(Glibc)
import Glibc
#endif

/// A drop folder on the local file system. Every path is a name listed by the folder
/// itself joined to the folder: nothing from a file's content or name can point elsewhere,
/// links are never followed, and an input is only ever moved, never deleted.
public struct LocalDropFolder: Sendable {
    public let folder: URL
    /// The configured `drop_folder` (`folder` itself, or the folder holding the creditors'
    /// subfolders): it must exist, or be created when `createRoot` and its parent exists.
    public let root: URL
    public let createRoot: Bool

    public init(folder: URL, root: URL? = nil, createRoot: Bool = false) {
        self.folder = folder
        self.root = root ?? folder
        self.createRoot = createRoot
    }

    /// Checks the drop folder, then makes the creditor's subfolder, `processed/` and
    /// `rejected/` inside it (those are Relance's own).
    public func createFolders() throws {
        try DropFolderCheck.ensure(root, create: createRoot)
        for sub in ["", "processed", "rejected"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
    }

    public func list() throws -> [DropFolderEntry] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return names.sorted().compactMap { name in
            var info = stat()
            guard lstat(folder.appendingPathComponent(name).path, &info) == 0 else { return nil }
            let type: DropFolderEntry.FileType = switch info.st_mode & S_IFMT {
            case S_IFREG: .regular
            case S_IFLNK: .symbolicLink
            case S_IFDIR: .directory
            default: .other
            }
            let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
            return DropFolderEntry(name: name, type: type, size: Int(info.st_size), modified: modified,
                                  permissions: UInt16(info.st_mode & 0o7777))
        }
    }

    /// Reads a regular file without following a link and without blocking on a pipe
    /// swapped in since the listing; refuses it if it grew past `limit`. The refusal carries the
    /// path and errno, for the creditor's people to read in their words.
    public func read(_ name: String, limit: Int) throws(DropRefusal) -> [UInt8] {
        let path = folder.appendingPathComponent(name).path
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(FileSystemFailure(path: path, code: errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile }
        guard Int(info.st_size) <= limit else { throw .tooLarge(bytes: Int(info.st_size), limit: limit) }
        let size = Int(info.st_size)
        do {
            return try WholeFileRead.bytes(of: fd, size: size)
        } catch {
            throw .readStopped(byte: error.offset, of: size, cause: error.errno.map { FileSystemFailure(path: path, code: $0) })
        }
    }

    /// Moves an input to `processed/DATE/` and returns where it went.
    public func moveToProcessed(_ name: String, day: String) throws(FileSystemFailure) -> URL {
        try move(name, into: folder.appendingPathComponent("processed").appendingPathComponent(day))
    }

    /// Moves an input to `rejected/` and writes the explanation beside it.
    public func moveToRejected(_ name: String, explanation: String) throws(FileSystemFailure) -> URL {
        let destination = try move(name, into: folder.appendingPathComponent("rejected"))
        let report = destination.deletingLastPathComponent().appendingPathComponent(destination.lastPathComponent + ".error.txt")
        do {
            try Data(explanation.utf8).write(to: report, options: .atomic)
        } catch {
            throw FileSystemFailure(error, path: report.path)
        }
        return destination
    }

    /// `rename(2)` within the same file system: atomic, never a copy-then-delete that a crash
    /// could leave half done. An existing name gets a numbered suffix: nothing is overwritten.
    /// Throws a `FileSystemFailure` (the path and errno), which people are told in their words.
    private func move(_ name: String, into directory: URL) throws(FileSystemFailure) -> URL {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw FileSystemFailure(error, path: directory.path)
        }
        let source = folder.appendingPathComponent(name)
        var destination = directory.appendingPathComponent(name)
        var counter = 2
        while FileManager.default.fileExists(atPath: destination.path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: destination.path)) != nil {
            let base = (name as NSString).deletingPathExtension
            let ext = (name as NSString).pathExtension
            destination = directory.appendingPathComponent(ext.isEmpty ? "\(base)-\(counter)" : "\(base)-\(counter).\(ext)")
            counter += 1
        }
        guard rename(source.path, destination.path) == 0 else {
            throw FileSystemFailure(path: directory.path, code: errno)
        }
        return destination
    }
}

public import Foundation
import RelanceCore

/// Whether the drop folder is there. A missing one is most often a share that is not
/// mounted: creating it would hide that for weeks behind "no new file", so it is an error
/// (at start, in each intake round, in `relance status` and the digest) unless the
/// configuration asks for it to be created (`create_drop_folder = true`) and its parent exists.
public enum DropFolderCheck {
    public static func ensure(_ folder: URL, create: Bool) throws(IntakeError) {
        if let found = problem(folder) {
            let parent = folder.deletingLastPathComponent()
            guard create, found == .missing, isDirectory(parent) else {
                throw error(folder, found, parentExists: isDirectory(parent))
            }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            } catch {
                throw IntakeError(.missingDropFolder, file: folder.path,
                                  "the drop folder does not exist and could not be created: \(FileSystemFailure(error, path: folder.path))")
            }
        }
    }

    public enum Problem: Sendable, Equatable { case missing, notAFolder }

    /// What is wrong with the folder, or nil when it is a folder.
    public static func problem(_ folder: URL) -> Problem? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return .missing }
        return isFolder.boolValue ? nil : .notAFolder
    }

    /// One sentence for `status` and the digest; nil when the folder is there, or will be
    /// created at the next intake round (`create` and its parent exists).
    public static func healthProblem(_ folder: URL, create: Bool) -> String? {
        healthFact(folder, create: create).map { error(folder, $0.problem, parentExists: $0.parentExists).description }
    }

    /// The facts behind `healthProblem`, for words in another language (the digest).
    public static func healthFact(_ folder: URL, create: Bool) -> (problem: Problem, parentExists: Bool)? {
        guard let found = problem(folder) else { return nil }
        let parentExists = isDirectory(folder.deletingLastPathComponent())
        if create && parentExists && found == .missing { return nil }
        return (found, parentExists)
    }

    static func error(_ folder: URL, _ problem: Problem, parentExists: Bool) -> IntakeError {
        switch problem {
        case .notAFolder:
            return IntakeError(.missingDropFolder, file: folder.path,
                               "the drop folder is not a folder. Set drop_folder to the folder the exports are dropped into.")
        case .missing where !parentExists:
            return IntakeError(.missingDropFolder, file: folder.path,
                               "the drop folder does not exist, nor does the folder above it: is the share mounted? "
                                   + "Mount it (or correct drop_folder); no export is read until then.")
        case .missing:
            return IntakeError(.missingDropFolder, file: folder.path,
                               "the drop folder does not exist: is the share mounted? Mount it, create the folder, "
                                   + "or set create_drop_folder = true to let Relance create it; no export is read until then.")
        }
    }

    private static func isDirectory(_ url: URL) -> Bool { problem(url) == nil }
}

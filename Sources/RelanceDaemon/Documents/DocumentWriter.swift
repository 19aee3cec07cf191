public import Foundation
public import RelanceMail

/// Writes a task's document to disk so that a reader never sees half of it: a letter as one
/// `<name>.html` file (written atomically), a dossier as a `<name>/` folder built aside and
/// then renamed into place. Writing again replaces the previous version.
public enum DocumentWriter {
    /// Returns the letter's file or the dossier's folder.
    @discardableResult
    public static func write(_ document: ComposedDocument, into folder: URL, name: String) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        switch document {
        case .letter(let letter):
            let file = folder.appendingPathComponent("\(name).html")
            try Data(letter.html.utf8).write(to: file, options: .atomic)
            return file
        case .dossier(let files):
            let target = folder.appendingPathComponent(name, isDirectory: true)
            let staging = folder.appendingPathComponent(".\(name).\(UUID().uuidString).tmp", isDirectory: true)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
            do {
                for file in files {
                    try Data(file.contents.utf8).write(to: staging.appendingPathComponent(file.name), options: .atomic)
                }
                try replace(target, with: staging)
            } catch {
                try? FileManager.default.removeItem(at: staging)
                throw error
            }
            return target
        }
    }

    /// rename(2) cannot replace a non-empty folder: the old one is moved aside first, then removed.
    private static func replace(_ target: URL, with staging: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: target.path) else {
            try manager.moveItem(at: staging, to: target)
            return
        }
        let previous = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).old")
        try manager.moveItem(at: target, to: previous)
        try manager.moveItem(at: staging, to: target)
        try? manager.removeItem(at: previous)
    }
}

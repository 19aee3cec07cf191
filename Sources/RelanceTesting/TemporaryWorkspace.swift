public import Foundation

/// A scratch folder for one test, removed when the value is released.
public final class TemporaryWorkspace: @unchecked Sendable {
    // @unchecked: the only state is an immutable URL; deinit removes the folder.
    public let root: URL

    public init(_ label: String = "relance") throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    public func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    @discardableResult
    public func write(_ relative: String, _ contents: String) throws -> URL {
        try write(relative, Array(contents.utf8))
    }

    @discardableResult
    public func write(_ relative: String, _ bytes: [UInt8]) throws -> URL {
        let url = url(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url
    }

    /// Sets a file's modification time in the past, so that the intake sees it as stable.
    public func age(_ relative: String, seconds: TimeInterval) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-seconds)], ofItemAtPath: url(relative).path)
    }

    /// Names of the regular files directly in `relative`, sorted; empty when it does not exist.
    public func files(in relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url(relative).path)) ?? []).sorted()
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }
}

/// Paths inside this repository, for tests that need the shipped templates or examples.
public enum RepositoryPaths {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var mailTemplates: URL { root.appendingPathComponent("mail-templates") }
    public static var examples: URL { root.appendingPathComponent("examples") }
}

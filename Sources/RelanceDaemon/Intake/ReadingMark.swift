public import Foundation

/// A note left in the drop folder's `processed/.reading` while one file is parsed and applied,
/// removed when that file is done (imported, held or rejected).
///
/// Why: a file that kills the process while it is read (the unit's `MemoryMax=` reached, a
/// crash in a parser) would otherwise be read again at every restart, and the daemon would
/// loop on it for ever (issue #12). A mark still standing at the next scan names the file the
/// last run died on and how many runs died reading it. One death may be a restart or a kill
/// that had nothing to do with the file: it is read again. A file two runs died on is set aside
/// in `rejected/` with that explanation, once — unless it changed since (same name, another
/// size: a corrected copy, read normally).
public struct ReadingMark: Sendable {
    public let url: URL

    public init(dropFolder: URL) {
        url = dropFolder.appendingPathComponent("processed").appendingPathComponent(".reading")
    }

    /// Runs that died reading the same file before it is set aside.
    public static let deathsBeforeSettingAside = 2

    public struct Note: Sendable, Hashable {
        public var name: String
        public var size: Int
        /// How many runs started reading it, the current one included.
        public var attempts: Int
    }

    /// Written before the first byte is parsed. A kill (not a power loss) leaves the page
    /// cache intact, so no fsync: this costs one small write per imported file.
    public func set(_ entry: DropFolderEntry, attempts: Int = 1) throws {
        try Data("\(attempts)\n\(entry.size)\n\(entry.name)\n".utf8).write(to: url, options: .atomic)
    }

    public func clear() {
        try? FileManager.default.removeItem(at: url)
    }

    /// The file the last run was reading when it stopped, if a mark stands.
    public func standing() -> Note? {
        guard let data = try? Data(contentsOf: url), data.count < 4096,
              let text = String(data: data, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count == 3, let attempts = Int(lines[0]), let size = Int(lines[1]) else { return nil }
        let name = String(lines[2].dropLast(lines[2].hasSuffix("\n") ? 1 : 0))
        return name.isEmpty ? nil : Note(name: name, size: size, attempts: attempts)
    }
}

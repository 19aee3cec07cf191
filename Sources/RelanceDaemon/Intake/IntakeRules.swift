public import Foundation
public import RelanceCore

/// What the intake does with each entry of a drop folder. Pure, so the rules are tested alone.
public struct IntakeRules: Sendable, Hashable {
    public var stableAfterSeconds: Double
    public var maximumFileBytes: Int

    public init(stableAfterSeconds: Double, maximumFileBytes: Int) {
        self.stableAfterSeconds = stableAfterSeconds
        self.maximumFileBytes = maximumFileBytes
    }

    public enum Verdict: Sendable, Hashable {
        /// Take it now.
        case take
        /// Leave it for a later scan: still being written, or a temporary name.
        case wait(untilAfter: Date)
        /// Not for us: our own folders, hidden and temporary files.
        case ignore
        /// Move it aside with this explanation, never read it.
        case refuse(DropRefusal)
    }

    /// The folders the intake itself writes into, inside each drop folder.
    public static let ownFolders: Set<String> = ["processed", "rejected"]

    /// `unchangedSince`: when the intake first saw the entry with its current size and
    /// modification time (nil: never). A file is taken only once both have stayed the same for
    /// the delay across scans, and its modification time is itself that old: a writer that
    /// appends slowly, or one that preserves an old mtime while copying, is waited for.
    public func verdict(for entry: DropFolderEntry, unchangedSince: Date?, now: Date) -> Verdict {
        let name = entry.name
        if name.hasPrefix(".") || name.hasSuffix(".part") || name.hasSuffix(".tmp") || name.hasSuffix("~")
            || name.hasSuffix(".error.txt") {
            return .ignore
        }
        switch entry.type {
        case .directory:
            return .ignore
        case .symbolicLink:
            return .refuse(.symbolicLink)
        case .other:
            return .refuse(.notARegularFile)
        case .regular:
            break
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .refuse(.controlCharactersInName)
        }
        if entry.permissions & 0o400 == 0 {
            return .refuse(.unreadable(permissions: Int(entry.permissions)))
        }
        if entry.size > maximumFileBytes {
            return .refuse(.tooLarge(bytes: entry.size, limit: maximumFileBytes))
        }
        let stableAt = max(entry.modified, unchangedSince ?? now).addingTimeInterval(stableAfterSeconds)
        if stableAt > now { return .wait(untilAfter: stableAt) }
        return .take
    }
}

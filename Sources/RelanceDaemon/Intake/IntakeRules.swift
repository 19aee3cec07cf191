public import Foundation

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
        case refuse(String)
    }

    /// The folders the intake itself writes into, inside each drop folder.
    public static let ownFolders: Set<String> = ["processed", "rejected"]

    public func verdict(for entry: DropFolderEntry, now: Date) -> Verdict {
        let name = entry.name
        if name.hasPrefix(".") || name.hasSuffix(".part") || name.hasSuffix(".tmp") || name.hasSuffix("~")
            || name.hasSuffix(".error.txt") {
            return .ignore
        }
        switch entry.type {
        case .directory:
            return .ignore
        case .symbolicLink:
            return .refuse("it is a symbolic link; Relance only reads files placed in the drop folder itself. Copy the file instead of linking it.")
        case .other:
            return .refuse("it is not a regular file (a pipe, socket or device). Drop a plain file.")
        case .regular:
            break
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .refuse("its name contains control characters. Rename it with plain letters, digits and punctuation.")
        }
        if entry.size > maximumFileBytes {
            return .refuse("it is \(entry.size) bytes, above the limit of \(maximumFileBytes) (maximum_file_megabytes). Split the export or raise the limit.")
        }
        let stableAt = entry.modified.addingTimeInterval(stableAfterSeconds)
        if stableAt > now { return .wait(untilAfter: stableAt) }
        return .take
    }
}

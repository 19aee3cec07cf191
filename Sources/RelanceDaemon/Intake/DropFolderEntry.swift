public import Foundation

/// One entry of a drop folder as `lstat` saw it: links are not followed.
public struct DropFolderEntry: Sendable, Hashable {
    public enum FileType: Sendable, Hashable {
        case regular
        case symbolicLink
        case directory
        case other
    }

    public var name: String
    public var type: FileType
    public var size: Int
    public var modified: Date
    /// The permission bits (`st_mode & 0o7777`).
    public var permissions: UInt16

    public init(name: String, type: FileType, size: Int, modified: Date, permissions: UInt16 = 0o644) {
        self.name = name
        self.type = type
        self.size = size
        self.modified = modified
        self.permissions = permissions
    }

    /// Size and modification time: a file is stable while these stay the same.
    public var fingerprint: Fingerprint { Fingerprint(size: size, modified: modified) }

    public struct Fingerprint: Sendable, Hashable {
        public var size: Int
        public var modified: Date
    }
}

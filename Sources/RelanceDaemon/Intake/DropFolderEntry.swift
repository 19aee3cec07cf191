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

    public init(name: String, type: FileType, size: Int, modified: Date) {
        self.name = name
        self.type = type
        self.size = size
        self.modified = modified
    }
}

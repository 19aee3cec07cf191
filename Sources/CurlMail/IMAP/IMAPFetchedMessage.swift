/// A message read with `BODY.PEEK[]`: its flags are exactly as they were before.
public struct IMAPFetchedMessage: Sendable, Hashable {
    public let uid: UInt32
    public let flags: [String]
    /// The message's size on the server (RFC822.SIZE).
    public let size: Int
    /// The message as stored, or its first `maximumMessageBytes` when `isTruncated`.
    public let bytes: [UInt8]
    public var isTruncated: Bool { bytes.count < size }

    public init(uid: UInt32, flags: [String], size: Int, bytes: [UInt8]) {
        self.uid = uid
        self.flags = flags
        self.size = size
        self.bytes = bytes
    }
}

/// A message's UID and size, listed before fetching so that batches can be planned by size.
public struct IMAPMessageSize: Sendable, Hashable {
    public let uid: UInt32
    public let size: Int

    public init(uid: UInt32, size: Int) {
        self.uid = uid
        self.size = size
    }
}

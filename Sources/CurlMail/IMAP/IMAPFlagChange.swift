/// How `UID STORE` changes a message's flags.
public enum IMAPFlagChange: String, Sendable, Hashable {
    case add = "+FLAGS"
    case remove = "-FLAGS"
    case replace = "FLAGS"
}

/// Where the server put an appended message (RFC 4315 UIDPLUS `APPENDUID`).
public struct IMAPAppendResult: Sendable, Hashable {
    public let uidValidity: UInt32
    public let uid: UInt32

    public init(uidValidity: UInt32, uid: UInt32) {
        self.uidValidity = uidValidity
        self.uid = uid
    }
}

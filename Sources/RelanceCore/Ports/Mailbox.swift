import Foundation

/// A mail store read by UID (IMAP, or an in-memory fake in tests). Every operation names
/// its folder: an adapter may keep one connection and one selection for all of them.
public protocol Mailbox: Sendable {
    /// UIDVALIDITY, UIDNEXT and size of `folder`, without selecting it: the whole cost of an idle poll.
    func state(of folder: String) async throws(MailboxError) -> MailboxFolderState
    /// UID and size of each message in `range`, ascending, including every message that
    /// arrived before the call; fails with `.uidValidityChanged` when the folder was renumbered.
    /// `UID n:*` matches the highest UID even when it is below n (RFC 3501): adapters leave it out.
    func list(_ folder: String, uidValidity: UInt32, _ range: MailboxRange) async throws(MailboxError) -> [MailboxEntry]
    /// The messages `uids`, ascending, read WITHOUT changing anything: no flag is set (IMAP
    /// `BODY.PEEK[]` on a read-only `EXAMINE`), so a person's unread mail stays unread whatever
    /// happens to us. Messages expunged meanwhile are absent. A message over the adapter's
    /// maximum size comes back cut to it (`isTruncated`). Callers keep batches to what they can hold.
    func fetch(_ folder: String, uidValidity: UInt32, uids: [UInt32]) async throws(MailboxError) -> [MailboxMessage]
    /// Moves a message to `destination` without copying and deleting by hand; returns false,
    /// changing nothing, when the server cannot move (no MOVE extension).
    func move(_ folder: String, uid: UInt32, to destination: String) async throws(MailboxError) -> Bool
}

/// A message listed before fetching: batches are planned by size.
public struct MailboxEntry: Sendable, Hashable {
    public var uid: UInt32
    /// Bytes on the server (IMAP RFC822.SIZE).
    public var size: Int

    public init(uid: UInt32, size: Int) {
        self.uid = uid
        self.size = size
    }
}

/// A fetched message; its flags on the server are exactly as they were.
public struct MailboxMessage: Sendable, Hashable {
    public var uid: UInt32
    /// The message as stored, or its beginning when `isTruncated`.
    public var bytes: [UInt8]
    /// Its whole size on the server.
    public var size: Int
    public var isTruncated: Bool { bytes.count < size }

    public init(uid: UInt32, bytes: [UInt8], size: Int? = nil) {
        self.uid = uid
        self.bytes = bytes
        self.size = size ?? bytes.count
    }
}

public struct MailboxFolderState: Sendable, Hashable {
    /// Changes when the server renumbers UIDs: every stored UID of the folder is then void.
    public var uidValidity: UInt32
    /// The UID the next message will get.
    public var uidNext: UInt32
    public var messages: UInt32

    public init(uidValidity: UInt32, uidNext: UInt32, messages: UInt32) {
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.messages = messages
    }
}

/// Which messages a poll looks at.
public enum MailboxRange: Sendable, Hashable {
    /// `UID first:*`: what arrived after the last processed UID.
    case uids(from: UInt32)
    /// Arrived on or after that day (IMAP `SINCE`, by the server's internal date): a first
    /// poll, or a rescan after UIDVALIDITY changed, looks back a few days, not at years of mail.
    case since(CivilDate)
}

/// Why the mailbox could not be read: always logged and retried at the next poll, never fatal.
public struct MailboxError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The server cannot be reached, timed out, or dropped the connection.
        case unavailable
        /// The server refused the credentials, or a credential is missing.
        case authentication
        /// TLS failed or the certificate could not be verified.
        case tls
        case folderNotFound = "folder-not-found"
        /// The folder's UIDVALIDITY is no longer the one given.
        case uidValidityChanged = "uid-validity-changed"
        case messageNotFound = "message-not-found"
        /// Anything else the server or our settings refused.
        case failed
    }

    public var code: Code
    /// What happened and what to do, in plain words (never a secret).
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "mailbox \(code.rawValue): \(message)" }
}

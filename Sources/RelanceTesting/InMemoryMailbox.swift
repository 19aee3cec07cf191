public import RelanceCore

/// A `Mailbox` held in memory that behaves like an IMAP server where it matters to a poller:
/// fetching leaves flags alone (`BODY.PEEK[]`), a message over `maximumMessageBytes` comes
/// back cut, UIDVALIDITY can change, the server can be down. Every call is logged, so tests
/// can count what a poll costs.
public actor InMemoryMailbox: Mailbox {
    public struct Message: Sendable, Hashable {
        public let uid: UInt32
        public let bytes: [UInt8]
        public var seen: Bool
        /// The server's internal date (what SEARCH SINCE compares).
        public let arrivedOn: CivilDate
    }

    private struct Folder {
        var uidValidity: UInt32
        var nextUID: UInt32 = 1
        var messages: [Message] = []
    }

    private var folders: [String: Folder] = [:]
    /// One entry per call, e.g. `state INBOX`, `fetch INBOX 7`.
    public private(set) var calls: [String] = []
    /// While set, every call fails with it (a server down, a wrong password).
    public var failure: MailboxError?
    public var supportsMove = true
    public var maximumMessageBytes = Int.max
    private var validitySeed: UInt32 = 1000

    public init(folders names: [String] = ["INBOX"]) {
        for name in names {
            validitySeed += 1
            folders[name] = Folder(uidValidity: validitySeed)
        }
    }

    private func addFolder(_ name: String) {
        validitySeed += 1
        folders[name] = Folder(uidValidity: validitySeed)
    }

    public func setFailure(_ error: MailboxError?) { failure = error }
    public func setSupportsMove(_ value: Bool) { supportsMove = value }
    public func setMaximumMessageBytes(_ value: Int) { maximumMessageBytes = value }
    public func resetCalls() { calls = [] }

    /// Delivers a message; returns its UID.
    @discardableResult
    public func deliver(_ text: String, to folder: String = "INBOX", seen: Bool = false,
                        on day: CivilDate = CivilDate(year: 2026, month: 11, day: 30)!) -> UInt32 {
        if folders[folder] == nil { addFolder(folder) }
        let uid = folders[folder]!.nextUID
        folders[folder]!.nextUID += 1
        let bytes = Array(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
        folders[folder]!.messages.append(Message(uid: uid, bytes: bytes, seen: seen, arrivedOn: day))
        return uid
    }

    /// What a server does after a rebuild of its index: new UIDVALIDITY, UIDs from 1 again.
    public func renumber(_ folder: String) {
        guard var box = folders[folder] else { return }
        validitySeed += 1
        box.uidValidity = validitySeed
        box.nextUID = 1
        box.messages = box.messages.map { message in
            defer { box.nextUID += 1 }
            return Message(uid: box.nextUID, bytes: message.bytes, seen: message.seen, arrivedOn: message.arrivedOn)
        }
        folders[folder] = box
    }

    public func messages(in folder: String) -> [Message] { folders[folder]?.messages ?? [] }

    public func isSeen(_ folder: String, uid: UInt32) -> Bool? {
        folders[folder]?.messages.first { $0.uid == uid }?.seen
    }

    // MARK: - Mailbox

    public func state(of folder: String) throws(MailboxError) -> MailboxFolderState {
        let box = try enter("state \(folder)", folder)
        return MailboxFolderState(uidValidity: box.uidValidity, uidNext: box.nextUID, messages: UInt32(box.messages.count))
    }

    public func list(_ folder: String, uidValidity: UInt32, _ range: MailboxRange) throws(MailboxError) -> [MailboxEntry] {
        let box = try enter("list \(folder) \(range)", folder)
        guard box.uidValidity == uidValidity else { throw MailboxError(.uidValidityChanged, "\(folder) has UIDVALIDITY \(box.uidValidity)") }
        let found = switch range {
        case .uids(let first): box.messages.filter { $0.uid >= first }
        case .since(let day): box.messages.filter { $0.arrivedOn >= day }
        }
        return found.map { MailboxEntry(uid: $0.uid, size: $0.bytes.count) }
    }

    public func fetch(_ folder: String, uidValidity: UInt32, uids: [UInt32]) throws(MailboxError) -> [MailboxMessage] {
        let box = try enter("fetch \(folder) \(uids)", folder)
        guard box.uidValidity == uidValidity else { throw MailboxError(.uidValidityChanged, "\(folder) has UIDVALIDITY \(box.uidValidity)") }
        let wanted = Set(uids)
        return box.messages.filter { wanted.contains($0.uid) }.map { message in
            MailboxMessage(uid: message.uid, bytes: Array(message.bytes.prefix(maximumMessageBytes)), size: message.bytes.count)
        }
    }

    public func move(_ folder: String, uid: UInt32, to destination: String) throws(MailboxError) -> Bool {
        _ = try enter("move \(folder) \(uid) \(destination)", folder)
        guard supportsMove, let index = folders[folder]!.messages.firstIndex(where: { $0.uid == uid }) else { return supportsMove }
        let message = folders[folder]!.messages.remove(at: index)
        if folders[destination] == nil { addFolder(destination) }
        let newUID = folders[destination]!.nextUID
        folders[destination]!.nextUID += 1
        folders[destination]!.messages.append(Message(uid: newUID, bytes: message.bytes, seen: message.seen, arrivedOn: message.arrivedOn))
        return true
    }

    private func enter(_ call: String, _ folder: String) throws(MailboxError) -> Folder {
        calls.append(call)
        if let failure { throw failure }
        guard let box = folders[folder] else { throw MailboxError(.folderNotFound, "no folder \(folder)") }
        return box
    }
}

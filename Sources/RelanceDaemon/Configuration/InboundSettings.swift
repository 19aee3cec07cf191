/// How a creditor's mailbox is read and what its messages change: the extra keys of
/// `[creditors.ID.imap]` beside the server's.
public struct InboundSettings: Sendable, Hashable {
    /// Folders to poll, in order.
    public var folders: [String]
    /// Where our own bounces and auto-replies go once handled (IMAP MOVE); nil leaves them in place.
    public var moveHandledTo: String?
    /// Days a human reply pauses the customer; nil until a person resumes it.
    public var replyPauseDays: Int?
    /// Whether a reply that promises a payment date pauses the customer until that day.
    public var promisePauses: Bool
    /// Temporary bounces (full mailbox, refusals…) of one customer within `temporaryBounceDays`
    /// that open a call task.
    public var temporaryBouncesBeforeCall: Int
    public var temporaryBounceDays: Int
    /// A first poll (and a rescan after UIDVALIDITY changed) looks at this many days of mail, not the whole mailbox.
    public var lookBackDays: Int
    public var pollIntervalSeconds: Int
    /// A longer message is read cut to this size (its headers and first parts are what tell a
    /// bounce or a reply), so one huge attachment cannot exhaust memory. 25 MiB by default.
    public var maximumMessageBytes: Int

    public init(folders: [String] = ["INBOX"], moveHandledTo: String? = nil, replyPauseDays: Int? = 14,
                promisePauses: Bool = true, temporaryBouncesBeforeCall: Int = 3, temporaryBounceDays: Int = 30,
                lookBackDays: Int = 7, pollIntervalSeconds: Int = 120, maximumMessageBytes: Int = 25 << 20) {
        self.maximumMessageBytes = maximumMessageBytes
        self.folders = folders
        self.moveHandledTo = moveHandledTo
        self.replyPauseDays = replyPauseDays
        self.promisePauses = promisePauses
        self.temporaryBouncesBeforeCall = temporaryBouncesBeforeCall
        self.temporaryBounceDays = temporaryBounceDays
        self.lookBackDays = lookBackDays
        self.pollIntervalSeconds = pollIntervalSeconds
    }
}

/// The numbers a poller needs to know what is new in a mailbox.
public struct IMAPMailboxStatus: Sendable, Hashable {
    /// Changes when the server renumbers UIDs; every stored UID of this mailbox is then void.
    public let uidValidity: UInt32
    /// The UID the next message will get: messages with `UID >= uidNext` have not arrived yet.
    public let uidNext: UInt32
    /// Number of messages in the mailbox.
    public let messages: UInt32
    /// Number of messages without `\Seen`, when the server reported it (STATUS does; EXAMINE does not).
    public let unseen: UInt32?

    public init(uidValidity: UInt32, uidNext: UInt32, messages: UInt32, unseen: UInt32? = nil) {
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.messages = messages
        self.unseen = unseen
    }

    /// From the untagged responses of SELECT or EXAMINE (`* n EXISTS`, `* OK [UIDVALIDITY n]`,
    /// `* OK [UIDNEXT n]`); nil when one of the three is missing.
    public init?(selectResponses responses: [IMAPResponse]) {
        var validity: UInt32?
        var next: UInt32?
        var exists: UInt32?
        for response in responses {
            switch response {
            case .exists(let count): exists = count
            case .untaggedCondition(let condition):
                switch condition.code {
                case .uidValidity(let value): validity = value
                case .uidNext(let value): next = value
                default: break
                }
            default: break
            }
        }
        guard let validity, let next, let exists else { return nil }
        self.init(uidValidity: validity, uidNext: next, messages: exists)
    }

    /// From a `* STATUS` response asking for MESSAGES, UIDNEXT, UIDVALIDITY and UNSEEN.
    public init?(statusResponses responses: [IMAPResponse]) {
        for response in responses {
            guard case .status(_, let attributes) = response,
                  let validity = attributes["UIDVALIDITY"].flatMap(UInt32.init(exactly:)),
                  let next = attributes["UIDNEXT"].flatMap(UInt32.init(exactly:)),
                  let messages = attributes["MESSAGES"].flatMap(UInt32.init(exactly:))
            else { continue }
            self.init(
                uidValidity: validity, uidNext: next, messages: messages,
                unseen: attributes["UNSEEN"].flatMap(UInt32.init(exactly:)))
            return
        }
        return nil
    }
}

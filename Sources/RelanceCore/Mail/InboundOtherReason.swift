/// Why an inbound message tied to us was not understood (classified `other`), for its journal
/// line in the creditor's language. The classifier's own `reason` keeps the technical detail
/// (the parser's defects, the header that gave a list away) for the logs.
public enum InboundOtherReason: String, Sendable, Hashable, CaseIterable {
    /// Its MIME structure could not be read.
    case unreadable
    /// Cut short: larger than the poller reads, or its parts end early.
    case truncated
    /// Sent by a mailing list or its software (`List-Id`, `Precedence: list`, `X-Mailman-Version`…).
    case mailingList = "mailing-list"
    /// Neither text nor subject.
    case empty
}

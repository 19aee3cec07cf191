/// What the server answered to one recipient of a message, and whose problem a refusal is.
///
/// Only a refusal that says the address itself is wrong is evidence against the customer's
/// address (RFC 3463: X.1.1, X.1.2, X.1.3, X.1.6, X.2.1 in a permanent reply); every other
/// refusal is a passing condition or our own configuration, never the customer's fault.
public struct RecipientReply: Sendable, Hashable {
    public enum Verdict: String, Sendable, Hashable, CaseIterable {
        case accepted
        /// The server says this mailbox does not exist or is disabled: evidence for the ladder.
        case wrongAddress = "wrong-address"
        /// Refused for now (4xx, or a full mailbox): the same address may work later.
        case temporary
        /// Refused for good for a reason that says nothing about the address being wrong.
        case refused
        /// A policy or security refusal (X.7.x): our configuration or reputation, not the customer.
        case ourProblem = "our-problem"
    }

    public var address: String
    /// The reply as the server wrote it, e.g. `550 5.1.1 <x@y>: Recipient address rejected`.
    public var reply: String
    public var verdict: Verdict
    /// The creditor's archive address (`archive_bcc`), never a customer's: refused, it leaves
    /// crash recovery without evidence.
    public var isArchive: Bool

    public init(address: String, reply: String, verdict: Verdict, isArchive: Bool = false) {
        self.address = address
        self.reply = reply
        self.verdict = verdict
        self.isArchive = isArchive
    }
}

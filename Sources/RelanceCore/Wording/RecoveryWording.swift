/// The journal's lines about the outbox's own housekeeping — a crash's recovery, the Sent
/// folder's copy, a server refusing an address, the outbox paused for our configuration — the
/// retention purge and the bank's rematching, in the creditor's language (#13). A crash's evidence
/// and hold reason are facts worded here; a server's `reply` is quoted as it came.
public protocol RecoveryWording: Sendable {
    func messageSentBeforeInterruption(messageID: Int64, evidence: InterruptionEvidence) -> String
    func messageRequeuedAfterInterruption(messageID: Int64, evidence: InterruptionEvidence) -> String
    func messageHeldAfterInterruption(messageID: Int64, reason: InterruptionHoldReason) -> String
    /// What the evidence showed: `une copie portant le Message-ID <…> se trouve dans archive`.
    func interruptionEvidence(_ evidence: InterruptionEvidence) -> String
    /// Why the message is held: `aucune source de preuve n'est configurée : …`.
    func interruptionHoldReason(_ reason: InterruptionHoldReason) -> String
    /// The review-message task's title.
    func checkHeldMessageTitle(messageID: Int64, recipients: [String]) -> String
    func messageCopiedToSent(messageID: Int64, folder: String) -> String
    func addressRefusedByServer(address: String, role: String?, messageID: Int64, reply: String) -> String
    /// The fix-configuration task's title when sending pauses on our own fault.
    func outboxPausedTitle(creditor: String, reason: String) -> String
    func retentionPurged(messages: Int, inbound: Int, bankEntries: Int, customers: Int, events: Int, documents: Int) -> String
    func bankReceiptsRematched(_ count: Int) -> String
}

/// The life of an outgoing message. Every transition is recorded as an event.
///
///     queued → sending → sent
///                 ↘ retry → sending …   (temporary failure)
///                 ↘ failed              (permanent failure)
///     sending (found after a crash) → held   (a person decides: no blind resend)
///     queued/retry → cancelled              (paid, paused… before it went out)
///     awaiting-approval → queued | cancelled  (review mode: a person approves or skips it)
public enum OutboxState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Planned while the creditor is in review mode: stored, never tried until a person approves it.
    case awaitingApproval = "awaiting-approval"
    case queued
    case sending
    case sent
    case retry
    case failed
    case held
    case cancelled
}

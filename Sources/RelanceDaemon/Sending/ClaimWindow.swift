import RelanceCore

/// How long a daemon may hand over a message it claimed on a shared book.
///
/// A claim lasts `lifetime` by the database's clock; past it another daemon takes the message
/// over and, finding no copy in the archive, sends it again. So a daemon stopped (SIGSTOP), starved
/// or pacing past its claim must not finish sending it when it wakes: each message carries the
/// moment after which its content may no longer leave (`OutboxMessage.handOverDeadline`), `margin`
/// before the claim lapses, so that the server has taken it (and the archive got its copy) by then.
/// The moment is counted on this process's monotonic clock from just before the claim was asked,
/// never later than the database's own start of the claim.
public struct ClaimWindow: Sendable, Hashable {
    public let lifetime: Duration
    public let margin: Duration

    /// A quarter of the claim, at most 30 s, is kept for the server's answer and the archive's copy.
    public init(lifetime: Duration) {
        self.lifetime = lifetime
        margin = min(lifetime / 4, .seconds(30))
    }

    /// Runs a claim and gives each message it returns its hand-over deadline.
    func stamp(_ claim: () async throws -> [OutboxMessage]) async throws -> [OutboxMessage] {
        let asked = ContinuousClock.now
        var claimed = try await claim()
        for index in claimed.indices { claimed[index].handOverDeadline = asked + lifetime - margin }
        return claimed
    }
}

extension Optional where Wrapped == ClaimWindow {
    /// A claim stamped by the window when there is one (a shared book), as it came otherwise.
    func stamp(_ claim: () async throws -> [OutboxMessage]) async throws -> [OutboxMessage] {
        guard let window = self else { return try await claim() }
        return try await window.stamp(claim)
    }
}

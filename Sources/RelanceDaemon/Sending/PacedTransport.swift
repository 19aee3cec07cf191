import Foundation
public import RelanceCore

/// A creditor's rate limit (`max_messages_per_minute`): attempts are spaced evenly, so a
/// provider that counts per minute never sees a burst, whatever the number of connections.
public actor PacedTransport: MailTransport {
    private let base: any MailTransport
    private let interval: Duration
    private var nextSlot = ContinuousClock.now

    public init(_ base: any MailTransport, messagesPerMinute: Int) {
        self.base = base
        interval = .milliseconds(60_000 / max(1, messagesPerMinute))
    }

    public func deliver(_ message: OutboxMessage) async -> DeliveryOutcome {
        // The slot is taken when the caller is actually awake: callers whose sleeps end late
        // together (a busy machine) still go one interval apart, never in a burst.
        while ContinuousClock.now < nextSlot {
            try? await Task.sleep(until: nextSlot, clock: .continuous)
        }
        // The wait may have outlasted the daemon's claim on the message (a slow pace, a paused
        // process): it goes back untried, and the slot stays free for the next one.
        if message.claimHasLapsed { return .claimLapsed }
        nextSlot = ContinuousClock.now + interval
        return await base.deliver(message)
    }
}

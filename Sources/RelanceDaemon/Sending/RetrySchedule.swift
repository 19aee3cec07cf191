public import Foundation

/// When to try a temporary failure again: exponential backoff with jitter, so that many
/// messages refused at once by a busy server do not all come back in the same second.
public struct RetrySchedule: Sendable, Hashable {
    public var firstDelay: TimeInterval
    public var maximumDelay: TimeInterval
    /// Past this age (since the first attempt) a message stops retrying and becomes a failure.
    public var maximumAge: TimeInterval

    public init(firstDelay: TimeInterval = 300, maximumDelay: TimeInterval = 6 * 3600, maximumAge: TimeInterval = 3 * 86400) {
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.maximumAge = maximumAge
    }

    /// The next attempt after `attempts` failed ones, or nil when the message is too old to retry.
    /// `jitter` is in 0..<1 (random in production, fixed in tests); it spreads the delay over ±20%.
    public func nextAttempt(after attempts: Int, firstAttempt: Date, now: Date, jitter: Double) -> Date? {
        let exponent = Double(max(0, attempts - 1))
        let base = min(maximumDelay, firstDelay * pow(2, exponent))
        let delay = base * (0.8 + 0.4 * jitter)
        let next = now.addingTimeInterval(delay)
        return next.timeIntervalSince(firstAttempt) > maximumAge ? nil : next
    }
}

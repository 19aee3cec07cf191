public import Foundation

/// The time, behind a port: `relance run --now` and the tests fix it; nothing else reads the clock.
public protocol WallClock: Sendable {
    func now() -> Date
}

public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that starts at a fixed instant and moves forward with real time, so that a
/// demo or a test run with `--now` still sees retries and delays elapse.
public struct FixedStartWallClock: WallClock {
    public let start: Date
    private let origin = Date()

    public init(start: Date) { self.start = start }

    public func now() -> Date { start.addingTimeInterval(Date().timeIntervalSince(origin)) }
}

extension CivilDate {
    /// The calendar date of `instant` in `timeZone` (the creditor's: all legal dates are local).
    public init(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self = CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

public import Foundation
public import RelanceCore

/// A clock that moves only when the test says so.
public final class ManualWallClock: WallClock, @unchecked Sendable {
    // @unchecked: `current` is guarded by `lock`.
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    /// An instant given as ISO 8601, e.g. `2026-11-30T10:00:00+01:00`.
    public convenience init(_ iso8601: String) {
        self.init(try! Date(iso8601, strategy: .iso8601))
    }

    public func now() -> Date { lock.withLock { current } }

    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }

    public func set(to instant: Date) { lock.withLock { current = instant } }
}

@testable import RelanceDaemon
import Testing

/// How long a failing service waits before its next tick: a repeated failure doubles the
/// interval; a store that cannot be reached for the moment is tried again within seconds.
@Suite struct ServiceBackoffTests {
    @Test func aRepeatedFailureDoublesTheIntervalUpToAnHour() {
        #expect(ServiceLoop.wait(afterFailures: 0, interval: .seconds(60), outage: false) == .seconds(60))
        #expect(ServiceLoop.wait(afterFailures: 1, interval: .seconds(60), outage: false) == .seconds(120))
        #expect(ServiceLoop.wait(afterFailures: 3, interval: .seconds(60), outage: false) == .seconds(480))
        #expect(ServiceLoop.wait(afterFailures: 40, interval: .seconds(300), outage: false) == .seconds(3600))
    }

    @Test func aStoreOutageIsTriedAgainWithinSecondsNeverLaterThanTheInterval() {
        // The planner (5 min) after PostgreSQL went away: 1, 2, 4… s, at most 30 s.
        #expect((1...8).map { ServiceLoop.wait(afterFailures: $0, interval: .seconds(300), outage: true) }
                == [1, 2, 4, 8, 16, 30, 30, 30].map { .seconds($0) })
        // The heartbeat (10 s) never waits longer than its interval.
        #expect(ServiceLoop.wait(afterFailures: 5, interval: .seconds(10), outage: true) == .seconds(10))
        #expect(ServiceLoop.wait(afterFailures: 0, interval: .seconds(10), outage: true) == .seconds(10))
    }
}

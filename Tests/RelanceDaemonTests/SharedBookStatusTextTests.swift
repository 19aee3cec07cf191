import Foundation
import RelancePostgres
@testable import RelanceDaemon
import Testing

/// The operator's view of a shared book: alive and silent daemons, held and free leases, claims
/// past their lease — every age on the database's clock, hostile names made printable.
@Suite struct SharedBookStatusTextTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    static func daemon(_ id: String, host: String = "db1", beatSecondsAgo: TimeInterval) -> DaemonHeartbeat {
        DaemonHeartbeat(id: id, host: host, pid: 4242, version: "1.2.0", startedAt: now.addingTimeInterval(-7_200),
                        heartbeatAt: now.addingTimeInterval(-beatSecondsAgo))
    }

    @Test func aliveAndSilentDaemonsHeldAndFreeLeasesAndExpiredClaims() {
        let status = SharedBookStatus(
            databaseNow: Self.now,
            daemons: [Self.daemon("a:1:f", beatSecondsAgo: 3), Self.daemon("b:2:e", host: "db2", beatSecondsAgo: 185)],
            leases: [.init(name: "intake:acme", holder: "a:1:f", token: 7, acquiredAt: Self.now.addingTimeInterval(-20),
                           expiresAt: Self.now.addingTimeInterval(40)),
                     .init(name: "digest:acme", holder: "b:2:e", token: 3, acquiredAt: Self.now.addingTimeInterval(-4_000),
                           expiresAt: Self.now.addingTimeInterval(-3_700))],
            claims: ["a:1:f": .init(live: 32, expired: 0), "b:2:e": .init(live: 0, expired: 5)])
        let lines = SharedBookStatusText.lines(status)
        #expect(lines.first?.hasPrefix("Daemons sharing this book (by PostgreSQL's clock, ") == true)
        #expect(lines.contains { $0.contains("a:1:f: host db1, pid 4242, version 1.2.0") && $0.hasSuffix("last heartbeat 3 s ago — alive") })
        #expect(lines.contains { $0.contains("b:2:e: host db2") && $0.hasSuffix("last heartbeat 3 min 5 s ago — SILENT for 3 min 5 s") })
        #expect(lines.contains("  intake:acme: held by a:1:f for 40 s more, token 7"))
        #expect(lines.contains("  digest:acme: free (last held by b:2:e, expired 1 h 1 min ago), token 3"))
        #expect(lines.contains("  a:1:f: 32 claimed"))
        #expect(lines.contains { $0.hasPrefix("  b:2:e: 0 claimed, 5 past their claim") })
    }

    @Test func anEmptyBookSaysSoAndAHostileHostNameStaysOnItsLine() {
        let empty = SharedBookStatusText.lines(SharedBookStatus(databaseNow: Self.now, daemons: [], leases: [], claims: [:]))
        #expect(empty.contains("  none has run on this database yet") && empty.contains("  none taken yet"))
        #expect(!empty.contains("Messages being sent:"))
        let hostile = SharedBookStatusText.lines(SharedBookStatus(
            databaseNow: Self.now, daemons: [Self.daemon("x:1:a", host: "evil\nLeases:\n  forged", beatSecondsAgo: 0)], leases: [], claims: [:]))
        #expect(hostile.allSatisfy { !$0.contains("\n") })
    }

    @Test func agesReadAtTheirScale() {
        #expect(SharedBookStatusText.age(0) == "0 s")
        #expect(SharedBookStatusText.age(59.4) == "59 s")
        #expect(SharedBookStatusText.age(61) == "1 min 1 s")
        #expect(SharedBookStatusText.age(7_260) == "2 h 1 min")
        #expect(SharedBookStatusText.age(2 * 86_400 + 3 * 3_600 + 50) == "2 d 3 h")
        #expect(SharedBookStatusText.age(-5) == "0 s")
    }
}

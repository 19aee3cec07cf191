import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceTesting

/// Mail leaves only inside the creditor's send window: business days, its hours, its time zone.
/// Work outside it waits for the next opening; nothing is dropped.
@Suite struct SendWindowTests {
    @Test func aReminderQueuedInTheEveningLeavesTheNextBusinessMorning() async throws {
        let fixture = try DaemonFixture(extraCreditorSettings: "send_window = \"09:00-17:00\"")
        // Friday 4 December 2026, 18:30 in Paris.
        fixture.clock.set(to: try Date("2026-12-04T18:30:00+01:00", strategy: .iso8601))
        try fixture.drop("open.csv", DaemonFixture.csv("C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;100,00"))
        let runtime = try fixture.runtime()
        let evening = try await runtime.runOnce()
        #expect(evening.sending.sent == 0)
        let opening = try #require(evening.sending.outsideWindow[CreditorID("acme")!])
        #expect(opening == (try Date("2026-12-07T09:00:00+01:00", strategy: .iso8601)))   // Monday morning
        #expect(try await runtime.store.outboxCounts() == [.queued: 1])

        fixture.clock.set(to: try Date("2026-12-05T11:00:00+01:00", strategy: .iso8601))   // Saturday
        #expect(try await runtime.drainer.drain().sent == 0)
        fixture.clock.set(to: try Date("2026-12-07T09:00:00+01:00", strategy: .iso8601))
        #expect(try await runtime.drainer.drain().sent == 1)
    }

    @Test func aBadWindowIsRefusedWithTheKey() throws {
        #expect {
            _ = try ConfigurationLoader.parse("""
                [creditors.acme]
                legal_name = "A"
                sender = "a@acme.example"
                send_window = "17:00-09:00"
                """, file: URL(fileURLWithPath: "/etc/relance/relance.toml"))
        } throws: { error in
            (error as? ConfigurationError)?.key == "creditors.acme.send_window"
        }
    }
}

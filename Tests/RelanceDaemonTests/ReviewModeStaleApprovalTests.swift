import Foundation
import RelanceCore
import RelanceDaemon
import RelanceTesting
import Testing

/// Review mode (#14): a reminder left awaiting approval is never offered with yesterday's
/// figures — the next planning day withdraws it and writes the same step again, today's days
/// late in it.
@Suite struct ReviewModeStaleApprovalTests {
    @Test func theNextDaysPlanWritesAnUnapprovedReminderAgainWithTodaysFigures() async throws {
        let fixture = try DaemonFixture(active: false)
        defer { withExtendedLifetime(fixture) {} }
        try fixture.drop("open.csv", DaemonFixture.csv("C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;1200,00"))
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        let creditor = try #require(runtime.creditors.first)
        _ = try await creditor.intake.scan()

        let first = try await creditor.scheduler.run(on: CivilDate(iso8601: "2026-11-30")!, at: runtime.clock.now())
        let firstID = try #require(first.awaitingApproval.first)
        let again = try await creditor.scheduler.run(on: CivilDate(iso8601: "2026-11-30")!, at: runtime.clock.now())
        #expect(again.awaitingApproval.isEmpty, "the same day: still the one awaiting")

        let next = try await creditor.scheduler.run(on: CivilDate(iso8601: "2026-12-01")!, at: runtime.clock.now())
        let nextID = try #require(next.awaitingApproval.first)
        #expect(nextID != firstID)
        let waiting = try await runtime.store.messagesToReview(of: creditor.configuration.id)
        #expect(waiting.map(\.id) == [nextID])
        let text = String(decoding: try #require(waiting.first).raw, as: UTF8.self)
        #expect(text.contains("47 jours") || text.contains("47 days"), "the days late of 1 December, not of 30 November")
        let journal = try await runtime.store.recentEvents(of: creditor.configuration.id, limit: 50).map(\.event)
        #expect(journal.contains { $0.kind == "message.cancelled" && $0.messageID == firstID })
    }
}

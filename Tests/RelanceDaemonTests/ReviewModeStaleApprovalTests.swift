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

    /// A creditor switched from review mode to active: what review mode left awaiting is not left
    /// waiting for ever (a customer with a message awaiting is not planned) — the next planning day
    /// withdraws it and queues the same step with that day's figures, to leave by itself.
    @Test func aCreditorMadeActiveSendsTheNextDayWhatReviewModeLeftAwaiting() async throws {
        let fixture = try DaemonFixture(active: false)
        defer { withExtendedLifetime(fixture) {} }
        try fixture.drop("open.csv", DaemonFixture.csv("C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;1200,00"))
        let review = try fixture.runtime()
        try await review.prepare()
        let reviewing = try #require(review.creditors.first)
        _ = try await reviewing.intake.scan()
        let firstID = try #require(try await reviewing.scheduler.run(on: CivilDate(iso8601: "2026-11-30")!, at: review.clock.now())
            .awaitingApproval.first)

        let toml = try String(contentsOf: fixture.workspace.url("relance.toml"), encoding: .utf8)
        try fixture.workspace.write("relance.toml", toml.replacingOccurrences(of: "active = false", with: "active = true"))
        let active = try fixture.runtime()
        try await active.prepare()
        let creditor = try #require(active.creditors.first)

        let sameDay = try await creditor.scheduler.run(on: CivilDate(iso8601: "2026-11-30")!, at: active.clock.now())
        #expect(sameDay.queued.isEmpty, "written today, it still speaks for today: a person may approve it")
        #expect(try await active.store.messagesToReview(of: creditor.configuration.id).map(\.id) == [firstID])

        let next = try await creditor.scheduler.run(on: CivilDate(iso8601: "2026-12-01")!, at: active.clock.now())
        #expect(next.awaitingApproval.isEmpty)
        #expect(next.queued.count == 1, "the same step, queued to leave by itself")
        #expect(try await active.store.messagesToReview(of: creditor.configuration.id).isEmpty)
        let journal = try await active.store.recentEvents(of: creditor.configuration.id, limit: 50).map(\.event)
        #expect(journal.contains { $0.kind == "message.cancelled" && $0.messageID == firstID })
    }
}

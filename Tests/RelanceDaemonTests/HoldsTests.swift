import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceTesting

/// What people and the mailbox record — pauses, disputes, invalid addresses, review mode —
/// holds the reminders back, each with its reason.
@Suite struct HoldsTests {
    static let acme = CreditorID("acme")!
    static let monday = CivilDate(iso8601: "2026-11-30")!

    private func fixtureWithTwoCustomers() async throws -> (DaemonFixture, RelanceRuntime, RelanceRuntime.CreditorRuntime) {
        let fixture = try DaemonFixture()
        try fixture.drop("open.csv", DaemonFixture.csv(
            "C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;100,00",
            "C1;Client Un;compta@un.example;F-101;15/09/2026;15/10/2026;50,00",
            "C2;Client Deux;compta@deux.example;F-200;15/09/2026;15/10/2026;300,00"))
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        let creditor = try #require(runtime.creditors.first)
        _ = try await creditor.intake.scan()
        return (fixture, runtime, creditor)
    }

    @Test func aPausedCustomerIsHeldWithTheReasonAndTheOthersGoOn() async throws {
        let (fixture, runtime, creditor) = try await fixtureWithTwoCustomers()
        defer { withExtendedLifetime(fixture) {} }
        let c1 = try #require(try await runtime.store.customerID(external: "C1", of: Self.acme))
        _ = try await runtime.store.holdCustomer(c1, kind: .promise, until: CivilDate(iso8601: "2026-12-10"), reason: "promised to pay on 10 December", at: runtime.clock.now())
        let plan = try await creditor.scheduler.plan(on: Self.monday)
        #expect(plan.contacts.map(\.customer.externalID) == ["C2"])
        #expect(plan.decisions.contains { $0.customer == "C1" && $0.reason.contains("promis de payer au plus tard le 10/12/2026") })
        // A promise counts as broken only on a snapshot dated after the promised day: the same
        // export, still unpaid, as of 11 December.
        fixture.clock.advance(by: 11 * 86_400)
        try fixture.drop("again.csv", "Balance au 11/12/2026\n" + DaemonFixture.csv(
            "C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;100,00",
            "C1;Client Un;compta@un.example;F-101;15/09/2026;15/10/2026;50,00",
            "C2;Client Deux;compta@deux.example;F-200;15/09/2026;15/10/2026;300,00"))
        _ = try await creditor.intake.scan()
        let later = try await creditor.scheduler.plan(on: CivilDate(iso8601: "2026-12-11")!)
        #expect(later.contacts.map(\.customer.externalID).contains("C1"))
    }

    @Test func aDisputedInvoiceIsFrozenAloneAndAQueuedMessageForItIsCancelled() async throws {
        let (fixture, runtime, creditor) = try await fixtureWithTwoCustomers()
        defer { withExtendedLifetime(fixture) {} }
        let receivables = try await runtime.store.openReceivables(of: Self.acme)
        let f100 = try #require(receivables.first { $0.number == "F-100" })
        _ = try await creditor.scheduler.run(on: Self.monday, at: runtime.clock.now())
        try await runtime.store.markDisputed(invoiceID: f100.invoiceID, reason: "goods returned", at: runtime.clock.now())
        let sending = try await runtime.drainer.drain()
        #expect(sending.sent == 1)   // C2's reminder; C1's spoke of the disputed invoice
        #expect(try await runtime.store.outboxCounts() == [.sent: 1, .cancelled: 1])
        // Planned again, C1's reminder claims only the undisputed invoice.
        let plan = try await creditor.scheduler.plan(on: Self.monday)
        #expect(plan.decisions.contains { $0.invoice == "F-100" && $0.reason.contains("contestée") })
        #expect(plan.contacts.first { $0.customer.externalID == "C1" }?.invoices.map(\.receivable.number) == ["F-101"])
    }

    @Test func aLastingHoldIsJournaledWhenItStartsOrChangesNotEveryDay() async throws {
        let (fixture, runtime, creditor) = try await fixtureWithTwoCustomers()
        defer { withExtendedLifetime(fixture) {} }
        let c1 = try #require(try await runtime.store.customerID(external: "C1", of: Self.acme))
        _ = try await runtime.store.holdCustomer(c1, kind: .manual, until: nil, reason: "lawyer's request", at: runtime.clock.now())
        func heldEvents() async throws -> Int {
            try await runtime.store.events(of: Self.acme, kinds: ["plan.held"], since: .distantPast)
                .filter { $0.event.detail["customer"] == "C1" }.count
        }
        _ = try await creditor.scheduler.run(on: Self.monday, at: runtime.clock.now())
        fixture.clock.advance(by: 86_400)
        _ = try await creditor.scheduler.run(on: CivilDate(iso8601: "2026-12-01")!, at: runtime.clock.now())
        #expect(try await heldEvents() == 1)
        // Journaled in the creditor's language (French here), the plan's reason inside it.
        let held = try await runtime.store.events(of: Self.acme, kinds: ["plan.held"], since: .distantPast)
        #expect(held.first?.event.summary.hasPrefix("Client C1 non contacté le 30/11/2026 : ") == true, "\(held)")
        try await runtime.store.resumeCustomer(c1, kinds: nil, reason: "done", at: runtime.clock.now())
        _ = try await runtime.store.holdCustomer(c1, kind: .complaint, until: nil, reason: "spam complaint", at: runtime.clock.now())
        fixture.clock.advance(by: 86_400)
        _ = try await creditor.scheduler.run(on: CivilDate(iso8601: "2026-12-02")!, at: runtime.clock.now())
        #expect(try await heldEvents() == 2)
    }

    @Test func anInvalidAddressIsNotWrittenTo() async throws {
        let (fixture, runtime, creditor) = try await fixtureWithTwoCustomers()
        defer { withExtendedLifetime(fixture) {} }
        _ = try await runtime.store.markAddressInvalid(EmailAddress("compta@un.example")!, of: Self.acme,
                                                       reason: "550 5.1.1 user unknown", evidence: nil, at: runtime.clock.now())
        let plan = try await creditor.scheduler.plan(on: Self.monday)
        #expect(plan.contacts.map(\.customer.externalID) == ["C2"])
        #expect(plan.decisions.contains { $0.customer == "C1" && $0.reason.contains("se fait par téléphone") })
    }

    @Test func aPausedCreditorSendsNothingAndReviewModeWritesForReview() async throws {
        let (fixture, runtime, creditor) = try await fixtureWithTwoCustomers()
        try await runtime.store.setCreditorState(CreditorStoredState(paused: true, pauseReason: "year-end audit"),
                                                 of: Self.acme, reason: "test", at: runtime.clock.now())
        let paused = try await creditor.scheduler.run(on: Self.monday, at: runtime.clock.now())
        #expect(paused.queued.isEmpty)
        #expect(paused.plan.decisions.contains { $0.reason.contains("en pause jusqu'à `relance resume` (year-end audit)") })

        try await runtime.store.setCreditorState(CreditorStoredState(active: false), of: Self.acme, reason: "test", at: runtime.clock.now())
        let review = try await creditor.scheduler.run(on: Self.monday, at: runtime.clock.now())
        #expect(!review.active)
        #expect(review.queued.isEmpty)
        #expect(fixture.workspace.files(in: "review/acme/2026-11-30").count == 2)
    }
}

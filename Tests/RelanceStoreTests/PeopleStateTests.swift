import Foundation
import Testing
import RelanceCore
import RelanceStore

@Suite struct PeopleStateTests {
    typealias F = StoreFixtures

    private func storeWithCustomer() async throws -> (AppDatabase, Receivable) {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100), F.item("F-2", open: 50)]), at: F.time)
        return (store, try #require(try await store.openReceivables(of: F.creditor).first))
    }

    @Test func oneOpenTaskPerDedupKeyWhateverTheNumberOfBounces() async throws {
        let (store, receivable) = try await storeWithCustomer()
        let task = NewTask(creditor: F.creditor, customerID: receivable.customer.id, kind: .call,
                           title: "Call Client C001: the address bounced", dedupKey: "wrong-address:C001",
                           invoiceIDs: [receivable.invoiceID])
        let first = try await store.openTask(task, at: F.time)
        let second = try await store.openTask(task, at: F.time)
        #expect(first.isNew && !second.isNew && first.id == second.id)
        #expect(try await store.tasks(of: F.creditor, state: .open).map(\.invoiceIDs) == [[receivable.invoiceID]])

        func close(_ outcome: TaskOutcome) async throws {
            try #require(try await F.recordOutcome(outcome, on: first.id, in: store) != nil)
        }
        try await close(.promisedToPay(on: F.date("2026-12-15")))
        let closed = try #require(try await store.tasks(of: F.creditor, state: .done).first)
        #expect(closed.outcome == .promisedToPay(on: F.date("2026-12-15")))
        await #expect(throws: TaskOutcomeError.self) { try await close(.paid()) }
        // Once closed, a new bounce may open a new call.
        #expect(try await store.openTask(task, at: F.time).isNew)
    }

    @Test func anInvalidAddressIsRecordedOnceAndClearedByCommand() async throws {
        let (store, _) = try await storeWithCustomer()
        let address = EmailAddress("compta@client.example")!
        #expect(try await store.markAddressInvalid(address, of: F.creditor, reason: "550 5.1.1 user unknown", evidence: "bounce", at: F.time))
        #expect(!(try await store.markAddressInvalid(address, of: F.creditor, reason: "again", evidence: nil, at: F.time)))
        #expect(try await store.invalidAddresses(of: F.creditor).map(\.address) == [address])
        try await store.clearInvalidAddress(address, of: F.creditor, reason: "checked by phone", at: F.time)
        #expect(try await store.invalidAddresses(of: F.creditor).isEmpty)
    }

    @Test func holdsApplyUntilTheirDayAndResumeReleasesThem() async throws {
        let (store, receivable) = try await storeWithCustomer()
        _ = try await store.holdCustomer(receivable.customer.id, kind: .away, until: F.date("2026-12-04"),
                                         reason: "out of office until 4 December", at: F.time)
        _ = try await store.holdCustomer(receivable.customer.id, kind: .reply, until: nil, reason: "a reply to read", at: F.time)
        let holds = try await store.liveHolds(of: F.creditor)
        #expect(holds.count == 2)
        #expect(holds[0].applies(on: F.date("2026-12-04")) && !holds[0].applies(on: F.date("2026-12-05")))
        try await store.resumeCustomer(receivable.customer.id, kinds: [.reply], reason: "reply read", at: F.time)
        #expect(try await store.liveHolds(of: F.creditor).map(\.kind) == [.away])
    }

    /// Through the one outcome path (#13): `dispute` on a call freezes the invoice,
    /// `dispute-resolved` on the same task, closed since, releases it.
    @Test func aDisputeFreezesOneInvoice() async throws {
        let (store, receivable) = try await storeWithCustomer()
        let task = try await store.openTask(NewTask(creditor: F.creditor, customerID: receivable.customer.id, kind: .call, title: "Call",
                                                    dedupKey: "test-call", invoiceIDs: [receivable.invoiceID]), at: F.time).id
        _ = try await F.recordOutcome(.dispute(invoices: [receivable.number], reason: "goods returned"), on: task, in: store)
        #expect(try await store.disputedInvoices(of: F.creditor) == [receivable.invoiceID])
        _ = try await F.recordOutcome(.disputeResolved(invoices: [receivable.number], note: "credit note issued"), on: task, in: store)
        #expect(try await store.disputedInvoices(of: F.creditor).isEmpty)
    }

    @Test func creditorStateOverridesTheConfigurationOnlyWhenSet() async throws {
        let store = try await F.freshStore()
        #expect(try await store.creditorState(F.creditor) == CreditorStoredState())
        try await store.setCreditorState(CreditorStoredState(active: true, paused: true, pausedUntil: F.date("2026-12-31"), pauseReason: "audit"),
                                         of: F.creditor, reason: "relance creditor activate", at: F.time)
        let state = try await store.creditorState(F.creditor)
        #expect(state.active == true && state.paused && state.pausedUntil == F.date("2026-12-31"))
    }
}

import Foundation
import Testing
import RelanceCore
import RelanceStore

/// Tasks, holds, invalid addresses, disputes and the creditor's state, on both stores.
@Suite struct PeopleStateTests {
    typealias F = StoreFixtures

    private func seeded(_ book: any BookUnderTest) async throws -> SeededInvoice {
        try #require(try await book.seed([F.item("F-1", open: 100), F.item("F-2", open: 50)]).first)
    }

    @Test(arguments: StoreBackend.all)
    func oneOpenTaskPerDedupKeyWhateverTheNumberOfBounces(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivable = try await seeded(book)
            let task = NewTask(creditor: F.creditor, customerID: receivable.customerID, kind: .call,
                               title: "Call Client C001: the address bounced", dedupKey: "wrong-address:C001",
                               invoiceIDs: [receivable.invoiceID])
            let first = try await book.taskStore.openTask(task, at: F.time)
            let second = try await book.taskStore.openTask(task, at: F.time)
            #expect(first.isNew && !second.isNew && first.id == second.id)
            #expect(try await book.taskStore.tasks(of: F.creditor, state: .open).map(\.invoiceIDs) == [[receivable.invoiceID]])

            func close(_ outcome: TaskOutcome) async throws {
                try #require(try await book.record(outcome, on: first.id) != nil)
            }
            try await close(.promisedToPay(on: F.date("2026-12-15")))
            let closed = try #require(try await book.taskStore.tasks(of: F.creditor, state: .done).first)
            #expect(closed.outcome == .promisedToPay(on: F.date("2026-12-15")))
            await #expect(throws: TaskOutcomeError.self) { try await close(.paid()) }
            // Once closed, a new bounce may open a new call.
            #expect(try await book.taskStore.openTask(task, at: F.time).isNew)
        }
    }

    @Test(arguments: StoreBackend.all)
    func anInvalidAddressIsRecordedOnceAndClearedByCommand(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            _ = try await seeded(book)
            let address = EmailAddress("compta@client.example")!
            #expect(try await book.people.markAddressInvalid(address, of: F.creditor, reason: "550 5.1.1 user unknown", evidence: "bounce", at: F.time))
            #expect(!(try await book.people.markAddressInvalid(address, of: F.creditor, reason: "again", evidence: nil, at: F.time)))
            #expect(try await book.people.invalidAddresses(of: F.creditor).map(\.address) == [address])
            try await book.people.clearInvalidAddress(address, of: F.creditor, reason: "checked by phone", at: F.time)
            #expect(try await book.people.invalidAddresses(of: F.creditor).isEmpty)
            let journal = try await book.journal.events(of: F.creditor, kinds: ["address.invalid", "address.cleared"], since: .distantPast)
            #expect(journal.map(\.event.kind) == ["address.invalid", "address.cleared"])
        }
    }

    @Test(arguments: StoreBackend.all)
    func holdsApplyUntilTheirDayAndResumeReleasesThem(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivable = try await seeded(book)
            _ = try await book.people.holdCustomer(receivable.customerID, kind: .away, until: F.date("2026-12-04"),
                                                   reason: "out of office until 4 December", at: F.time)
            _ = try await book.people.holdCustomer(receivable.customerID, kind: .reply, until: nil, reason: "a reply to read", at: F.time)
            let holds = try await book.people.liveHolds(of: F.creditor)
            #expect(holds.count == 2)
            #expect(holds[0].applies(on: F.date("2026-12-04")) && !holds[0].applies(on: F.date("2026-12-05")))
            try await book.people.resumeCustomer(receivable.customerID, kinds: [.reply], reason: "reply read", at: F.time)
            #expect(try await book.people.liveHolds(of: F.creditor).map(\.kind) == [.away])
            // Nothing left of that kind: nothing released, nothing journaled.
            try await book.people.resumeCustomer(receivable.customerID, kinds: [.reply], reason: "again", at: F.time)
            let resumed = try await book.journal.events(of: F.creditor, kinds: ["customer.resumed"], since: .distantPast)
            #expect(resumed.count == 1)
        }
    }

    /// Through the one outcome path (#13): `dispute` on a call freezes the invoice,
    /// `dispute-resolved` on the same task, closed since, releases it.
    @Test(arguments: StoreBackend.all)
    func aDisputeFreezesOneInvoice(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivable = try await seeded(book)
            let task = try await book.taskStore.openTask(NewTask(creditor: F.creditor, customerID: receivable.customerID, kind: .call,
                                                                 title: "Call", dedupKey: "test-call", invoiceIDs: [receivable.invoiceID]),
                                                         at: F.time).id
            try await book.record(.dispute(invoices: [receivable.number], reason: "goods returned"), on: task)
            #expect(try await book.people.disputedInvoices(of: F.creditor) == [receivable.invoiceID])
            try await book.record(.disputeResolved(invoices: [receivable.number], note: "credit note issued"), on: task)
            #expect(try await book.people.disputedInvoices(of: F.creditor).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all)
    func creditorStateOverridesTheConfigurationOnlyWhenSet(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            #expect(try await book.people.creditorState(F.creditor) == CreditorStoredState())
            try await book.people.setCreditorState(CreditorStoredState(active: true, paused: true, pausedUntil: F.date("2026-12-31"),
                                                                       pauseReason: "audit"),
                                                   of: F.creditor, reason: "relance creditor activate", at: F.time)
            let state = try await book.people.creditorState(F.creditor)
            #expect(state == CreditorStoredState(active: true, paused: true, pausedUntil: F.date("2026-12-31"), pauseReason: "audit"))
            try await book.people.setCreditorState(CreditorStoredState(active: false), of: F.creditor, reason: "review", at: F.time)
            #expect(try await book.people.creditorState(F.creditor) == CreditorStoredState(active: false))
        }
    }

    @Test(arguments: StoreBackend.all)
    func aCustomerIsFoundByItsCodeInItsCreditorsBooks(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivable = try await seeded(book)
            #expect(try await book.people.customerID(external: "C001", of: F.creditor) == receivable.customerID)
            #expect(try await book.people.customerID(external: "C404", of: F.creditor) == nil)
        }
    }

    /// A person's do-not-remind: set, replaced, removed, each journaled; removing none is "not found".
    @Test(arguments: StoreBackend.all)
    func aDoNotRemindIsSetReplacedAndRemovedByAPerson(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivable = try await seeded(book)
            try await book.doNotRemind.setDoNotRemind(customerID: receivable.customerID, reason: "in receivership", by: "marie", at: F.time)
            try await book.doNotRemind.setDoNotRemind(customerID: receivable.customerID, reason: "  paid by the guarantor ", by: "paul", at: F.time)
            let set = try #require(try await book.doNotRemind.doNotRemind(customerID: receivable.customerID))
            #expect(set.reason == "paid by the guarantor" && set.setBy == "paul" && set.setAt == F.time)
            await #expect(throws: (any Error).self) {
                try await book.doNotRemind.setDoNotRemind(customerID: receivable.customerID, reason: "two\nlines", by: "paul", at: F.time)
            }
            try await book.doNotRemind.removeDoNotRemind(customerID: receivable.customerID, by: "marie", at: F.time)
            #expect(try await book.doNotRemind.doNotRemind(customerID: receivable.customerID) == nil)
            do {
                try await book.doNotRemind.removeDoNotRemind(customerID: receivable.customerID, by: "marie", at: F.time)
                Issue.record("removing a do-not-remind that is not there succeeded")
            } catch {
                #expect(book.isNotFound(error), "\(error)")
            }
            let journal = try await book.journal.events(of: F.creditor, kinds: ["customer.do-not-remind", "customer.do-not-remind-removed"],
                                                        since: .distantPast)
            #expect(journal.map(\.event.kind) == ["customer.do-not-remind", "customer.do-not-remind", "customer.do-not-remind-removed"])
            #expect(journal.last?.event.summary.contains("marie") == true)
        }
    }

    /// The task lists are rewritten only when an open task changed: any column of one, or which are open.
    @Test(arguments: StoreBackend.all)
    func theOpenTasksFingerprintChangesWithAnyOpenTask(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivable = try await seeded(book)
            let empty = try await book.taskReport.openTasksFingerprint(of: F.creditor)
            let call = try await book.outcomes.openLadderTask(NewTask(creditor: F.creditor, customerID: receivable.customerID, kind: .call,
                                                                      title: "call", step: "phone-call"),
                                                              on: F.date("2026-12-01"), at: F.time)
            let opened = try await book.taskReport.openTasksFingerprint(of: F.creditor)
            #expect(opened != empty && opened.hasPrefix("1-"))
            #expect(try await book.taskReport.openTasksFingerprint(of: F.creditor) == opened)
            #expect(try await book.outcomes.markTaskEscalated(call.taskID, at: F.time))
            #expect(!(try await book.outcomes.markTaskEscalated(call.taskID, at: F.time)))
            let escalated = try await book.taskReport.openTasksFingerprint(of: F.creditor)
            #expect(escalated != opened)
            try await book.record(.done(note: nil), on: call.taskID)
            #expect(try await book.taskReport.openTasksFingerprint(of: F.creditor) == empty)
        }
    }
}

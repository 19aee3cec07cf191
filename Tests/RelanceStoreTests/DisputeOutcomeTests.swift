import Foundation
import Testing
import RelanceCore
import RelanceStore

/// Issue #11, "The ladder", and #13: a dispute recorded by a person, as a task's outcome, freezes
/// the invoice through the one dispute path, until the outcome `dispute-resolved` ends it — on
/// the task that recorded the dispute (closed since) or an open task of the customer. On both stores.
@Suite struct DisputeOutcomeTests {
    typealias F = StoreFixtures

    /// The one outcome path, as `TaskOutcomeRecorder` takes it: the store's facts, the pure
    /// decision, one store transaction.
    @discardableResult
    private func record(_ outcome: TaskOutcome, on taskID: Int64, in book: any BookUnderTest,
                        language: Language = .english) async throws -> TaskOutcomeApplication {
        try #require(try await book.record(outcome, on: taskID, language: language))
    }

    private func seed(_ book: any BookUnderTest) async throws -> [SeededInvoice] {
        try await book.seed([F.item("F-1", open: 100), F.item("F-2", open: 50)])
    }

    @Test(arguments: StoreBackend.all)
    func aDisputeRecordedOnACallFreezesTheInvoiceUntilResolvedOnThatTask(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivables = try await seed(book)
            let f2 = try #require(receivables.first { $0.number == "F-2" })
            let task = try await book.taskStore.openTask(NewTask(creditor: F.creditor, customerID: f2.customerID, kind: .call,
                                                                 title: "Call Client C001", dedupKey: "call:C001",
                                                                 invoiceIDs: receivables.map(\.invoiceID)), at: F.time)
            try await record(.dispute(invoices: ["F-2"]), on: task.id, in: book)
            #expect(try await book.people.disputedInvoices(of: F.creditor) == [f2.invoiceID])
            let events = try await book.journal.events(ofCustomer: f2.customerID).map(\.event)
            #expect(events.contains { $0.kind == "invoice.disputed" && $0.summary.contains("task #\(task.id)") })
            #expect(try await book.people.disputeTask(invoice: "F-2", of: F.creditor) == task.id)

            // The call closed with the dispute; the dispute is resolved on it all the same.
            let resolved = try await record(.disputeResolved(invoices: [], note: "credit note agreed"), on: task.id, in: book)
            #expect(resolved.request.outcome == .disputeResolved(invoices: ["F-2"], note: "credit note agreed"))
            #expect(try await book.people.disputedInvoices(of: F.creditor).isEmpty)
            let closed = try #require(try await book.taskStore.tasks(of: F.creditor, state: nil).first { $0.id == task.id })
            #expect(closed.state == .done && closed.outcome == .dispute(invoices: ["F-2"]))
            let after = try await book.journal.events(ofCustomer: f2.customerID).map(\.event)
            #expect(after.contains { $0.kind == "invoice.dispute-resolved" && $0.summary.contains("resolved, as recorded on task #\(task.id)") })
            #expect(after.contains { $0.kind == "task.outcome" && $0.summary.contains("dispute resolved on invoice F-2") && $0.summary.contains("marie") })
            let outcomes = try await book.outcomes.recordedOutcomes(of: F.creditor, since: .distantPast).map(\.outcome)
            #expect(outcomes.last == .disputeResolved(invoices: ["F-2"], note: "credit note agreed"))
            #expect(try await book.people.disputeTask(invoice: "F-2", of: F.creditor) == nil)

            // Nothing left to resolve: refused, with why.
            await #expect(throws: TaskOutcomeError.self) { try await record(.disputeResolved(invoices: []), on: task.id, in: book) }
        }
    }

    @Test(arguments: StoreBackend.all)
    func aDisputeIsResolvedOnAnOpenTaskOfTheCustomerWhichItCloses(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivables = try await seed(book)
            let f1 = try #require(receivables.first { $0.number == "F-1" })
            let call = try await book.taskStore.openTask(NewTask(creditor: F.creditor, customerID: f1.customerID, kind: .call,
                                                                 title: "Call Client C001", invoiceIDs: receivables.map(\.invoiceID)), at: F.time)
            try await record(.dispute(invoices: [], reason: "colis incomplet"), on: call.id, in: book)
            #expect(try await book.people.disputedInvoices(of: F.creditor).count == 2)
            let reply = try await book.taskStore.openTask(NewTask(creditor: F.creditor, customerID: f1.customerID, kind: .readReply,
                                                                  title: "Read the reply", dedupKey: "reply:1"), at: F.time)
            // An invoice that is not disputed is refused, naming those that are.
            await #expect(throws: TaskOutcomeError.self) { try await record(.disputeResolved(invoices: ["F-9"]), on: reply.id, in: book) }
            try await record(.disputeResolved(invoices: ["F-1"], note: nil), on: reply.id, in: book, language: .french)
            #expect(try await book.people.disputedInvoices(of: F.creditor).count == 1)
            #expect(try await book.taskStore.tasks(of: F.creditor, state: .open).isEmpty)
            // A task closed by anything but a dispute takes no further outcome.
            await #expect(throws: TaskOutcomeError.self) { try await record(.disputeResolved(invoices: []), on: reply.id, in: book) }
        }
    }

    @Test(arguments: StoreBackend.all)
    func aLaterPromiseOnATaskAboutTheInvoiceEndsTheDispute(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let f2 = try #require(try await seed(book).first { $0.number == "F-2" })
            let call = try await book.taskStore.openTask(NewTask(creditor: F.creditor, customerID: f2.customerID, kind: .call,
                                                                 title: "Call Client C001", dedupKey: "call:C001", invoiceIDs: [f2.invoiceID]),
                                                         at: F.time)
            try await record(.dispute(invoices: ["F-2"]), on: call.id, in: book)
            // A reply about F-2 is read later: the customer now promises to pay it.
            let reply = try await book.taskStore.openTask(NewTask(creditor: F.creditor, customerID: f2.customerID, kind: .readReply,
                                                                  title: "Read the reply", dedupKey: "reply:1", invoiceIDs: [f2.invoiceID]),
                                                          at: F.time)
            try await record(.promisedToPay(on: F.date("2026-12-15")), on: reply.id, in: book)
            #expect(try await book.people.disputedInvoices(of: F.creditor).isEmpty)
            let events = try await book.journal.events(ofCustomer: f2.customerID).map(\.event)
            #expect(events.contains { $0.kind == "invoice.dispute-resolved" && $0.summary.contains("promise to pay recorded on task #\(reply.id)") })
        }
    }

    @Test(arguments: StoreBackend.all)
    func aDisputeOnAnInvoiceNotOnTheTaskLeavesTheTaskOpen(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivable = try #require(try await book.seed([F.item("F-1", open: 100)]).first)
            let task = try await book.taskStore.openTask(NewTask(creditor: F.creditor, customerID: receivable.customerID, kind: .call,
                                                                 title: "Call Client C001", dedupKey: "call:C001",
                                                                 invoiceIDs: [receivable.invoiceID]), at: F.time)
            await #expect(throws: TaskOutcomeError.self) { try await record(.dispute(invoices: ["F-9"]), on: task.id, in: book) }
            #expect(try await book.taskStore.tasks(of: F.creditor, state: .open).map(\.id) == [task.id])
            do {
                _ = try await book.people.disputeTask(invoice: "F-9", of: F.creditor)
                Issue.record("an invoice not in the books was found")
            } catch {
                #expect(book.isNotFound(error), "\(error)")
            }
            #expect(try await book.people.disputeTask(invoice: "F-1", of: F.creditor) == nil)
        }
    }

    /// Two people resolve the same dispute on the closed call that recorded it, both decided on
    /// the same read: the second is told there is no dispute left, and nothing is recorded twice.
    @Test(arguments: StoreBackend.all)
    func aDisputeResolvedTwiceAtOnceIsRecordedOnce(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let f1 = try #require(try await seed(book).first)
            let call = try await book.taskStore.openTask(NewTask(creditor: F.creditor, customerID: f1.customerID, kind: .call, title: "Call",
                                                                 dedupKey: "call:C001", invoiceIDs: [f1.invoiceID]), at: F.time).id
            try await record(.dispute(invoices: ["F-1"]), on: call, in: book)
            let facts = try #require(try await book.outcomes.taskOutcomeFacts(call))
            let decided = try ["marie", "paul"].map { person in
                try TaskOutcomeDecision.decide(TaskOutcomeRequest(taskID: call, outcome: .disputeResolved(invoices: []), recordedBy: person,
                                                                  channel: .console),
                                               facts: facts, today: F.date("2026-12-02"), settings: TaskOutcomeSettings(),
                                               calendar: FrenchBusinessCalendar())
            }
            try await book.outcomes.applyTaskOutcome(decided[0], at: F.time)
            let refused = await #expect(throws: TaskOutcomeError.self) { try await book.outcomes.applyTaskOutcome(decided[1], at: F.time) }
            #expect(refused?.code == .noDispute)
            let outcomes = try await book.outcomes.recordedOutcomes(of: F.creditor, since: .distantPast)
            #expect(outcomes.map(\.outcome.code) == ["dispute", "dispute-resolved"] && outcomes.last?.recordedBy == "marie")
        }
    }
}

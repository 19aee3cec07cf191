import Foundation
import Testing
import RelanceCore
import RelanceStore

/// The outbox port, against both stores (`StoreBackend`): the same tests, not a copy.
@Suite struct OutboxTests {
    typealias F = StoreFixtures

    private func draft(_ invoice: SeededInvoice, step: String = "first-reminder") -> MessageDraft {
        MessageDraft(creditor: F.creditor, customerID: invoice.customerID, step: step, plannedOn: F.date("2026-11-23"),
                     invoices: [InvoiceMention(invoiceID: invoice.invoiceID, step: step, open: invoice.open)],
                     to: invoice.emails)
    }

    @Test(arguments: StoreBackend.all) func queuedThenClaimedThenSentExactlyOnce(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let invoice = try #require(try await book.seed([F.item("F-1", open: 100)]).first)
            let store = book.outbox
            let id = try #require(try await store.enqueue(draft(invoice), at: F.time, compose: F.composed))
            let claimed = try #require(try await store.claimNextMessage(now: F.time, skipping: []))
            #expect(claimed.id == id)
            #expect(claimed.messageID == "<relance.\(id)@acme.example>")
            #expect(claimed.recipients == invoice.emails)
            #expect(claimed.bytes == F.composed(id).bytes)
            #expect(try await store.claimNextMessage(now: F.time, skipping: []) == nil)
            try await store.markSent(id, at: F.time, serverReply: "250 2.0.0 Ok: queued")
            #expect(try await store.outboxCounts() == [.sent: 1])
            await #expect { try await store.markSent(id, at: F.time, serverReply: "again") } throws: { book.isInvalidState($0) }
            let kinds = try await book.journal.recentEvents(of: F.creditor, limit: 10).map(\.event.kind)
            #expect(Array(kinds.prefix(3)) == ["message.sent", "message.sending", "message.queued"])
        }
    }

    @Test(arguments: StoreBackend.all) func aStepIsQueuedOnlyOncePerInvoice(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let invoice = try #require(try await book.seed([F.item("F-1", open: 100)]).first)
            let store = book.outbox
            #expect(try await store.enqueue(draft(invoice), at: F.time, compose: F.composed) != nil)
            #expect(try await store.enqueue(draft(invoice), at: F.time, compose: F.composed) == nil)
            #expect(try await store.enqueue(draft(invoice, step: "second-reminder"), at: F.time, compose: F.composed) != nil)
            #expect(try await book.stepsReached("F-1") == ["first-reminder", "second-reminder"])
        }
    }

    @Test(arguments: StoreBackend.all) func aMessageForAnInvoicePaidMeanwhileIsCancelled(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let invoice = try #require(try await book.seed([F.item("F-1", open: 100)]).first)
            _ = try await book.outbox.enqueue(draft(invoice), at: F.time, compose: F.composed)
            try await book.reimport([])
            #expect(try await book.outbox.claimNextMessage(now: F.time, skipping: []) == nil)
            #expect(try await book.outbox.outboxCounts() == [.cancelled: 1])
        }
    }

    @Test(arguments: StoreBackend.all) func aChangedAmountCancelsTheStaleMessage(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let invoice = try #require(try await book.seed([F.item("F-1", open: 100)]).first)
            _ = try await book.outbox.enqueue(draft(invoice), at: F.time, compose: F.composed)
            try await book.reimport([F.item("F-1", open: 60)])
            #expect(try await book.outbox.claimNextMessage(now: F.time, skipping: []) == nil)
            // The step is free again, so the planner can write a message with the right amount.
            var fresh = invoice
            fresh.open = F.euros(60)
            #expect(try await book.outbox.enqueue(draft(fresh), at: F.time, compose: F.composed) != nil)
        }
    }

    @Test(arguments: StoreBackend.all) func retriesWaitForTheirTime(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let invoice = try #require(try await book.seed([F.item("F-1", open: 100)]).first)
            let store = book.outbox
            let id = try #require(try await store.enqueue(draft(invoice), at: F.time, compose: F.composed))
            _ = try await store.claimNextMessage(now: F.time, skipping: [])
            try await store.markForRetry(id, at: F.time, retryAt: F.time.addingTimeInterval(600), reason: "451 4.3.0 try later")
            #expect(try await store.claimNextMessage(now: F.time.addingTimeInterval(599), skipping: []) == nil)
            let retried = try #require(try await store.claimNextMessage(now: F.time.addingTimeInterval(600), skipping: []))
            #expect(retried.attempts == 2)
        }
    }

    @Test(arguments: StoreBackend.all) func aPausedCreditorsMessagesAreLeftAlone(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let invoice = try #require(try await book.seed([F.item("F-1", open: 100)]).first)
            let id = try #require(try await book.outbox.enqueue(draft(invoice), at: F.time, compose: F.composed))
            #expect(try await book.outbox.claimNextMessage(now: F.time, skipping: [F.creditor]) == nil)
            #expect(try await book.outbox.claimNextMessage(now: F.time, skipping: [])?.id == id)
        }
    }

    private struct TemplateCannotRender: Error {}

    @Test(arguments: StoreBackend.all) func aBatchStoresEachMessageAloneAndAFailureChangesNothingForTheOthers(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let invoices = try await book.seed([
                F.item("F-1", customer: "C001", open: 100), F.item("F-2", customer: "C002", open: 200), F.item("F-3", customer: "C003", open: 300),
            ])
            let store = book.outbox
            let alreadyQueued = try #require(try await store.enqueue(draft(invoices[2]), at: F.time, compose: F.composed))
            let results = try await store.enqueue([
                PendingMessage(draft(invoices[0]), compose: F.composed),
                PendingMessage(draft(invoices[1])) { _ in throw TemplateCannotRender() },
                PendingMessage(draft(invoices[2]), compose: F.composed),
            ], at: F.time)
            #expect(results.count == 3)
            let first = try #require(try results[0].get())
            #expect(first > alreadyQueued)
            #expect(throws: TemplateCannotRender.self) { try results[1].get() }
            #expect(try results[2].get() == nil)  // F-3 already has its first reminder
            #expect(try await store.outboxCounts() == [.queued: 2])
            // The message's id is the one signed into its bytes.
            let claimed = try #require(try await store.claimNextMessage(now: F.time, skipping: []))
            #expect(claimed.id == alreadyQueued)
            let next = try #require(try await store.claimNextMessage(now: F.time, skipping: []))
            #expect(next.id == first && next.messageID == "<relance.\(first)@acme.example>")
            // F-2 can still be reminded: its failed composition stored nothing.
            #expect(try await store.enqueue(draft(invoices[1]), at: F.time, compose: F.composed) != nil)
        }
    }

    @Test(arguments: StoreBackend.all) func batchesStoredAtOnceEachKeepTheIdsSignedIntoTheirMessages(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            // The planner composes a batch while the one before is written: both are in the store's
            // hands at once, and every message must still be stored under the id it was composed with.
            let invoices = try await book.seed((1...40).map { F.item("F-\($0)", customer: "C\($0)", open: 100) })
            let store = book.outbox
            async let first = store.enqueue(invoices.prefix(20).map { PendingMessage(draft($0), compose: F.composed) }, at: F.time)
            async let second = store.enqueue(invoices.suffix(20).map { PendingMessage(draft($0), compose: F.composed) }, at: F.time)
            let stored = try await (first + second).map { try #require(try $0.get()) }
            #expect(Set(stored).count == 40)
            var claimed: [OutboxMessage] = []
            while let message = try await store.claimNextMessage(now: F.time, skipping: []) { claimed.append(message) }
            #expect(Set(claimed.map(\.id)) == Set(stored))
            for message in claimed {
                #expect(message.messageID == "<relance.\(message.id)@acme.example>")
                #expect(message.bytes == F.composed(message.id).bytes)
            }
        }
    }

    /// Two invoices of two customers, each with its first reminder queued, oldest first.
    private func twoQueued(_ book: any BookUnderTest) async throws -> [Int64] {
        let invoices = try await book.seed([F.item("F-1", customer: "C001", open: 100), F.item("F-2", customer: "C002", open: 200)])
        var ids: [Int64] = []
        for invoice in invoices { ids.append(try #require(try await book.outbox.enqueue(draft(invoice), at: F.time, compose: F.composed))) }
        return ids
    }

    @Test(arguments: StoreBackend.all) func aDeliveryIsRecordedAndTheNextMessageClaimedInOneStep(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            _ = try await twoQueued(book)
            let store = book.recovery
            let first = try #require(try await book.outbox.claimNextMessage(now: F.time, skipping: []))
            let second = try #require(try await store.markDelivered(first.id, at: F.time, serverReply: "250 2.0.0 Ok", recipients: [],
                                                                    copyToSent: false, claimingNextAt: F.time, skipping: []))
            #expect(second.id != first.id)
            #expect(try await book.outbox.outboxCounts() == [.sent: 1, .sending: 1])
            #expect(try await store.markDelivered(second.id, at: F.time, serverReply: "250 2.0.0 Ok", recipients: [],
                                                  copyToSent: false, claimingNextAt: F.time, skipping: []) == nil)
            #expect(try await book.outbox.outboxCounts() == [.sent: 2])
            // A delivery recorded twice is refused, and claims nothing.
            await #expect {
                try await store.markDelivered(second.id, at: F.time, serverReply: "again", recipients: [],
                                              copyToSent: false, claimingNextAt: F.time, skipping: [])
            } throws: { book.isInvalidState($0) }
        }
    }

    @Test(arguments: StoreBackend.all) func aBatchIsClaimedInOutboxOrderAndSettledWithTheNextClaimed(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let ids = try await twoQueued(book)
            let batch = try await book.batches.claimMessages(now: F.time, skipping: [], limit: 1)
            #expect(batch.map(\.id) == [ids[0]])
            #expect(batch.first?.attempts == 1 && batch.first?.messageID == "<relance.\(ids[0])@acme.example>")
            let next = try await book.batches.settleBatch(
                delivered: [DeliveryRecord(id: ids[0], at: F.time, serverReply: "250 2.0.0 Ok", recipients: [
                    RecipientReply(address: "compta@client.example", reply: "550 5.1.1 unknown", verdict: .wrongAddress),
                ], copyToSent: true)],
                unclaimed: [], at: F.time, claimingNext: 5, skipping: [])
            #expect(next.map(\.id) == [ids[1]])
            #expect(try await book.outbox.outboxCounts() == [.sent: 1, .sending: 1])
            #expect(try await book.recovery.pendingSentCopies(of: F.creditor, limit: 10).map(\.id) == [ids[0]])
            let refused = try await book.journal.recentEvents(of: F.creditor, limit: 100).map(\.event).filter { $0.kind == "address.refused" }
            #expect(refused.map(\.messageID) == [ids[0]])
            // Nothing left to claim: the settlement records and claims nothing more.
            #expect(try await book.batches.settleBatch(delivered: [DeliveryRecord(id: ids[1], at: F.time, serverReply: "250 Ok", recipients: [],
                                                                                  copyToSent: false)],
                                                       unclaimed: [], at: F.time, claimingNext: 5, skipping: []).isEmpty)
            #expect(try await book.outbox.outboxCounts() == [.sent: 2])
        }
    }

    @Test(arguments: StoreBackend.all) func aClaimNeverTriedIsGivenBackWithItsAttempt(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let ids = try await twoQueued(book)
            let batch = try await book.batches.claimMessages(now: F.time, skipping: [], limit: 10)
            #expect(batch.map(\.id) == ids)
            // The worker stops after the first: the second goes back as it was, its attempt not counted.
            let next = try await book.batches.settleBatch(
                delivered: [DeliveryRecord(id: ids[0], at: F.time, serverReply: "250 Ok", recipients: [], copyToSent: false)],
                unclaimed: [ids[1]], at: F.time, claimingNext: 0, skipping: [])
            #expect(next.isEmpty)
            #expect(try await book.outbox.outboxCounts() == [.sent: 1, .queued: 1])
            #expect(try await book.journal.recentEvents(of: F.creditor, limit: 1).first?.event.kind == "message.unclaimed")
            let again = try #require(try await book.outbox.claimNextMessage(now: F.time, skipping: []))
            #expect(again.id == ids[1] && again.attempts == 1)
            // A message not sending cannot be given back, and the whole settlement is refused with it.
            await #expect {
                try await book.batches.settleBatch(
                    delivered: [DeliveryRecord(id: ids[1], at: F.time, serverReply: "250 Ok", recipients: [], copyToSent: false)],
                    unclaimed: [ids[0]], at: F.time, claimingNext: 0, skipping: [])
            } throws: { book.isInvalidState($0) }
            #expect(try await book.outbox.outboxCounts() == [.sent: 1, .sending: 1])
        }
    }

    @Test(arguments: StoreBackend.all) func aBatchClaimSkipsPausedCreditorsAndCancelsStaleMessages(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let ids = try await twoQueued(book)
            #expect(try await book.batches.claimMessages(now: F.time, skipping: [F.creditor], limit: 10).isEmpty)
            try await book.reimport([F.item("F-2", customer: "C002", open: 200)])   // F-1 paid meanwhile
            let batch = try await book.batches.claimMessages(now: F.time, skipping: [], limit: 10)
            #expect(batch.map(\.id) == [ids[1]])
            #expect(try await book.outbox.outboxCounts() == [.cancelled: 1, .sending: 1])
        }
    }

    /// A batch is claimed in a few statements (issue #17): what stops a message is looked for over
    /// the whole batch, and each stopped one is cancelled with its own reason while the claim
    /// looks past it to fill the batch; every claimed message carries its own bytes and recipients.
    @Test(arguments: StoreBackend.all) func aBatchClaimLooksPastStoppedMessagesAndKeepsEachOnesBytes(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let customers = ["C001", "C002", "C003", "C004", "C005"]
            let invoices = try await book.seed(customers.enumerated().map { index, customer in
                F.item("F-\(index + 1)", customer: customer, open: 100, email: "compta@\(customer.lowercased()).example")
            })
            var ids: [Int64] = []
            for invoice in invoices { ids.append(try #require(try await book.outbox.enqueue(draft(invoice), at: F.time, compose: F.composed))) }
            // F-2 settled, F-4's open amount changed, C005 asked for a pause: the three are stopped.
            try await book.reimport([F.item("F-1", customer: "C001", open: 100, email: "compta@c001.example"),
                                     F.item("F-3", customer: "C003", open: 100, email: "compta@c003.example"),
                                     F.item("F-4", customer: "C004", open: 60, email: "compta@c004.example"),
                                     F.item("F-5", customer: "C005", open: 100, email: "compta@c005.example")])
            _ = try await book.people.holdCustomer(invoices[4].customerID, kind: .reply, until: nil, reason: "réponse", at: F.time)
            let batch = try await book.batches.claimMessages(now: F.time, skipping: [], limit: 2)
            #expect(batch.map(\.id) == [ids[0], ids[2]])
            for message in batch {
                #expect(message.bytes == F.composed(message.id).bytes && message.attempts == 1)
                let index = try #require(ids.firstIndex(of: message.id))
                #expect(message.recipients.map(\.value) == ["compta@\(customers[index].lowercased()).example"])
            }
            #expect(try await book.batches.claimMessages(now: F.time, skipping: [], limit: 10).isEmpty)
            #expect(try await book.outbox.outboxCounts() == [.sending: 2, .cancelled: 3])
            let cancelled = try await book.journal.recentEvents(of: F.creditor, limit: 100).map(\.event)
                .filter { $0.kind == "message.cancelled" }.compactMap(\.messageID)
            #expect(Set(cancelled) == [ids[1], ids[3], ids[4]])
        }
    }
}

import Foundation
import Testing
import RelanceCore
import RelanceStore

/// The mailbox's side of the store, against both stores (`StoreBackend`).
@Suite struct InboundStoreTests {
    typealias F = StoreFixtures

    /// C001 with F-1 (1.00) and F-2 (0.50) open; its id.
    private func customer(_ book: any BookUnderTest) async throws -> Int64 {
        try #require(try await book.seed([F.item("F-1", open: 100), F.item("F-2", open: 50)]).first).customerID
    }

    private func record(uid: UInt32, customer: Int64?, id: String? = nil) -> InboundRecord {
        InboundRecord(creditor: F.creditor, folder: "INBOX", uidValidity: 7, uid: uid, rfcMessageID: id ?? "m\(uid)@client.example",
                      kind: .reply, messageID: nil, customerID: customer, summary: "Reply", excerpt: "Vu.", raw: Array("x".utf8))
    }

    private func mark(_ uid: UInt32) -> MailboxMark {
        MailboxMark(folder: "INBOX", uidValidity: 7, lastUID: uid, polledAt: F.time)
    }

    @Test(arguments: StoreBackend.all) func aMessageItsEffectsAndTheMarkCommitTogether(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let customer = try await customer(book)
            let task = InboundTaskRequest(kind: .readReply, title: "Read the reply", detail: ["excerpt": "Vu."])
            let outcome = try await book.inbound.recordInbound(record(uid: 3, customer: customer),
                                                               effects: [.holdCustomer(.reply, until: nil, reason: "replied"), .openTask(task)],
                                                               mark: mark(3), at: F.time)
            #expect(!outcome.duplicate)
            #expect(outcome.openedTasks.count == 1)
            #expect(try await book.inbound.mailboxMark(of: F.creditor, folder: "INBOX") == mark(3))
            let opened = try #require(try await book.tasks(.open).first)
            #expect(opened.detail["customer"] == "Client C001")
            #expect(opened.detail["amount_due"] == "1.50 EUR")
            #expect(opened.detail["invoices"] == "F-1, F-2")
            #expect(try await book.liveHoldKinds() == [.reply])
        }
    }

    @Test(arguments: StoreBackend.all) func theSameMessageIDActsOnce(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let customer = try await customer(book)
            let hold = InboundEffect.holdCustomer(.reply, until: nil, reason: "replied")
            _ = try await book.inbound.recordInbound(record(uid: 3, customer: customer, id: "same@x"), effects: [hold], mark: mark(3), at: F.time)
            let again = try await book.inbound.recordInbound(record(uid: 9, customer: customer, id: "same@x"), effects: [hold], mark: mark(9), at: F.time)
            #expect(again.duplicate)
            #expect(try await book.liveHoldKinds().count == 1)
            #expect(try await book.inbound.mailboxMark(of: F.creditor, folder: "INBOX")?.lastUID == 9)   // the mark still moves
            // The same UID under the same UIDVALIDITY, whatever its Message-ID, acts once too.
            #expect(try await book.inbound.recordInbound(record(uid: 3, customer: customer, id: "other@x"), effects: [hold], mark: mark(9),
                                                         at: F.time).duplicate)
        }
    }

    @Test(arguments: StoreBackend.all) func aFailingEffectLeavesTheMarkWhereItWas(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            _ = try await customer(book)
            try await book.inbound.saveMailboxMark(mark(2), of: F.creditor)
            // A customer that does not exist: the insert fails, and nothing of the transaction stays.
            await #expect(throws: (any Error).self) {
                _ = try await book.inbound.recordInbound(record(uid: 3, customer: 999_999), effects: [], mark: mark(3), at: F.time)
            }
            #expect(try await book.inbound.mailboxMark(of: F.creditor, folder: "INBOX")?.lastUID == 2)
        }
    }

    @Test(arguments: StoreBackend.all) func aKnownContactFindsItsCustomerWhateverTheCase(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let customer = try await customer(book)
            #expect(try await book.inbound.customers(withContact: EmailAddress("Compta@Client.example")!, of: F.creditor) == [customer])
            #expect(try await book.inbound.customers(withContact: EmailAddress("other@client.example")!, of: F.creditor).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all) func aTaskAboutOurOwnSetupNamesNoCustomer(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let customer = try await customer(book)
            let task = InboundTaskRequest(kind: .fixConfiguration, title: "Sender refused", dedupKey: "bounce-sender-rejected", aboutCustomer: false)
            _ = try await book.inbound.recordInbound(record(uid: 1, customer: customer), effects: [.openTask(task)], mark: mark(1), at: F.time)
            let opened = try #require(try await book.tasks(.open).first)
            #expect(opened.customerID == nil)
            #expect(opened.detail["phones"] == nil)
            // The same key again opens nothing new.
            let again = try await book.inbound.recordInbound(record(uid: 2, customer: customer), effects: [.openTask(task)], mark: mark(2), at: F.time)
            #expect(again.openedTasks.isEmpty && again.inboundID != nil)
            #expect(try await book.tasks(.open).count == 1)
        }
    }

    @Test(arguments: StoreBackend.all) func aBounceOfTheSentMessageMarksTheAddressAndCountsTemporaryOnes(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let invoice = try #require(try await book.seed([F.item("F-1", open: 100)]).first)
            let draft = MessageDraft(creditor: F.creditor, customerID: invoice.customerID, step: "first-reminder", plannedOn: F.date("2026-11-23"),
                                     invoices: [InvoiceMention(invoiceID: invoice.invoiceID, step: "first-reminder", open: invoice.open)],
                                     to: invoice.emails)
            let id = try #require(try await book.outbox.enqueue(draft, at: F.time, compose: F.composed))
            #expect(try await book.inbound.sentMessage(id, of: F.creditor) ==
                    SentMessageFacts(id: id, customerID: invoice.customerID, recipients: invoice.emails, step: "first-reminder"))
            #expect(try await book.inbound.sentMessage(id, of: CreditorID("other")!) == nil)
            let call = InboundTaskRequest(kind: .call, title: "Call: mail bounces")
            for uid: UInt32 in 1...2 {
                var bounce = record(uid: uid, customer: invoice.customerID)
                bounce.kind = .bounce
                bounce.messageID = id
                let outcome = try await book.inbound.recordInbound(bounce, effects: [
                    .markAddressInvalid(invoice.emails[0], reason: "550 5.1.1 unknown", evidence: "bounce \(uid)"),
                    .countTemporaryBounce(threshold: 2, since: F.time.addingTimeInterval(-3600), task: call),
                ], mark: mark(uid), at: F.time)
                #expect(outcome.openedTasks.count == (uid == 2 ? 1 : 0))
            }
            let events = try await book.journal.recentEvents(of: F.creditor, limit: 100).map(\.event)
            #expect(events.filter { $0.kind == "address.invalid" }.count == 1)   // marked once
            #expect(events.filter { $0.kind == "mail.bounce-temporary" }.count == 2)
            #expect(try await book.tasks(.open).first?.detail["temporary_bounces"] == "2")
        }
    }

    @Test(arguments: StoreBackend.all) func anOutcomeEmailedInClosesItsTaskOnceAndASecondIsRefusedOnTheRecord(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let customer = try await customer(book)
            let opened = try await book.inbound.recordInbound(record(uid: 1, customer: customer),
                                                              effects: [.openTask(InboundTaskRequest(kind: .readReply, title: "Read the reply"))],
                                                              mark: mark(1), at: F.time)
            let taskID = try #require(opened.openedTasks.first)
            func done(_ note: String) -> InboundEffect {
                var application = TaskOutcomeApplication(
                    request: TaskOutcomeRequest(taskID: taskID, outcome: .done(note: note), recordedBy: "marie@acme.example", channel: .email),
                    creditor: F.creditor, customerID: customer, closesTask: true, journal: "Task #\(taskID) done: \(note)")
                application.detailUpdates = ["note": note]
                return .taskOutcome(application)
            }
            _ = try await book.inbound.recordInbound(record(uid: 2, customer: customer), effects: [done("read")], mark: mark(2), at: F.time)
            let closed = try #require(try await book.tasks(.done).first)
            #expect(closed.detail["note"] == "read")
            // The task is closed now: the second outcome is refused on the record, the message still recorded.
            let second = try await book.inbound.recordInbound(record(uid: 3, customer: customer), effects: [done("again")], mark: mark(3), at: F.time)
            #expect(second.inboundID != nil && !second.duplicate)
            let kinds = try await book.journal.recentEvents(of: F.creditor, limit: 100).map(\.event.kind)
            #expect(kinds.filter { $0 == "task.closed" }.count == 1)
            #expect(kinds.first == "task.outcome-refused")
            #expect(try await book.tasks(.done).first?.detail["note"] == "read")
            #expect(try await book.inbound.mailboxMark(of: F.creditor, folder: "INBOX")?.lastUID == 3)
        }
    }
}

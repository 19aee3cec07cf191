import Foundation
import Testing
import RelanceCore
import RelanceStore

/// The outbox after a crash and after the server's answers: every decision has its event.
/// Against both stores (`StoreBackend`); on PostgreSQL the crashed daemon's claim has expired.
@Suite struct OutboxRecoveryTests {
    typealias F = StoreFixtures

    /// A book with one message claimed (`sending`) by a daemon that then died, as a crash leaves it.
    private func interrupted(_ book: any BookUnderTest) async throws -> Int64 {
        let invoice = try #require(try await book.seed([F.item("F-1", open: 100)]).first)
        let draft = MessageDraft(creditor: F.creditor, customerID: invoice.customerID, step: "first-reminder",
                                 plannedOn: F.date("2026-11-23"),
                                 invoices: [InvoiceMention(invoiceID: invoice.invoiceID, step: "first-reminder", open: invoice.open)],
                                 to: invoice.emails, cc: [EmailAddress("boss@client.example")!])
        let id = try #require(try await book.outbox.enqueue(draft, at: F.time, compose: F.composed))
        _ = try #require(try await book.outbox.claimNextMessage(now: F.time.addingTimeInterval(5), skipping: []))
        try await book.claimerDied()
        return id
    }

    private func kinds(_ book: any BookUnderTest) async throws -> [String] {
        try await book.journal.recentEvents(of: F.creditor, limit: 100).map(\.event.kind).reversed()
    }

    @Test(arguments: StoreBackend.all) func anInterruptedSendIsListedWithItsMessageIDAndAttemptTime(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let id = try await interrupted(book)
            let found = try await book.recovery.interruptedSends()
            #expect(found == [InterruptedSend(id: id, creditor: F.creditor, customerID: found.first?.customerID ?? 0,
                                              messageID: "<relance.\(id)@acme.example>", attemptStartedAt: F.time.addingTimeInterval(5))])
        }
    }

    @Test(arguments: StoreBackend.all) func evidenceFoundMarksItSentWithTheEvidenceInTheEvent(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let id = try await interrupted(book)
            try await book.recovery.confirmSent(id, at: F.time, evidence: .copyFound(messageID: "<m1@acme.example>", source: "archive"))
            #expect(try await book.outbox.outboxCounts() == [.sent: 1])
            let event = try #require(try await book.journal.recentEvents(of: F.creditor, limit: 1).first)
            #expect(event.event.kind == "message.sent")
            #expect(event.event.detail["evidence"] == "copy-found" && event.event.detail["source"] == "archive")
            #expect(event.event.summary.contains("a copy with Message-ID <m1@acme.example> is in archive"))
            #expect(try await book.recovery.interruptedSends().isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all) func noEvidenceAfterTheDelayQueuesItAgain(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let id = try await interrupted(book)
            try await book.recovery.requeueUnsent(id, at: F.time, evidence: .noCopy(messageID: "<m1@acme.example>", source: "archive", afterSeconds: 120))
            #expect(try await book.outbox.outboxCounts() == [.queued: 1])
            let again = try #require(try await book.outbox.claimNextMessage(now: F.time, skipping: []))
            #expect(again.id == id)
            #expect(again.attempts == 2)
            #expect(try await kinds(book).suffix(2) == ["message.requeued", "message.sending"])
        }
    }

    @Test(arguments: StoreBackend.all) func withoutAnEvidenceSourceItIsHeldForAPerson(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let id = try await interrupted(book)
            try await book.recovery.holdForReview(id, at: F.time, reason: .noEvidenceSource)
            #expect(try await book.outbox.outboxCounts() == [.held: 1])
            #expect(try await book.outbox.claimNextMessage(now: F.time, skipping: []) == nil)
            #expect(try await kinds(book).suffix(2) == ["message.held", "task.opened"])
            let events = try await book.journal.recentEvents(of: F.creditor, limit: 2).map(\.event)
            #expect(events.contains { $0.summary.contains("not resent blindly") })
            let task = try #require(try await book.tasks(.open).first)
            #expect(task.kind == .reviewMessage)
            #expect(task.title.contains("#\(id)"))
            // Held twice (a second recovery round) is refused: it is no longer sending.
            await #expect { try await book.recovery.holdForReview(id, at: F.time, reason: .noEvidenceSource) } throws: { book.isInvalidState($0) }
            #expect(try await book.tasks(.open).count == 1)
        }
    }

    @Test(arguments: StoreBackend.all) func onlyASendingMessageCanBeSettled(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let id = try await interrupted(book)
            try await book.recovery.confirmSent(id, at: F.time, evidence: .copyFound(messageID: "<m1@acme.example>", source: "archive"))
            await #expect {
                try await book.recovery.requeueUnsent(id, at: F.time, evidence: .noCopy(messageID: "<m1@acme.example>", source: "archive", afterSeconds: 120))
            } throws: { book.isInvalidState($0) }
            await #expect { try await book.recovery.holdForReview(id, at: F.time, reason: .noEvidenceSource) } throws: { book.isInvalidState($0) }
        }
    }

    @Test(arguments: StoreBackend.all) func aWrongAddressIsReportedAsEvidenceAndOtherRefusalsAreOnlyRecorded(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let id = try await interrupted(book)
            try await book.recovery.confirmSent(id, at: F.time, evidence: .copyFound(messageID: "<m1@acme.example>", source: "archive"))
            try await book.recovery.recordRecipientReplies(id, [
                RecipientReply(address: "compta@client.example", reply: "250 2.1.5 Ok", verdict: .accepted),
                RecipientReply(address: "boss@client.example", reply: "550 5.1.1 <boss@client.example>: unknown", verdict: .wrongAddress),
            ], at: F.time)
            let events = try await book.journal.recentEvents(of: F.creditor, limit: 100).map(\.event).filter { $0.kind == "address.refused" }
            #expect(events.count == 1)
            #expect(events.first?.detail == ["address": "boss@client.example", "role": "cc",
                                             "reply": "550 5.1.1 <boss@client.example>: unknown"])
            #expect(events.first?.messageID == id)
            #expect(events.first?.customerID != nil)
        }
    }

    @Test(arguments: StoreBackend.all) func thePauseAlertIsRaisedOnceUntilASendSucceeds(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let id = try await interrupted(book)
            #expect(try await book.recovery.recordOutboxPaused(F.creditor, reason: "535 5.7.8 authentication failed", at: F.time))
            #expect(try await !book.recovery.recordOutboxPaused(F.creditor, reason: "535 5.7.8 authentication failed", at: F.time))
            #expect(try await book.recovery.standingOutboxPause(of: F.creditor)?.reason == "535 5.7.8 authentication failed")
            try await book.recovery.confirmSent(id, at: F.time, evidence: .copyFound(messageID: "<m1@acme.example>", source: "archive"))
            #expect(try await book.recovery.standingOutboxPause(of: F.creditor) == nil)
            #expect(try await book.recovery.recordOutboxPaused(F.creditor, reason: "again", at: F.time))
            #expect(try await kinds(book).filter { $0 == "outbox.paused" }.count == 2)
            // One task to fix the configuration, however many alerts.
            #expect(try await book.tasks(.open).filter { $0.kind == .fixConfiguration }.count == 1)
            #expect(try await book.recovery.resumeOutbox(F.creditor, reason: "configuration loaded again", at: F.time))
            #expect(try await !book.recovery.resumeOutbox(F.creditor, reason: "configuration loaded again", at: F.time))
            #expect(try await book.recovery.standingOutboxPause(of: F.creditor) == nil)
        }
    }

    @Test(arguments: StoreBackend.all) func aSentCopyIsPendingUntilDone(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let id = try await interrupted(book)
            try await book.recovery.requestSentCopy(id)
            #expect(try await book.recovery.pendingSentCopies(of: F.creditor, limit: 10).isEmpty)   // not sent yet
            try await book.recovery.confirmSent(id, at: F.time, evidence: .copyFound(messageID: "<m1@acme.example>", source: "archive"))
            try await book.recovery.requestSentCopy(id)
            let pending = try await book.recovery.pendingSentCopies(of: F.creditor, limit: 10)
            #expect(pending.map(\.id) == [id])
            #expect(pending.first?.bytes == F.composed(id).bytes)
            try await book.recovery.markSentCopyDone(id, at: F.time, folder: "Sent")
            #expect(try await book.recovery.pendingSentCopies(of: F.creditor, limit: 10).isEmpty)
            #expect(try await kinds(book).last == "message.copied-to-sent")
        }
    }

    @Test(arguments: StoreBackend.all) func aDeliveryIsRecordedWithItsRepliesAndCopyRequestInOneStep(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let invoice = try #require(try await book.seed([F.item("F-1", open: 100)]).first)
            let draft = MessageDraft(creditor: F.creditor, customerID: invoice.customerID, step: "first-reminder",
                                     plannedOn: F.date("2026-11-23"),
                                     invoices: [InvoiceMention(invoiceID: invoice.invoiceID, step: "first-reminder", open: invoice.open)],
                                     to: invoice.emails, cc: [EmailAddress("boss@client.example")!])
            let id = try #require(try await book.outbox.enqueue(draft, at: F.time, compose: F.composed))
            _ = try #require(try await book.outbox.claimNextMessage(now: F.time, skipping: []))
            try await book.recovery.markDelivered(id, at: F.time, serverReply: "250 2.0.0 Ok: queued", recipients: [
                RecipientReply(address: "COMPTA@client.example", reply: "250 2.1.5 Ok", verdict: .accepted),
                RecipientReply(address: "boss@client.example", reply: "550 5.2.1 disabled", verdict: .wrongAddress),
            ], copyToSent: true)
            #expect(try await book.outbox.outboxCounts() == [.sent: 1])
            #expect(try await book.recovery.pendingSentCopies(of: F.creditor, limit: 10).map(\.id) == [id])
            #expect(try await kinds(book).suffix(2) == ["message.sent", "address.refused"])
            await #expect {
                try await book.recovery.markDelivered(id, at: F.time, serverReply: "again", recipients: [], copyToSent: false)
            } throws: { book.isInvalidState($0) }
        }
    }
}

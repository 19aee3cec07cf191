import Foundation
import RelanceCore
@testable import RelancePostgres
@testable import RelanceStore
import RelancePostgresTesting
import RelanceTesting
import Testing

/// A batch written at once leaves the rows and the journal that its messages written one at a
/// time leave (on PostgreSQL the batch is a few multi-row statements, issue 16): the same
/// messages, bodies, recipients, invoices and journal lines, in the same order, against both
/// stores (`StoreBackend`), and the same outcome for each message.
@Suite struct OutboxBatchRowsTests {
    typealias F = StoreFixtures

    private struct TemplateCannotRender: Error {}

    /// Messages that exercise what one at a time would decide: several invoices, an address in
    /// both `to` and `cc`, review mode, a step already queued before the batch and one queued
    /// earlier in the batch, a composition that fails; with `refused`, one the schema refuses
    /// (the same invoice twice).
    private func pending(_ invoices: [SeededInvoice], refused: Bool) -> [PendingMessage] {
        func mention(_ invoice: SeededInvoice, _ step: String = "first-reminder") -> InvoiceMention {
            InvoiceMention(invoiceID: invoice.invoiceID, step: step, open: invoice.open)
        }
        func draft(_ customer: SeededInvoice, _ mentions: [InvoiceMention], step: String = "first-reminder", to: [String],
                   cc: [String] = [], review: Bool = false) -> MessageDraft {
            MessageDraft(creditor: F.creditor, customerID: customer.customerID, step: step, plannedOn: F.date("2026-11-23"),
                         invoices: mentions, to: to.compactMap(EmailAddress.init), cc: cc.compactMap(EmailAddress.init),
                         awaitingApproval: review)
        }
        var messages = [
            PendingMessage(draft(invoices[0], [mention(invoices[0]), mention(invoices[1])],
                                 to: ["a@client.example", "b@client.example"], cc: ["b@client.example", "c@client.example"]),
                           compose: F.composed),
            PendingMessage(draft(invoices[2], [mention(invoices[2])], to: ["d@client.example"], review: true), compose: F.composed),
            PendingMessage(draft(invoices[3], [mention(invoices[3])], to: ["e@client.example"])) { _ in throw TemplateCannotRender() },
            // Its step was taken by the first message of the batch.
            PendingMessage(draft(invoices[0], [mention(invoices[1])], to: ["a@client.example"]), compose: F.composed),
            // Its step was queued before the batch.
            PendingMessage(draft(invoices[4], [mention(invoices[4])], to: ["f@client.example"]), compose: F.composed),
            PendingMessage(draft(invoices[0], [mention(invoices[0], "second-reminder")], step: "second-reminder",
                                 to: ["a@client.example"], cc: ["g@client.example"]), compose: F.composed),
            PendingMessage(draft(invoices[3], [mention(invoices[3])], to: ["e@client.example", "h@client.example"]), compose: F.composed),
        ]
        if refused {
            messages.insert(PendingMessage(draft(invoices[2], [mention(invoices[2], "second-reminder"), mention(invoices[2], "second-reminder")],
                                                 step: "second-reminder", to: ["d@client.example"]), compose: F.composed), at: 3)
        }
        return messages
    }

    /// A fresh book with five invoices, the fifth reminded already; `write` stores the
    /// messages. Returns what each message became and the book's outbox and journal rows,
    /// message ids replaced by their rank (SQLite numbers a batch's failed messages, one at a
    /// time does not) and journal ids left out (a refused batch spends PostgreSQL's).
    private func rows(_ backend: StoreBackend, refused: Bool,
                      _ write: @escaping @Sendable (any OutboxStore, [PendingMessage]) async throws -> [Result<Int64?, any Error>])
        async throws -> (outcomes: [String], rows: [String]) {
        let box = Box()
        try await backend.withBook { book in
            let invoices = try await book.seed((1...5).map { F.item("F-\($0)", customer: "C00\($0)", open: Int64($0) * 1_000) })
            let before = PendingMessage(MessageDraft(creditor: F.creditor, customerID: invoices[4].customerID, step: "first-reminder",
                                                     plannedOn: F.date("2026-11-22"),
                                                     invoices: [InvoiceMention(invoiceID: invoices[4].invoiceID, step: "first-reminder",
                                                                               open: invoices[4].open)],
                                                     to: invoices[4].emails), compose: F.composed)
            _ = try await book.outbox.enqueue([before], at: F.time)
            let results = try await write(book.outbox, pending(invoices, refused: refused))
            let ids = try await book.texts("SELECT CAST(id AS TEXT) FROM message ORDER BY id")
            let rank = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, "#\($0 + 1)") })
            func ranked(_ row: String) -> String {
                var row = row
                for (id, rank) in rank {
                    row = row.replacingOccurrences(of: "relance.\(id)@", with: "relance.\(rank)@")
                        .replacingOccurrences(of: "«\(id)»", with: rank)
                }
                return row
            }
            box.outcomes = results.map { result in
                switch result {
                case .success(let id?): rank["\(id)"] ?? "unknown id \(id)"
                case .success(nil): "already queued"
                case .failure(let error): error is TemplateCannotRender ? "not composed" : "refused"
                }
            }
            var rows: [String] = []
            for sql in Self.rowQueries { rows += try await book.texts(sql).map(ranked) }
            box.rows = rows
        }
        return (box.outcomes, box.rows)
    }

    private final class Box: @unchecked Sendable {
        var outcomes: [String] = []
        var rows: [String] = []
    }

    /// The outbox's and the journal's rows as text, message ids between « and ».
    private static let rowQueries = [
        """
        SELECT 'message «' || CAST(m.id AS TEXT) || '» ' || m.creditor_id || ' ' || CAST(m.customer_id AS TEXT) || ' ' || m.step || ' '
            || CAST(m.planned_on AS TEXT) || ' ' || m.rfc_message_id || ' ' || m.envelope_from || ' ' || m.state || ' '
            || CAST(m.attempts AS TEXT) || ' ' || COALESCE(CAST(m.next_attempt_at AS TEXT), '-') || ' ' || CAST(m.created_at AS TEXT) || ' '
            || COALESCE(CAST(length(b.raw) AS TEXT), 'no body')
        FROM message m LEFT JOIN message_body b ON b.message_id = m.id ORDER BY m.id
        """,
        """
        SELECT 'recipient «' || CAST(message_id AS TEXT) || '» ' || address || ' ' || role FROM message_recipient ORDER BY message_id, address
        """,
        """
        SELECT 'invoice «' || CAST(message_id AS TEXT) || '» ' || CAST(invoice_id AS TEXT) || ' ' || step || ' '
            || CAST(stated_open_minor AS TEXT) || ' ' || CAST(cancelled AS TEXT)
        FROM message_invoice ORDER BY message_id, invoice_id
        """,
        """
        SELECT 'event ' || CAST(at AS TEXT) || ' ' || kind || ' ' || COALESCE(creditor_id, '-') || ' ' || COALESCE(CAST(customer_id AS TEXT), '-')
            || ' ' || COALESCE(CAST(invoice_id AS TEXT), '-') || ' «' || COALESCE(CAST(message_id AS TEXT), '-') || '» '
            || COALESCE(CAST(import_id AS TEXT), '-') || ' ' || summary || ' ' || CAST(detail AS TEXT)
        FROM event ORDER BY id
        """,
    ]

    /// The reference: on each store the batch stored one message at a time under a savepoint
    /// each, the statements of each message apart (as before the stores' batching — issue 16 on
    /// PostgreSQL, 17 on SQLite — and as a batch the schema refuses is stored).
    private static let oneAtATime: @Sendable (any OutboxStore, [PendingMessage]) async throws -> [Result<Int64?, any Error>] = { outbox, messages in
        if let postgres = outbox as? PostgresStore { return try await postgres.enqueue(messages, at: F.time, together: false) }
        let sqlite = try #require(outbox as? AppDatabase)
        return try await sqlite.enqueue(messages, at: F.time, together: false)
    }

    @Test(arguments: StoreBackend.all) func aBatchLeavesTheRowsAndJournalOfItsMessagesStoredOneAtATime(_ backend: StoreBackend) async throws {
        let single = try await rows(backend, refused: false, Self.oneAtATime)
        let batch = try await rows(backend, refused: false) { outbox, messages in try await outbox.enqueue(messages, at: F.time) }
        #expect(single.outcomes == ["#2", "#3", "not composed", "already queued", "already queued", "#4", "#5"])
        #expect(batch.outcomes == single.outcomes)
        #expect(batch.rows == single.rows)
        // What is compared is there: `b` stays `to`, the review message waits, each has its journal line.
        #expect(single.rows.contains("recipient #2 b@client.example to") && single.rows.contains("recipient #2 c@client.example cc"))
        #expect(single.rows.filter { $0.hasPrefix("message ") }.count == 5)
        #expect(single.rows.filter { $0.contains(" message.queued ") }.count == 4)
        #expect(single.rows.filter { $0.contains(" message.awaiting-approval ") }.count == 1)
        #expect(single.rows.filter { $0.hasPrefix("invoice ") }.count == 6)
    }

    @Test(arguments: StoreBackend.all) func aBatchWithAMessageTheSchemaRefusesStoresTheOthersAsOneAtATime(_ backend: StoreBackend) async throws {
        let single = try await rows(backend, refused: true, Self.oneAtATime)
        let batch = try await rows(backend, refused: true) { outbox, messages in try await outbox.enqueue(messages, at: F.time) }
        #expect(single.outcomes == ["#2", "#3", "not composed", "refused", "already queued", "already queued", "#4", "#5"])
        #expect(batch.outcomes == single.outcomes)
        #expect(batch.rows == single.rows)
    }

    /// The attempts a batch claim journals are those of claims one at a time.
    @Test(arguments: StoreBackend.all) func aBatchClaimJournalsTheAttemptsOfClaimsOneAtATime(_ backend: StoreBackend) async throws {
        func journal(_ claim: @escaping @Sendable (any BookUnderTest) async throws -> [Int64]) async throws -> [String] {
            let box = Box()
            try await backend.withBook { book in
                let invoices = try await book.seed((1...4).map { F.item("F-\($0)", customer: "C00\($0)", open: 1_000) })
                _ = try await book.outbox.enqueue(invoices.map { invoice in
                    PendingMessage(MessageDraft(creditor: F.creditor, customerID: invoice.customerID, step: "first-reminder",
                                                plannedOn: F.date("2026-11-23"),
                                                invoices: [InvoiceMention(invoiceID: invoice.invoiceID, step: "first-reminder", open: invoice.open)],
                                                to: invoice.emails), compose: F.composed)
                }, at: F.time)
                box.outcomes = try await claim(book).map(String.init)
                box.rows = try await book.texts(Self.rowQueries[3])
            }
            #expect(box.outcomes.count == 4)
            return box.rows
        }
        let single = try await journal { book in
            var ids: [Int64] = []
            while let message = try await book.outbox.claimNextMessage(now: F.time, skipping: []) { ids.append(message.id) }
            return ids
        }
        let batch = try await journal { book in try await book.batches.claimMessages(now: F.time, skipping: [], limit: 10).map(\.id) }
        #expect(batch == single)
        #expect(single.filter { $0.contains(" message.sending ") }.count == 4)
    }

    /// Two daemons on one book: one changes the creditor's language (its configuration did),
    /// the other's next batch, claim and delivery speak it — the language is read by each
    /// transaction, never kept from one to the next.
    @Test(.enabled(if: PostgresTestDatabase.shouldRun)) func aLanguageChangedByAnotherDaemonIsSpokenByTheNextBatch() async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let first = try await PostgresStore.open(settings, daemonID: "daemon-a", logger: PostgresTestDatabase.logger)
            let second = try await PostgresStore.open(settings, daemonID: "daemon-b", logger: PostgresTestDatabase.logger)
            let outcome = await Result {
                try await first.registerCreditor(F.creditor, language: .english, at: F.time)
                let book = PostgresBook(store: first)
                let invoices = try await book.seed([F.item("F-1", customer: "C001", open: 1_000), F.item("F-2", customer: "C002", open: 2_000)])
                func pending(_ invoice: SeededInvoice) -> PendingMessage {
                    PendingMessage(MessageDraft(creditor: F.creditor, customerID: invoice.customerID, step: "first-reminder",
                                                plannedOn: F.date("2026-11-23"),
                                                invoices: [InvoiceMention(invoiceID: invoice.invoiceID, step: "first-reminder", open: invoice.open)],
                                                to: invoice.emails), compose: F.composed)
                }
                let english = try #require(try await first.enqueue([pending(invoices[0])], at: F.time).first?.get())
                try await second.registerCreditor(F.creditor, language: .french, at: F.time)
                let french = try #require(try await first.enqueue([pending(invoices[1])], at: F.time).first?.get())
                let claimed = try await first.claimMessages(now: F.time, skipping: [], limit: 10).map(\.id)
                #expect(claimed == [english, french])
                _ = try await first.settleBatch(delivered: claimed.map {
                    DeliveryRecord(id: $0, at: F.time, serverReply: "250 2.0.0 Ok", recipients: [], copyToSent: false)
                }, unclaimed: [], at: F.time, claimingNext: 0, skipping: [])
                let journal = try await first.events(of: F.creditor, kinds: ["message.queued", "message.sending", "message.sent"],
                                                     since: .distantPast).map(\.event)
                let (en, fr) = (Language.english.wording, Language.french.wording)
                let plannedOn = F.date("2026-11-23")
                #expect(Array(journal.map(\.summary).prefix(4)) == [
                    en.messageQueued(step: "first-reminder", to: invoices[0].emails.map(\.value), invoices: 1, plannedOn: plannedOn),
                    fr.messageQueued(step: "first-reminder", to: invoices[1].emails.map(\.value), invoices: 1, plannedOn: plannedOn),
                    fr.messageAttempt(1, messageID: english), fr.messageAttempt(1, messageID: french),
                ])
                let sent = journal.filter { $0.kind == "message.sent" }
                #expect(sent.map(\.messageID) == [english, french])
                #expect(sent.allSatisfy { LanguageLeaks.englishIn($0.summary).isEmpty }, "\(sent.map(\.summary))")
            }
            await first.close()
            await second.close()
            try outcome.get()
        }
    }
}

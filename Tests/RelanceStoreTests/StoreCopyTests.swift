import Foundation
import GRDB
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
@testable import RelanceStore
import Testing

/// `relance store copy`: a SQLite book into an empty PostgreSQL database, verified by rows and
/// checksums, read back through the PostgreSQL store's own ports; everything refused or rolled
/// back when it cannot be copied whole.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct StoreCopyTests {
    typealias F = StoreFixtures

    /// A book that has lived a little: two customers (one with accents and an apostrophe), an
    /// import, a partial reimport, two reminders (one sent), a task closed with a promise, a
    /// wrong address, a hold, a console user: most tables hold rows, with every column type.
    static func livedBook() async throws -> AppDatabase {
        let store = try await F.freshStore()
        let items = [F.item("F-1", open: 123_456), F.item("F-2", open: 50),
                     OpenItem(customer: "C002", customerName: "L'Oréal & Fils", invoice: "F-3", issued: F.date("2026-09-01"),
                              due: F.date("2026-10-01"), open: F.euros(240_000), emails: ["compta@oreal.example", "dg@oreal.example"])]
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot(items), at: F.time)
        _ = try await store.importSnapshot(F.file("b.csv", sha: "b"), F.snapshot(Array(items.dropFirst()), asOf: "2026-11-21"), at: F.time)
        let receivables = try await store.openReceivables(of: F.creditor).sorted { $0.number < $1.number }
        for receivable in receivables.prefix(2) {
            let draft = MessageDraft(creditor: F.creditor, customerID: receivable.customer.id, step: "first-reminder", plannedOn: F.date("2026-11-23"),
                                     invoices: [InvoiceMention(invoiceID: receivable.invoiceID, step: "first-reminder", open: receivable.open)],
                                     to: receivable.customer.emails)
            _ = try await store.enqueue(draft, at: F.time, compose: F.composed)
        }
        let claimed = try #require(try await store.claimNextMessage(now: F.time, skipping: []))
        try await store.markSent(claimed.id, at: F.time.addingTimeInterval(0.123_456), serverReply: "250 2.0.0 Ok: queued")
        let task = try await store.openTask(NewTask(creditor: F.creditor, customerID: receivables[0].customer.id, kind: .call, title: "Appeler",
                                                    dedupKey: "copy-call", invoiceIDs: [receivables[0].invoiceID]), at: F.time).id
        _ = try await F.recordOutcome(.promisedToPay(on: F.date("2026-12-15")), on: task, in: store)
        _ = try await store.markAddressInvalid(EmailAddress("dg@oreal.example")!, of: F.creditor, reason: "550 5.1.1", evidence: "bounce", at: F.time)
        _ = try await store.holdCustomer(receivables[0].customer.id, kind: .away, until: F.date("2026-12-20"), reason: "en congés", at: F.time)
        try await store.saveConsoleUser(ConsoleUser(name: "marie", passwordHash: "$2b$04$" + String(repeating: "a", count: 53),
                                                    allCreditors: false, creditors: [F.creditor]), at: F.time)
        return store
    }

    private func count(_ table: String, in store: PostgresStore) async throws -> Int {
        try await value("SELECT count(*) FROM \(table)", in: store)
    }

    private func value(_ sql: String, in store: PostgresStore) async throws -> Int {
        try await store.connection { connection in
            let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: store.logger)
            for try await count in rows.decode(Int.self) { return count }
            return -1
        }
    }

    private func sqliteCount(_ table: String, in store: AppDatabase) async throws -> Int {
        try await store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1 }
    }

    @Test func aLivedBookIsCopiedWholeAndReadsTheSameThroughThePostgreSQLPorts() async throws {
        let source = try await Self.livedBook()
        try await PostgresTestDatabase.withStore { store in
            let report = try await store.copy(from: source)
            let copied = Dictionary(uniqueKeysWithValues: report.tables.map { ($0.name, $0.rows) })
            for table in ["creditor", "customer", "customer_email", "import", "invoice", "message", "message_recipient", "message_invoice",
                          "task", "task_outcome", "event", "invalid_address", "customer_hold", "console_user", "console_user_creditor"] {
                let rows = try await sqliteCount(table, in: source)
                #expect(rows > 0, "the lived book should hold \(table) rows")
                #expect(copied[table] == rows, "\(table)")
                #expect(try await count(table, in: store) == rows, "\(table)")
            }
            // SQLite's search indexes are not copied; PostgreSQL's triggers fill its own.
            #expect(!report.tables.contains { $0.name.hasPrefix("customer_search") || $0.name.hasPrefix("invoice_number_trigram") })
            #expect(report.notCopied.contains("customer_search") && report.notCopied.contains("lease"))
            #expect(try await count("customer_search", in: store) == (try await sqliteCount("customer", in: source)))
            // Through the ports: the same outbox and the same journal, word for word.
            #expect(try await store.outboxCounts() == (try await source.outboxCounts()))
            let journal = try await store.recentEvents(of: F.creditor, limit: 200)
            let sqliteJournal = try await source.recentEvents(of: F.creditor, limit: 200)
            #expect(journal.map(\.event.kind) == sqliteJournal.map(\.event.kind))
            #expect(journal.map(\.event.summary) == sqliteJournal.map(\.event.summary))
            #expect(journal.map(\.event.time) == sqliteJournal.map(\.event.time))
            #expect(journal.map(\.event.detail) == sqliteJournal.map(\.event.detail))
            // New ids follow the copied ones (each identity's sequence restarted after them).
            let copiedLast = try await value("SELECT max(id) FROM event", in: store)
            #expect(copiedLast == (try await source.writer.read { db in try Int.fetchOne(db, sql: "SELECT max(id) FROM event") }))
            try await store.record(NewEvent(time: F.time, kind: "test.after-copy", creditor: F.creditor, summary: "after the copy"))
            #expect(try await store.recentEvents(of: F.creditor, limit: 1).first?.id == Int64(copiedLast + 1))
            // The queued reminder (to L'Oréal, not held) is claimable there, with its bytes and recipients.
            let queued = try #require(try await store.claimNextMessage(now: F.time, skipping: []))
            #expect(queued.bytes == F.composed(queued.id).bytes)
            #expect(queued.recipients.map(\.description).sorted() == ["compta@oreal.example", "dg@oreal.example"])
        }
    }

    /// A daemon stopped mid-send leaves a message `sending` in SQLite: PostgreSQL gets it with a
    /// claim already expired, so the recovery path settles it from the server's evidence.
    @Test func aMessageLeftSendingIsHandedToRecovery() async throws {
        let source = try await Self.livedBook()
        let interrupted = try #require(try await source.claimNextMessage(now: F.time, skipping: []))
        try await PostgresTestDatabase.withStore { store in
            _ = try await store.copy(from: source)
            #expect(try await store.outboxCounts()[.sending] == 1)
            let recovered = try await store.interruptedSends()
            #expect(recovered.map(\.id) == [interrupted.id])
            #expect(try await store.claimNextMessage(now: F.time, skipping: []) == nil)
        }
    }

    @Test func aDatabaseThatHoldsABookIsRefusedAndKeptAsItWas() async throws {
        let source = try await Self.livedBook()
        try await PostgresTestDatabase.withStore { store in
            _ = try await store.copy(from: source)
            let invoices = try await count("invoice", in: store)
            await #expect { _ = try await store.copy(from: source) } throws: { error in
                let refusal = error as? PostgresStoreError
                return refusal?.code == .copyRefused && refusal?.message.contains("already holds a book") == true
            }
            #expect(try await count("invoice", in: store) == invoices)
        }
    }

    @Test func aTableThePostgreSQLSchemaLacksIsRefusedBeforeAnyWrite() async throws {
        let source = try await Self.livedBook()
        try await source.writer.write { db in
            try db.execute(sql: "CREATE TABLE local_notes (id INTEGER PRIMARY KEY, note TEXT)")
            try db.execute(sql: "INSERT INTO local_notes (note) VALUES ('kept only here')")
        }
        try await PostgresTestDatabase.withStore { store in
            await #expect { _ = try await store.copy(from: source) } throws: { error in
                let refusal = error as? PostgresStoreError
                return refusal?.code == .copyRefused && refusal?.context["table"] == "local_notes"
            }
            let creditors = try await count("creditor", in: store)
            #expect(creditors == 0)
        }
    }

    /// An instant with more digits than PostgreSQL keeps is rounded there: the read-back differs
    /// from the source, and the whole copy is rolled back rather than committed changed.
    @Test func aValueChangedOnTheWayRollsTheWholeCopyBack() async throws {
        let source = AlteringSource(store: try await Self.livedBook(), table: "event", column: "at", value: "2026-11-30 09:00:00.1234567")
        try await PostgresTestDatabase.withStore { store in
            await #expect { _ = try await store.copy(from: source) } throws: { error in
                let mismatch = error as? PostgresStoreError
                return mismatch?.code == .copyMismatch && mismatch?.context["table"] == "event"
            }
            for table in ["creditor", "customer", "invoice", "event"] {
                let rows = try await count(table, in: store)
                #expect(rows == 0, "\(table)")
            }
        }
    }

    @Test func pagesBoundedByWeightStillCarryEveryRow() async throws {
        let source = try await Self.livedBook()
        let table = try #require(try await source.copyTables().first { $0.name == "event" })
        var cursor: Int64?
        var rows = 0
        var pages = 0
        repeat {
            let page = try await source.copyRows(of: table, after: cursor, limit: 1_000, maximumBytes: 1)
            #expect(page.rows.count <= 1)
            rows += page.rows.count
            pages += 1
            cursor = page.next
        } while cursor != nil
        #expect(rows == (try await sqliteCount("event", in: source)))
        #expect(pages >= rows)
    }
}

/// A source that hands one column of one table a value of its own: what a copy that changed a
/// value on the way would look like.
private struct AlteringSource: StoreCopySource {
    let store: AppDatabase
    let table: String
    let column: String
    let value: String

    func copyTables() async throws -> [StoreCopyTable] { try await store.copyTables() }

    func copyRows(of table: StoreCopyTable, after cursor: Int64?, limit: Int, maximumBytes: Int) async throws -> StoreCopyPage {
        var page = try await store.copyRows(of: table, after: cursor, limit: limit, maximumBytes: maximumBytes)
        if table.name == self.table, let index = table.columns.firstIndex(of: column) {
            for row in page.rows.indices { page.rows[row][index] = .text(value) }
        }
        return page
    }
}

/// The checksum both sides compute: SQLite's spelling and PostgreSQL's of the same values agree.
@Suite struct StoreCopyDigestTests {
    private static let types = ["bigint", "boolean", "timestamp with time zone", "date", "jsonb", "bytea", "text", "text"]

    private func sqliteRow(name: String = "L'Oréal & Fils") -> [StoreCopyCell] {
        [.text("42"), .text("1"), .text("2026-11-30 09:00:00.369"), .text("2026-11-30"), .text(#"{"b":1,"a":["x","é"]}"#),
         .blob([0xDE, 0xAD, 0x00]), .text(name), .null]
    }

    private let postgresRow: [String?] = ["42", "true", "2026-11-30 09:00:00.369+00", "2026-11-30", #"{"a": ["x", "é"], "b": 1}"#,
                                          "\\xdead00", "L'Oréal & Fils", nil]

    @Test func theSameValuesSpelledByEachDatabaseAgree() throws {
        var sqlite = StoreCopyDigest(types: Self.types)
        var postgres = StoreCopyDigest(types: Self.types)
        try sqlite.add(sqliteRow())
        try sqlite.add(sqliteRow(name: "Garage des Lilas"))
        try postgres.add(texts: ["42", "true", "2026-11-30 09:00:00.369+00", "2026-11-30", #"{"a": ["x", "é"], "b": 1}"#,
                                 "\\xdead00", "Garage des Lilas", nil])
        try postgres.add(texts: postgresRow)
        #expect(sqlite.rowCount == 2 && postgres.rowCount == 2)
        #expect(sqlite.checksum == postgres.checksum, "rows in another order still agree")
    }

    @Test(arguments: [
        (2, "2026-11-30 09:00:00.368+00"), (1, "false"), (6, "L'Oreal & Fils"), (7, ""), (5, "\\xdead"), (4, #"{"a": ["x", "e"], "b": 1}"#),
    ])
    func anyOtherDifferenceDoesNot(column: Int, changed: String) throws {
        var sqlite = StoreCopyDigest(types: Self.types)
        var postgres = StoreCopyDigest(types: Self.types)
        try sqlite.add(sqliteRow())
        var row = postgresRow
        row[column] = changed
        try postgres.add(texts: row)
        #expect(sqlite.checksum != postgres.checksum)
    }

    @Test func byteaIsReadFromPostgreSQLsHexOutputOnly() {
        #expect(StoreCopyDigest.bytes(fromHex: "\\xDEad00") == [0xDE, 0xAD, 0x00])
        #expect(StoreCopyDigest.bytes(fromHex: "\\x") == [])
        for refused in ["dead", "\\xdea", "\\xdeag", "\\\\xde"] {
            #expect(StoreCopyDigest.bytes(fromHex: refused) == nil, "\(refused)")
        }
    }

    @Test func aValueThatIsNotOfItsColumnsTypeIsRefused() {
        var digest = StoreCopyDigest(types: ["bigint"])
        #expect(throws: PostgresStoreError.self) { try digest.add([.text("12abc")]) }
    }

    @Test(arguments: [
        ("2026-11-30 09:00:00", "2026-11-30T09:00:00Z"), ("2026-11-30 11:00:00+02", "2026-11-30 09:00:00"),
        ("2026-11-30 03:30:00.5-05:30", "2026-11-30 09:00:00.500000+00"), ("2024-02-29 00:00:00", "2024-02-29T00:00:00+0000"),
    ])
    func instantsAgreeWhateverTheirSpelling(first: String, second: String) {
        #expect(InstantText.microsecondsSinceEpoch(first) != nil)
        #expect(InstantText.microsecondsSinceEpoch(first) == InstantText.microsecondsSinceEpoch(second))
    }

    @Test func instantsCountFromNineteenSeventy() {
        #expect(InstantText.microsecondsSinceEpoch("1970-01-01 00:00:01.000001") == 1_000_001)
        #expect(InstantText.microsecondsSinceEpoch("2026-11-30 09:00:00") == Int64(1_796_029_200_000_000))
        for refused in ["2026-13-01 00:00:00", "2026-11-30", "2026-11-30 09:00", "2026-11-30 09:00:00.", "2026-11-30 09:00:00 UTC"] {
            #expect(InstantText.microsecondsSinceEpoch(refused) == nil, "\(refused)")
        }
    }
}

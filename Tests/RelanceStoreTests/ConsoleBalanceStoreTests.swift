import Foundation
import GRDB
@testable import RelanceStore
import RelanceCore
import Testing

/// The reads of `v16-console-balance` (the Aged balance, Mail and search on a big book) must be
/// exactly the whole-book computations they replace.
@Suite struct ConsoleBalanceStoreTests {
    typealias F = StoreFixtures

    /// Customers with invoices in every bucket on 20 Nov 2026, one with no due date, a credit, a
    /// second currency, one invoice paid in full and one in part at the bank (awaiting the
    /// ledger), one settled by a later snapshot; and another creditor's book.
    static func book() async throws -> AppDatabase {
        let store = try await ConsolePagesStoreTests.book()
        var items = try await store.openReceivables(of: F.creditor).map {
            OpenItem(customer: $0.customer.externalID, customerName: $0.customer.name, invoice: $0.number, issued: $0.issued, due: $0.due,
                     open: $0.open, emails: $0.customer.emails.map(\.value) + $0.customer.cc.map(\.value))
        }
        items.removeAll { $0.invoice == "FA-2026-21" }   // settled
        let dues = ["2026-12-15", "2026-11-20", "2026-11-19", "2026-10-21", "2026-10-20", "2026-09-21", "2026-09-20", "2026-08-22",
                    "2026-08-21", "2025-01-01"]
        for (n, due) in dues.enumerated() {
            items.append(OpenItem(customer: String(format: "C%03d", n % 12 + 1), customerName: nil, invoice: "NV-\(n)", due: F.date(due),
                                  open: F.euros(Int64(10_000 + n)), emails: []))
        }
        items.append(OpenItem(customer: "C009", customerName: nil, invoice: "SANS-ÉCHÉANCE", due: nil, open: F.euros(4_200), emails: []))
        items.append(OpenItem(customer: "C010", customerName: nil, invoice: "GBP-1", due: F.date("2026-11-01"),
                              open: Money(minorUnits: 7_700, currency: Currency(code: "GBP")!), emails: []))
        // A customer the export gives no name.
        items.append(OpenItem(customer: "C013", customerName: nil, invoice: "SANS-NOM-1", due: F.date("2026-10-21"), open: F.euros(3_300), emails: []))
        _ = try await store.importSnapshot(F.file("b.csv", sha: "c"), F.snapshot(items, asOf: "2026-11-25"), at: F.time.addingTimeInterval(86_400))
        // NV-3 paid in full, NV-5 in part, at the bank; the ledger has not lettered them yet.
        let statement = BankStatement(format: .ofx, entries: [
            BankEntry(booked: F.date("2026-11-26"), amount: F.euros(10_003), remittance: "FACTURE NV-3", account: "FR76300040012300012345678"),
            BankEntry(booked: F.date("2026-11-26"), amount: F.euros(4_000), remittance: "ACOMPTE FACTURE NV-5", account: "FR76300040012300012345678"),
        ])
        _ = try await store.importBankStatement(ImportedFile(creditor: F.creditor, fileName: "bank.ofx", sha256: String(repeating: "d", count: 64),
                                                             byteCount: 100, kind: "bank-statement"),
                                                statement, language: .french, at: F.time.addingTimeInterval(2 * 86_400))
        return store
    }

    @Test func theAgingSumsAreTheWholeBookAgedThenSummed() async throws {
        let store = try await Self.book()
        let payments = try await store.bankPayments(of: F.creditor)
        #expect(Set(payments.map(\.invoiceNumber)) == ["NV-3", "NV-5"], "the fixture pays two invoices at the bank")
        let whole = try await BankAwareReceivables.read(F.creditor, from: store)
        let filters = [AgedBalanceFilter(), AgedBalanceFilter(customer: "c00"), AgedBalanceFilter(customer: "éric"), AgedBalanceFilter(customer: "client"),
                       AgedBalanceFilter(customer: "c013"),
                       AgedBalanceFilter(customer: "Œuvres"), AgedBalanceFilter(customerCode: "C006"), AgedBalanceFilter(customer: "zzz")]
            + AgingBucket.allCases.map { AgedBalanceFilter(bucket: $0) } + [AgedBalanceFilter(customer: "C01", bucket: .late1to30)]
        for day in ["2026-09-01", "2026-11-20", "2026-11-21", "2026-12-20", "2027-03-01"] {
            let asOf = F.date(day)
            let rows = try await store.agingRows(of: F.creditor, asOf: asOf)
            for filter in filters {
                let expected = AgedBalanceSummary(filter.apply(to: AgedBalance(receivables: whole, asOf: asOf)))
                #expect(AgedBalanceSummary(rows: rows, asOf: asOf, filter: filter) == expected, "\(day) \(filter)")
            }
        }
        // Not vacuous: on 20 Nov every bucket holds something, and the bank's money is set apart.
        let summary = AgedBalanceSummary(rows: try await store.agingRows(of: F.creditor, asOf: F.date("2026-11-20")), asOf: F.date("2026-11-20"))
        let euros = try #require(summary.totals.first { $0.currency == .euro })
        #expect(Set(euros.byBucket.keys) == Set(AgingBucket.allCases))
        #expect(euros.received == 10_003 + 4_000)
        #expect(summary.totals.map(\.currency.code) == ["EUR", "GBP", "USD"])
        #expect(try await store.agingRows(of: ConsolePagesStoreTests.other, asOf: F.date("2026-11-20")).map(\.externalID) == ["C001"])
    }

    /// A due date of the right shape that is no calendar day (the schema checks the shape only:
    /// a hand-edited store) counts as no due date, in the store's sums as in the whole book.
    @Test func aDueDateThatIsNoCalendarDayIsNotDue() async throws {
        let store = try await Self.book()
        try await store.writer.write { db in
            try db.execute(sql: "UPDATE invoice SET due_on = '2026-02-30' WHERE number = 'NV-9'")
            try db.execute(sql: "UPDATE invoice SET due_on = '0000-01-01' WHERE number = 'NV-8'")
        }
        let whole = try await BankAwareReceivables.read(F.creditor, from: store)
        let undated = whole.filter { ["NV-8", "NV-9"].contains($0.number) }
        #expect(undated.count == 2 && undated.allSatisfy { $0.due == nil })
        for day in ["2026-11-20", "2027-03-01"] {
            let asOf = F.date(day)
            let rows = try await store.agingRows(of: F.creditor, asOf: asOf)
            for filter in [AgedBalanceFilter(), AgedBalanceFilter(bucket: .notDue), AgedBalanceFilter(bucket: .over90)] {
                #expect(AgedBalanceSummary(rows: rows, asOf: asOf, filter: filter)
                        == AgedBalanceSummary(filter.apply(to: AgedBalance(receivables: whole, asOf: asOf))), "\(day) \(filter)")
            }
        }
    }

    @Test func theAgingReadsOneIndexNotTheInvoices() async throws {
        let store = try await Self.book()
        let plan = try await store.writer.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT id, customer_id, currency, open_minor, due_on
                FROM invoice INDEXED BY invoice_open_aging WHERE creditor_id = 'acme' AND status = 'open'
                """).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("COVERING INDEX invoice_open_aging") }, "\(plan)")
    }

    /// The Mail page's list as it was: both sides in one union, sorted, then cut.
    static func mailLogTheOldWay(_ store: AppDatabase, _ creditor: CreditorID, search: String?, limit: Int) async throws -> [MailLogEntry] {
        let needle = search.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let pattern = needle.map { "%" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%" }
        return try await store.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM (
                    SELECT 'sent' AS direction, m.id, m.creditor_id, c.external_id, c.name, COALESCE(m.sent_at, m.created_at) AS time,
                           (SELECT group_concat(address, ', ') FROM message_recipient WHERE message_id = m.id) AS counterpart,
                           m.step || ' · ' || m.state AS label, m.step AS step, m.state AS state, NULL AS raw
                    FROM message m LEFT JOIN customer c ON c.id = m.customer_id
                    UNION ALL
                    SELECT 'received', i.id, i.creditor_id, c.external_id, c.name, i.received_at, i.summary, i.kind, NULL, NULL, i.raw
                    FROM inbound_message i LEFT JOIN customer c ON c.id = i.customer_id
                )
                WHERE creditor_id = ?1 AND (?2 IS NULL OR counterpart LIKE ?2 ESCAPE '\\' OR external_id LIKE ?2 ESCAPE '\\'
                                            OR name LIKE ?2 ESCAPE '\\' OR label LIKE ?2 ESCAPE '\\')
                ORDER BY time DESC, id DESC LIMIT ?3
                """, arguments: [creditor.rawValue, pattern, limit]).map { row in
                MailLogEntry((row["direction"] as String) == "sent" ? .reminder(step: row["step"], state: OutboxState(rawValue: row["state"])!)
                                                                   : .received(kind: row["label"]),
                             id: row["id"], creditor: CreditorID(row["creditor_id"] as String)!, customerCode: row["external_id"],
                             customerName: row["name"], time: row["time"], counterpart: row["counterpart"] ?? "", raw: nil)
            }
        }
    }

    @Test func theMailPagesNewestFirstIsTheOldSortedUnion() async throws {
        let store = try await ConsolePagesStoreTests.book()
        let receivables = try await store.openReceivables(of: F.creditor)
        var sent: [Int64] = []
        for (n, receivable) in receivables.enumerated() where n % 2 == 0 {
            let draft = MessageDraft(creditor: F.creditor, customerID: receivable.customer.id, step: n % 4 == 0 ? "first-reminder" : "second-reminder",
                                     plannedOn: F.date("2026-11-23"), invoices: [InvoiceMention(invoiceID: receivable.invoiceID, step: "first-reminder", open: receivable.open)],
                                     to: receivable.customer.emails)
            let id = try #require(try await store.enqueue(draft, at: F.time.addingTimeInterval(Double(n)), compose: F.composed))
            if n % 3 != 0 { sent.append(id) }
        }
        // All claimed (the others stay `sending`), sent in another order than queued, two by two at the same instant.
        while try await store.claimNextMessage(now: F.time.addingTimeInterval(10_000)) != nil {}
        for (k, id) in sent.reversed().enumerated() {
            try await store.markSent(id, at: F.time.addingTimeInterval(Double(3_600 + (k / 2) * 60)), serverReply: "250 ok")
        }
        for uid in UInt32(1)...7 {
            let customer = receivables[Int(uid) * 3 % receivables.count].customer.id
            let record = InboundRecord(creditor: F.creditor, folder: "INBOX", uidValidity: 7, uid: uid, rfcMessageID: "m\(uid)@client.example",
                                       kind: uid % 2 == 0 ? .reply : .autoreply, messageID: nil, customerID: uid == 5 ? nil : customer,
                                       summary: "Réponse \(uid) de ap\(uid)@client\(uid).example", excerpt: nil, raw: Array("r\(uid)".utf8))
            _ = try await store.recordInbound(record, effects: [], mark: MailboxMark(folder: "INBOX", uidValidity: 7, lastUID: uid, polledAt: F.time),
                                              at: F.time.addingTimeInterval(Double(uid) * 1_000 + 0.5))
        }
        for search in [nil, "", "  ", "ap1", "first", "SENT", "reply", "C00", "réponse", "%", "_", "zzz"] as [String?] {
            for limit in [200, 5, 1] {
                let page = try await store.mailLog(of: F.creditor, search: search, limit: limit)
                #expect(page == (try await Self.mailLogTheOldWay(store, F.creditor, search: search, limit: limit)), "\(search ?? "nil") \(limit)")
            }
        }
        let all = try await store.mailLog(of: F.creditor, search: nil, limit: 200)
        #expect(Set(all.map(\.direction)) == [.sent, .received] && all.count == receivables.count / 2 + receivables.count % 2 + 7)
        for entry in all {
            let opened = try #require(try await store.mailEntry(entry.direction, id: entry.id, of: F.creditor))
            #expect(opened.time == entry.time && opened.what == entry.what && opened.counterpart == entry.counterpart)
            #expect(opened.raw == (entry.direction == .sent ? F.composed(entry.id).bytes : Array("r\(entry.id)".utf8)))
            #expect(try await store.mailEntry(entry.direction, id: entry.id, of: ConsolePagesStoreTests.other) == nil)
        }
        #expect(try await store.mailLog(of: ConsolePagesStoreTests.other, search: nil, limit: 200).isEmpty)
    }

    @Test(arguments: ["fa-2026-1", "FA-2026-61", "nv-", "NV-3", "gbp-1", "sans-é", "026", "2026-12", "\"", "zzz"])
    func theTrigramSearchIsTheOldFilterAfterImportsAndSettlements(_ text: String) async throws {
        let store = try await Self.book()
        for limit in [200, 2] {
            #expect(try await store.searchCustomers(of: F.creditor, containing: text, limit: limit)
                    == (try await ConsolePagesStoreTests.searchedTheOldWay(store, F.creditor, text, limit: limit)), "\(text) \(limit)")
        }
    }

    @Test func theTrigramIndexServesTheSearchAndIsBuiltForAnExistingBook() async throws {
        let queue = try StoreFixtures.queue(migratedUpTo: "v14-bank-dedup-digest")
        let sha = String(repeating: "a", count: 64)
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO creditor (id, created_at, language) VALUES ('acme', '2026-11-01', 'fr');
                INSERT INTO import (id, creditor_id, file_name, sha256, byte_count, kind, status, as_of, authoritative, item_count, imported_at)
                    VALUES (7, 'acme', 'a.csv', '\(sha)', 10, 'open-invoices', 'applied', '2026-11-01', 1, 2, '2026-11-01');
                INSERT INTO customer (id, creditor_id, external_id, name, created_at) VALUES (1, 'acme', 'C1', 'Un', '2026-11-01'),
                    (2, 'acme', 'C2', 'Deux', '2026-11-01');
                INSERT INTO invoice (id, creditor_id, customer_id, number, currency, open_minor, status, seen_as_of, first_import_id, last_import_id)
                    VALUES (10, 'acme', 1, 'FA-0042-X', 'EUR', 10000, 'open', '2026-11-01', 7, 7),
                           (11, 'acme', 2, 'FA-0043-Y', 'EUR', 5000, 'open', '2026-11-01', 7, 7);
                """)
        }
        let store = try AppDatabase(queue)
        #expect(try await store.searchCustomers(of: F.creditor, containing: "0042-x", limit: 10).map(\.externalID) == ["C1"])
        #expect(try await store.searchCustomers(of: F.creditor, containing: "fa-004", limit: 10).map(\.externalID) == ["C1", "C2"])
        let plan = try await store.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT rowid FROM invoice_number_trigram WHERE invoice_number_trigram MATCH '\"0042\"'")
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("VIRTUAL TABLE INDEX") }, "\(plan)")
        #expect(try store.integrityProblems().isEmpty)
    }
}

extension ConsoleBalanceStoreTests {
    @Test func customerCodesAreTheProfilesCodes() async throws {
        let store = try await ConsolePagesStoreTests.book()
        let profiles = try await store.customerProfiles(of: F.creditor)
        let ids = Set(profiles.map(\.id).enumerated().filter { $0.offset % 3 != 1 }.map(\.element) + [999_999])
        #expect(try await store.customerCodes(ids) == Dictionary(uniqueKeysWithValues: profiles.filter { ids.contains($0.id) }.map { ($0.id, $0.profile.externalID) }))
        #expect(try await store.customerCodes([]).isEmpty)
    }
}

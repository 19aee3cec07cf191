import Foundation
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
@testable import RelanceStore
import Testing

/// The same files imported into a SQLite book and a PostgreSQL book give the same book: the
/// receipts, the open receivables, every journal line (kind, words, what it is about, in order)
/// and the aged balance's sums. The files walk every rule of the snapshot import (a large first
/// load journaled per customer, an enrichment file with a buyer to identify and a kept document,
/// an authoritative snapshot settling, paying and moving invoices, an older snapshot dropped
/// late, a held mass settlement confirmed, refused rows, a reopened invoice, a duplicate), for a
/// French and an English creditor.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct ImportOnBothStoresTests {
    typealias F = StoreFixtures
    typealias Book = ReceivablesStore & ImportReviewStore & EventJournal & AgingSummaryStore & ImportHistoryStore & TaskStore
        & CustomerProfileStore

    static let french = CreditorID("dupont")!
    static let english = CreditorID("smith")!

    /// What a book shows after the files: compared whole between the stores.
    struct Trace: Equatable {
        var receipts: [ImportReceipt] = []
        var open: [Receivable] = []
        var lines: [String] = []
        var aging: [AgingRow] = []
        var held: [HeldImport] = []
        var tasks: [String] = []
        var documents: [String] = []
        var profiles: [StoredCustomer] = []
    }

    @Test func theSameFilesGiveTheSameBookOnBothStores() async throws {
        let sqlite = try AppDatabase.inMemory()
        let expected = try await Self.play(sqlite) { file, snapshot in
            try await sqlite.importSnapshot(file, snapshot, at: F.time, summaryMinimum: 5)
        }
        // Not vacuous: every rule spoke.
        let kinds = Set(expected.lines.map { String($0.split(separator: "|")[0]) })
        for kind in ["invoice.opened", "invoice.settled", "invoice.partly-paid", "invoice.increased", "invoice.reopened",
                     "invoice.older-snapshot", "invoice.customer-changed", "invoice.due-changed", "invoice.document-kept",
                     "invoice.due-disagreement", "invoice.terms-beyond-cap", "invoice.customer-resolved", "customer.unidentified",
                     "customer.identified", "customer.email-invalid", "customer.email-added", "customer.email-changed", "task.opened",
                     "task.closed", "import.applied", "import.held", "import.confirmed", "import.duplicate", "import.rows-refused",
                     "import.warning", "customer.created", "customer.updated"] {
            #expect(kinds.contains(kind), "no \(kind) line")
        }
        #expect(expected.lines.contains { $0.contains("Facture") } && expected.lines.contains { $0.contains("Invoice") })
        #expect(expected.documents.filter { $0.hasSuffix("F-1.pdf") }.map { $0.prefix(4) } == ["F-1 ", "F-1 "])
        try await PostgresTestDatabase.withStore { postgres in
            let actual = try await Self.play(postgres) { file, snapshot in
                try await postgres.importSnapshot(file, snapshot, at: F.time, summaryMinimum: 5)
            }
            #expect(actual.receipts == expected.receipts)
            #expect(actual.open == expected.open)
            #expect(actual.aging == expected.aging)
            #expect(actual.held == expected.held)
            #expect(actual.tasks == expected.tasks)
            #expect(actual.documents == expected.documents)
            #expect(actual.profiles == expected.profiles)
            #expect(actual.lines.count == expected.lines.count)
            for (index, (line, wanted)) in zip(actual.lines, expected.lines).enumerated() where line != wanted {
                Issue.record("line \(index): \(line)\n  SQLite: \(wanted)")
                break
            }
        }
    }

    static func file(_ creditor: CreditorID, _ name: String, sha: Character) -> ImportedFile {
        ImportedFile(creditor: creditor, fileName: name, sha256: String(repeating: sha, count: 64), byteCount: 100, kind: "open-invoices")
    }

    static func item(_ invoice: String, _ customer: String, open: Int64, due: String? = "2026-10-15", issued: String = "2026-09-15",
                     name: String? = nil, emails: [String] = []) -> OpenItem {
        OpenItem(customer: customer, customerName: name ?? (customer.isEmpty ? nil : "Client \(customer)"), invoice: invoice,
                 issued: F.date(issued), due: due.map(F.date), open: F.euros(open), emails: emails)
    }

    /// The files, in order, for each creditor; the trace of what the book shows after.
    static func play(_ store: some Book, firstLoad: (ImportedFile, ReceivableSnapshot) async throws -> ImportReceipt) async throws -> Trace {
        var trace = Trace()
        try await store.registerCreditor(french, language: .french, at: F.time)
        try await store.registerCreditor(english, language: .english, at: F.time)
        for creditor in [french, english] {
            // 1. A first load, journaled per customer: C003 has no contact (a task), F-7 states
            //    terms beyond the legal cap, F-8 a due date its terms text contradicts, F-9 a row refused.
            var first = ReceivableSnapshot(items: [
                item("F-1", "C001", open: 10_000, emails: ["compta@c1.example"]),
                item("F-2", "C001", open: 5_000, emails: ["compta@c1.example"]),
                item("F-3", "C002", open: 7_000, emails: ["a@c2.example"]),
                item("F-4", "C002", open: 3_000),
                item("F-5", "C003", open: 2_000),
                item("F-6", "C001", open: 1_000),
                item("F-7", "C002", open: 4_000, due: "2027-03-01"),
                item("F-8", "C003", open: 6_000, due: nil),
                item("F-10", "C001", open: 500),
                item("F-10", "C001", open: 250),
            ], asOf: F.date("2026-11-01"), isAuthoritative: true,
               details: ["F-8": InvoiceDetails(dueFromTermsText: F.date("2026-10-20"))])
            first.refusedRows = [RefusedRow(position: SourcePosition(file: "ledger-1.csv", line: 12), invoice: "F-9", customer: "C003",
                                            reason: "the due date is 1899-12-30, Excel's day 0")]
            var firstFile = file(creditor, "ledger-1.csv", sha: "1")
            firstFile.warnings = ["line 4: a line break in a name"]
            trace.receipts.append(try await firstLoad(firstFile, first))
            // 2. An enrichment file: an e-invoice of a buyer nobody knows (a placeholder), one of a
            //    customer found by name, F-1's document kept, addresses for C003 (one invalid).
            let document = InvoiceDocument(path: "documents/ab/ab12.pdf", sha256: String(repeating: "d", count: 64),
                                           mediaType: "application/pdf", fileName: "F-1.pdf")
            trace.receipts.append(try await store.importSnapshot(file(creditor, "einvoices.xml", sha: "2"), ReceivableSnapshot(items: [
                item("E-1", "", open: 900, name: "Inconnu SA"),
                item("E-2", "C050", open: 800, name: "Personne SARL"),
                item("E-3", "X9", open: 700, name: "client c002"),
                item("F-1", "C001", open: 1, due: "2026-10-30"),
                item("F-5", "C003", open: 2_000, emails: ["not an address", "pay@c3.example"]),
            ], asOf: F.date("2026-11-02"), isAuthoritative: false, details: ["F-1": InvoiceDetails(document: document)],
               statedDueSource: DueDateSource.dueDateColumn), at: F.time))
            // 3. The ledger, newer: F-2 paid (settled), F-3 partly paid, F-4 increased, F-6 due
            //    later, E-1 named C009 (moved from its placeholder, released), C050 named
            //    (identified), C001's address changed, F-9 still refused (not settled).
            var third = ReceivableSnapshot(items: [
                item("F-1", "C001", open: 10_000, emails: ["new@c1.example"]),
                item("F-3", "C002", open: 2_000),
                item("F-4", "C002", open: 3_500),
                item("F-5", "C003", open: 2_000),
                item("F-6", "C001", open: 1_000, due: "2026-12-15"),
                item("F-7", "C002", open: 4_000, due: "2027-03-01"),
                item("F-8", "C003", open: 6_000, due: nil),
                item("F-10", "C001", open: 750),
                item("E-1", "C009", open: 900),
                item("E-2", "C050", open: 800),
                item("E-3", "C002", open: 700),
            ], asOf: F.date("2026-11-10"), isAuthoritative: true)
            third.refusedRows = first.refusedRows
            trace.receipts.append(try await store.importSnapshot(file(creditor, "ledger-3.csv", sha: "3"), third, at: F.time))
            // 3b. A contacts file: C003 gets a phone (its task answered), C002 terms (later due dates
            //     count from them), C001 a new name, C200 created, an address refused; then a
            //     second one changing C001 again and naming nobody's phones.
            var contacts = file(creditor, "contacts.csv", sha: "c")
            contacts.kind = "contacts"
            trace.receipts.append(try await store.importContacts(contacts, [
                CustomerProfile(externalID: "C001", name: "Dupont SARL", postalAddress: ["1 rue de la Paix", "75002 Paris"],
                                emailsTo: ["new@c1.example", "not an address"], emailsCc: ["boss@c1.example"]),
                CustomerProfile(externalID: "C002", name: "Client C002", paymentTerms: PaymentTermsRule(days: 45, endOfMonth: true)),
                CustomerProfile(externalID: "C003", name: "Client C003", phones: ["+33 1 23 45 67 89"], doNotRemind: true),
                CustomerProfile(externalID: "C200", name: "Nouveau SA", emailsTo: ["c200@new.example"], language: .english,
                                lastManualContact: F.date("2026-11-05")),
            ], at: F.time))
            var contactsAgain = file(creditor, "contacts-2.csv", sha: "d")
            contactsAgain.kind = "contacts"
            var partial = CustomerProfile(externalID: "C001", name: "Dupont SA", emailsTo: ["new@c1.example"])
            partial.notInFile = [.phones, .postalAddress]
            // C003 as it was (no line), C200 with one more phone, a date and a language dropped.
            let again = [partial, CustomerProfile(externalID: "C003", name: "Client C003", phones: ["+33 1 23 45 67 89"], doNotRemind: true),
                         CustomerProfile(externalID: "C200", name: "Nouveau SA", emailsTo: ["c200@new.example"], phones: ["+44 20 7946 0000"])]
            trace.receipts.append(try await store.importContacts(contactsAgain, again, at: F.time))
            trace.receipts.append(try await store.importContacts(contactsAgain, again, at: F.time))
            // 4. An older ledger dropped late: changes nothing, says so.
            trace.receipts.append(try await store.importSnapshot(file(creditor, "ledger-0.csv", sha: "0"), ReceivableSnapshot(items: [
                item("F-1", "C001", open: 10_000), item("F-3", "C002", open: 7_000),
            ], asOf: F.date("2026-10-25"), isAuthoritative: true), at: F.time))
            // 5. A truncated export settling most of the book: held, then confirmed by a person.
            let truncated = ReceivableSnapshot(items: [item("F-1", "C001", open: 10_000)], asOf: F.date("2026-11-12"),
                                               isAuthoritative: true, massSettlementThresholdPercent: 20)
            let held = try await store.importSnapshot(file(creditor, "overdue.csv", sha: "5"), truncated, at: F.time)
            trace.receipts.append(held)
            trace.held += try await store.heldImports(of: creditor)
            trace.receipts.append(try await store.confirmHeldImport(held.importID, at: F.time))
            // 6. The ledger lists F-3 again (reopened) and names its customers by name only.
            var sixth = ReceivableSnapshot(items: [
                item("F-1", "Client C001", open: 10_000), item("F-3", "Client C002", open: 2_000), item("G-1", "Client C003", open: 100),
            ], asOf: F.date("2026-11-15"), isAuthoritative: true)
            sixth.customersByName = true
            trace.receipts.append(try await store.importSnapshot(file(creditor, "ledger-6.csv", sha: "6"), sixth, at: F.time))
            // 7. The same bytes again.
            trace.receipts.append(try await store.importSnapshot(file(creditor, "ledger-6-copy.csv", sha: "6"), sixth, at: F.time))

            trace.open += try await store.openReceivables(of: creditor)
            trace.profiles += try await store.customerProfiles(of: creditor)
            if let first = trace.profiles.first, let one = try await store.customerProfile(id: first.id) { trace.profiles.append(one) }
            // F-1's document, kept by the enrichment file and not lost to the ledgers after it.
            for invoice in try await store.openReceivables(of: creditor) where ["F-1", "F-3"].contains(invoice.number) {
                let kept = try await store.invoiceDocument(invoiceID: invoice.invoiceID)
                trace.documents.append("\(invoice.number) \(kept.map { "\($0.path) \($0.sha256) \($0.mediaType) \($0.fileName)" } ?? "none")")
            }
            trace.aging += try await store.agingRows(of: creditor, asOf: F.date("2026-12-01"))
            trace.tasks += try await store.tasks(of: creditor, state: nil).map { "\($0.id)|\($0.kind)|\($0.state)|\($0.customerID ?? 0)|\($0.title)" }
            trace.lines += try await store.recentEvents(of: creditor, limit: 1_000).reversed().map { entry in
                let event = entry.event
                return [event.kind, event.summary, "\(event.customerID ?? 0)", "\(event.invoiceID ?? 0)", "\(event.importID ?? 0)",
                        event.detail.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")].joined(separator: "|")
            }
        }
        return trace
    }
}

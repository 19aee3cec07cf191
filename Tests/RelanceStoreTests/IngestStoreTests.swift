import Foundation
import Testing
import RelanceCore
import RelanceStore

/// Issue #3 on the store side: contacts, identity, due dates, the mass-settlement safety and
/// kept documents.
@Suite struct IngestStoreTests {
    typealias F = StoreFixtures

    static func contacts(_ name: String = "contacts.csv", sha: Character = "c") -> ImportedFile {
        ImportedFile(creditor: F.creditor, fileName: name, sha256: String(repeating: sha, count: 64), byteCount: 10, kind: "contacts")
    }

    static func eInvoice(_ number: String, buyer: String, name: String?, identifiers: [String] = [], open: Int64 = 10_000,
                         due: String? = nil, termsText: String? = nil, document: InvoiceDocument? = nil, sha: Character = "e") -> (ImportedFile, ReceivableSnapshot) {
        let item = OpenItem(customer: buyer, customerName: name, invoice: number, issued: F.date("2026-09-01"),
                            due: due.map(F.date), open: F.euros(open), emails: ["buyer@einvoice.example"])
        let snapshot = ReceivableSnapshot(
            items: [item], asOf: F.date("2026-11-20"), isAuthoritative: false,
            details: [number: InvoiceDetails(buyerIdentifiers: identifiers, dueFromTermsText: termsText.map(F.date), document: document)],
            statedDueSource: "BT-9")
        return (ImportedFile(creditor: F.creditor, fileName: "\(number).xml", sha256: String(repeating: sha, count: 64), byteCount: 10, kind: "ubl"), snapshot)
    }

    static let acme = CustomerProfile(
        externalID: "C001", name: "Client Un SARL", postalAddress: ["1 rue de la Paix", "75002 Paris"], siren: "552 100 554",
        vatNumber: "FR 40 552100554", emailsTo: ["compta@un.example", "bad address@", "dg@un.example"], emailsCc: ["cc@un.example"],
        phones: ["+33 1 23 45 67 89"], language: .french, paymentTerms: PaymentTermsRule(days: 45, endOfMonth: true),
        policy: "gentle", doNotRemind: false, note: "Pays on the 10th", initialStep: "second-reminder",
        lastManualContact: F.date("2026-10-02"), source: "contacts.csv:2")

    // MARK: Contacts

    @Test func aContactsFileCreatesCustomersWithEveryFieldAndRecordsBadAddresses() async throws {
        let store = try await F.freshStore()
        let receipt = try await store.importContacts(Self.contacts(), [Self.acme], at: F.time)
        #expect(receipt.outcome == .applied)
        #expect(receipt.newCustomers == 1)
        let profiles = try await store.customerProfiles(of: F.creditor)
        let stored = try #require(profiles.first)
        var expected = Self.acme
        expected.emailsTo = ["compta@un.example", "dg@un.example"]
        expected.source = nil
        #expect(stored.profile == expected)
        #expect(stored.isRemindableByEmail)
        #expect(try await store.customerProfile(id: stored.id) == stored)
        let events = try await store.events(ofCustomer: stored.id)
        #expect(events.contains { $0.event.kind == "customer.email-invalid" && $0.event.summary.contains("bad address@") })
        #expect(events.contains { $0.event.kind == "customer.created" })

        let again = try await store.importContacts(Self.contacts("copy.csv"), [Self.acme], at: F.time)
        #expect(again.outcome == .duplicate)
    }

    @Test func aNewerContactsFileUpdatesWhatChangedWithAnEventAndClearsEmptiedFields() async throws {
        let store = try await F.freshStore()
        _ = try await store.importContacts(Self.contacts(), [Self.acme], at: F.time)
        var changed = Self.acme
        changed.phones = []
        changed.doNotRemind = true
        changed.note = nil
        changed.emailsTo = ["nouveau@un.example"]
        let receipt = try await store.importContacts(Self.contacts("v2.csv", sha: "d"), [changed], at: F.time)
        #expect(receipt.updatedCustomers == 1)
        let stored = try #require(try await store.customerProfiles(of: F.creditor).first)
        #expect(stored.profile.phones.isEmpty)
        #expect(stored.profile.doNotRemind)
        #expect(stored.profile.note == nil)
        #expect(stored.profile.emailsTo == ["nouveau@un.example"])
        #expect(!stored.isRemindableByEmail)
        let events = try await store.events(ofCustomer: stored.id)
        let update = try #require(events.first { $0.event.kind == "customer.updated" })
        #expect(update.event.summary.contains("do not remind no → yes"))
        #expect(update.event.summary.contains("Pays on the 10th"))
        #expect(events.contains { $0.event.kind == "customer.email-changed" && $0.event.summary.contains("nouveau@un.example") })
    }

    @Test func aContactsFileWithoutAColumnKeepsWhatTheStoreKnowsOfIt() async throws {
        let store = try await F.freshStore()
        _ = try await store.importContacts(Self.contacts(), [Self.acme], at: F.time)
        // A phone list: code, name and phone only. Emails, address, terms, note are not in it.
        var phonesOnly = CustomerProfile(externalID: "C001", name: "Client Un SARL", phones: ["+33 6 11 22 33 44"])
        phonesOnly.notInFile = Set(CustomerProfile.Field.allCases).subtracting([.name, .phones])
        let receipt = try await store.importContacts(Self.contacts("phones.csv", sha: "e"), [phonesOnly], at: F.time)
        #expect(receipt.updatedCustomers == 1)
        let stored = try #require(try await store.customerProfiles(of: F.creditor).first)
        #expect(stored.profile.phones == ["+33 6 11 22 33 44"])
        #expect(stored.profile.emailsTo == ["compta@un.example", "dg@un.example"])
        #expect(stored.profile.postalAddress == Self.acme.postalAddress)
        #expect(stored.profile.paymentTerms == Self.acme.paymentTerms)
        #expect(stored.profile.note == Self.acme.note)
        #expect(stored.isRemindableByEmail)
    }

    // MARK: Identity

    @Test func anEInvoiceBuyerIsFoundByItsVATNumberOrSIRET() async throws {
        let store = try await F.freshStore()
        _ = try await store.importContacts(Self.contacts(), [Self.acme], at: F.time)
        let (file, snapshot) = Self.eInvoice("FA-1", buyer: "55210055400013", name: "Un", identifiers: ["55210055400013"])
        let receipt = try await store.importSnapshot(file, snapshot, at: F.time)
        #expect(receipt.newCustomers == 0)
        #expect(receipt.unresolvedInvoices == 0)
        let open = try await store.openReceivables(of: F.creditor)
        #expect(open.map(\.customer.externalID) == ["C001"])
        // The contacts' addresses stay: an e-invoice's buyer address only fills a gap.
        #expect(open[0].customer.emails.map(\.value) == ["compta@un.example", "dg@un.example"])
    }

    @Test func anExactNameFindsTheCustomerWhenNoIdentifierMatches() async throws {
        let store = try await F.freshStore()
        _ = try await store.importContacts(Self.contacts(), [Self.acme], at: F.time)
        let (file, snapshot) = Self.eInvoice("FA-2", buyer: "BUYER-XYZ", name: "  client un  SARL", identifiers: ["BUYER-XYZ"])
        _ = try await store.importSnapshot(file, snapshot, at: F.time)
        #expect(try await store.openReceivables(of: F.creditor).map(\.customer.externalID) == ["C001"])
    }

    @Test func anUnknownBuyerIsFlaggedForAPersonAndGetsNoAddress() async throws {
        let store = try await F.freshStore()
        _ = try await store.importContacts(Self.contacts(), [Self.acme], at: F.time)
        let (file, snapshot) = Self.eInvoice("FA-3", buyer: "999888777", name: "Inconnu SA", identifiers: ["999888777"])
        let receipt = try await store.importSnapshot(file, snapshot, at: F.time)
        #expect(receipt.unresolvedInvoices == 1)
        let open = try await store.openReceivables(of: F.creditor)
        let invoice = try #require(open.first { $0.number == "FA-3" })
        #expect(invoice.customer.emails.isEmpty)
        let profile = try #require(try await store.customerProfile(id: invoice.customer.id))
        #expect(profile.needsIdentification)
        #expect(!profile.isRemindableByEmail)
        let tasks = try await store.tasks(of: F.creditor, state: .open)
        #expect(tasks.filter { $0.kind == .identifyCustomer && $0.customerID == invoice.customer.id }.count == 1)
        // Never reminded by any channel: the planner sees it as do-not-remind.
        #expect(try await store.planningFacts(of: F.creditor).profiles[invoice.customer.id]?.doNotRemind == true)

        // The ledger later names the real customer: the invoice moves there.
        _ = try await store.importSnapshot(F.file("ledger.csv", sha: "f"), F.snapshot([
            F.item("FA-3", customer: "C001", open: 10_000),
        ]), at: F.time)
        let moved = try #require(try await store.openReceivables(of: F.creditor).first { $0.number == "FA-3" })
        #expect(moved.customer.externalID == "C001")
        // The placeholder's task is answered: no open task is left about it.
        #expect(try await store.tasks(of: F.creditor, state: .open).filter { $0.customerID == invoice.customer.id }.isEmpty)
    }

    @Test func aKnownInvoiceNumberKeepsItsCustomer() async throws {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("ledger.csv"), F.snapshot([F.item("FA-4", customer: "C009", open: 10_000)]), at: F.time)
        let (file, snapshot) = Self.eInvoice("FA-4", buyer: "111222333", name: "Someone Else", identifiers: ["111222333"])
        let receipt = try await store.importSnapshot(file, snapshot, at: F.time)
        #expect(receipt.unresolvedInvoices == 0)
        #expect(try await store.openReceivables(of: F.creditor).map(\.customer.externalID) == ["C009"])
    }

    @Test func anOwingCustomerWithoutAnyContactBecomesATaskThatTheContactsFileCloses() async throws {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("ledger.csv"), F.snapshot([
            OpenItem(customer: "C001", invoice: "F-1", issued: F.date("2026-09-01"), open: F.euros(500)),
        ]), at: F.time)
        let tasks = try await store.tasks(of: F.creditor, state: .open)
        #expect(tasks.map(\.kind) == [.identifyCustomer])
        _ = try await store.importContacts(Self.contacts(), [Self.acme], at: F.time)
        #expect(try await store.tasks(of: F.creditor, state: .open).isEmpty)
    }

    // MARK: Due dates

    @Test func withoutADueDateTheCustomerTermsThenTheCreditorDefaultApply() async throws {
        let store = try await F.freshStore()
        _ = try await store.importContacts(Self.contacts(), [Self.acme], at: F.time)
        _ = try await store.importSnapshot(F.file("ledger.csv"), F.snapshot([
            OpenItem(customer: "C001", invoice: "F-1", issued: F.date("2026-09-10"), open: F.euros(500)),
            OpenItem(customer: "C002", invoice: "F-2", issued: F.date("2026-09-10"), open: F.euros(500)),
        ]), at: F.time)
        let open = try await store.openReceivables(of: F.creditor)
        // 45 days end of month from 10 September: 25 October, then 31 October.
        #expect(open.first { $0.number == "F-1" }?.due == F.date("2026-10-31"))
        #expect(open.first { $0.number == "F-2" }?.due == F.date("2026-10-10"))
    }

    /// Issue #11: the invoice's own due date (BT-9) is the legal one and wins; the disagreement
    /// is recorded, naming both.
    @Test func whenSourcesDisagreeTheStatedDateWinsAndAnEventNamesBoth() async throws {
        let store = try await F.freshStore()
        let (file, snapshot) = Self.eInvoice("FA-5", buyer: "C001", name: nil, due: "2026-10-01", termsText: "2026-10-15")
        let receipt = try await store.importSnapshot(file, snapshot, at: F.time)
        let invoice = try #require(try await store.openReceivables(of: F.creditor).first)
        #expect(invoice.due == F.date("2026-10-01"))
        // Shown, not only journaled: the import report (CLI, digest) lists it with both dates.
        let warning = try #require(receipt.warnings.first { $0.contains("disagree on the due date") })
        #expect(warning.contains("FA-5 (the e-invoice's due date (BT-9): 1 Oct 2026, the payment terms written on the invoice (BT-20): 15 Oct 2026)"),
                "\(warning)")
        let events = try await store.recentEvents(of: F.creditor, limit: 50)
        let event = try #require(events.first { $0.event.kind == "invoice.due-disagreement" })
        // Worded at output: the sources as a person says them, with their dates.
        #expect(event.event.summary.contains("(BT-9)") && event.event.summary.contains("(BT-20)"), "\(event.event.summary)")
        #expect(!event.event.summary.contains("terms text"))
    }

    @Test func termsBeyondTheLegalCapsAreFlagged() async throws {
        let store = try await F.freshStore()
        let receipt = try await store.importSnapshot(F.file("a.csv"), F.snapshot([
            OpenItem(customer: "C001", invoice: "F-LONG", issued: F.date("2026-09-01"), due: F.date("2026-12-15"), open: F.euros(100)),
            OpenItem(customer: "C001", invoice: "F-OK", issued: F.date("2026-09-01"), due: F.date("2026-10-31"), open: F.euros(100)),
        ]), at: F.time)
        #expect(receipt.warnings.count == 1)
        #expect(receipt.warnings.first?.contains("F-LONG") == true)
        #expect(receipt.warnings.first?.contains("F-OK") == false)
        let events = try await store.recentEvents(of: F.creditor, limit: 50)
        #expect(events.filter { $0.event.kind == "invoice.terms-beyond-cap" }.count == 1)
    }

    // MARK: Mass settlement

    static func guarded(_ items: [OpenItem], asOf: String) -> ReceivableSnapshot {
        ReceivableSnapshot(items: items, asOf: F.date(asOf), isAuthoritative: true, massSettlementThresholdPercent: 20)
    }

    @Test func aSnapshotSettlingTooMuchIsHeldUntilConfirmed() async throws {
        let store = try await F.freshStore()
        let items = (1...10).map { F.item("F-\($0)", open: 1_000) }
        _ = try await store.importSnapshot(F.file("full.csv"), Self.guarded(items, asOf: "2026-11-20"), at: F.time)
        // "Overdue only": 7 of 10 invoices missing, 70 % of the open amount.
        let truncated = Array(items.prefix(3))
        let held = try await store.importSnapshot(F.file("overdue.csv", sha: "b"), Self.guarded(truncated, asOf: "2026-11-21"), at: F.time)
        #expect(held.outcome == .held)
        #expect(held.warnings.first?.contains("70 %") == true)
        #expect(try await store.openReceivables(of: F.creditor).count == 10)
        #expect(try await store.heldImports(of: F.creditor).map(\.importID) == [held.importID])
        let events = try await store.recentEvents(of: F.creditor, limit: 5)
        #expect(events.contains { $0.event.kind == "import.held" && $0.event.summary.contains("relance import confirm \(held.importID)") })
        // The same bytes again: still held, nothing changes.
        let again = try await store.importSnapshot(F.file("overdue copy.csv", sha: "b"), Self.guarded(truncated, asOf: "2026-11-21"), at: F.time)
        #expect(again.outcome == .held)
        #expect(again.importID == held.importID)

        let confirmed = try await store.confirmHeldImport(held.importID, at: F.time)
        #expect(confirmed.outcome == .applied)
        #expect(confirmed.settledInvoices == 7)
        #expect(try await store.openReceivables(of: F.creditor).count == 3)
        #expect(try await store.heldImports(of: nil).isEmpty)
        await #expect(throws: StoreError.self) { try await store.confirmHeldImport(held.importID, at: F.time) }
    }

    @Test func settlingLessThanTheThresholdAppliesAtOnce() async throws {
        let store = try await F.freshStore()
        let items = (1...10).map { F.item("F-\($0)", open: 1_000) }
        _ = try await store.importSnapshot(F.file("full.csv"), Self.guarded(items, asOf: "2026-11-20"), at: F.time)
        // Two paid (20 %, not above the threshold), one partly paid.
        var next = Array(items.dropFirst(2))
        next[0].open = F.euros(400)
        let receipt = try await store.importSnapshot(F.file("next.csv", sha: "b"), Self.guarded(next, asOf: "2026-11-21"), at: F.time)
        #expect(receipt.outcome == .applied)
        #expect(receipt.settledInvoices == 2)
        let open = try await store.openReceivables(of: F.creditor)
        #expect(open.count == 8)
        #expect(open.first { $0.number == "F-3" }?.open == F.euros(400))
    }

    @Test func aLateOlderSnapshotNeitherHoldsNorReopens() async throws {
        let store = try await F.freshStore()
        let items = (1...5).map { F.item("F-\($0)", open: 1_000) }
        _ = try await store.importSnapshot(F.file("nov.csv"), Self.guarded(items, asOf: "2026-11-20"), at: F.time)
        _ = try await store.importSnapshot(F.file("dec.csv", sha: "b"), Self.guarded(Array(items.prefix(4)), asOf: "2026-12-01"), at: F.time)
        // October's export dropped late lists F-5 (settled since) and not F-1.
        let late = try await store.importSnapshot(F.file("oct.csv", sha: "c"), Self.guarded(Array(items.suffix(4)), asOf: "2026-10-01"), at: F.time)
        #expect(late.outcome == .applied)
        #expect(late.settledInvoices == 0)
        #expect(try await store.openReceivables(of: F.creditor).map(\.number).sorted() == ["F-1", "F-2", "F-3", "F-4"])
    }

    // MARK: Documents

    @Test func anEInvoiceDocumentIsLinkedToItsInvoice() async throws {
        let store = try await F.freshStore()
        let document = InvoiceDocument(path: "documents/ab/ab\(String(repeating: "0", count: 62)).pdf", sha256: "ab" + String(repeating: "0", count: 62),
                                       mediaType: "application/pdf", fileName: "FA-6.pdf")
        let (file, snapshot) = Self.eInvoice("FA-6", buyer: "C001", name: nil, document: document)
        _ = try await store.importSnapshot(file, snapshot, at: F.time)
        let invoice = try #require(try await store.openReceivables(of: F.creditor).first)
        #expect(try await store.invoiceDocument(invoiceID: invoice.invoiceID) == document)
    }

    @Test func theDocumentsOfSeveralInvoicesAreReadAtOnce() async throws {
        let store = try await F.freshStore()
        func document(_ hex: Character, _ name: String) -> InvoiceDocument {
            let sha = String(repeating: hex, count: 64)
            return InvoiceDocument(path: "documents/\(sha.prefix(2))/\(sha).pdf", sha256: sha, mediaType: "application/pdf", fileName: name)
        }
        let kept = ["FA-1": document("a", "FA-1.pdf"), "FA-2": document("b", "FA-2.pdf")]
        for (number, sha) in [("FA-1", Character("1")), ("FA-2", "2"), ("FA-3", "3")] {
            let (file, snapshot) = Self.eInvoice(number, buyer: "C00\(number.suffix(1))", name: nil, document: kept[number], sha: sha)
            _ = try await store.importSnapshot(file, snapshot, at: F.time)
        }
        let invoices = Dictionary(uniqueKeysWithValues: try await store.openReceivables(of: F.creditor).map { ($0.number, $0.invoiceID) })
        let ids = try ["FA-1", "FA-2", "FA-3"].map { try #require(invoices[$0]) }
        let read = try await store.invoiceDocuments(invoiceIDs: ids + [ids[0], 999_999])
        // FA-3 has none and 999999 does not exist: both absent; an id asked twice is read once.
        #expect(read == [ids[0]: kept["FA-1"]!, ids[1]: kept["FA-2"]!])
        #expect(try await store.invoiceDocuments(invoiceIDs: []).isEmpty)
    }
}

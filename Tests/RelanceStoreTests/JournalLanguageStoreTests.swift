import Foundation
import RelanceCore
import RelanceStore
import RelanceTesting
import Testing

/// The lines the store journals by itself (imports, the bank, disputes, the outbox) are in the
/// creditor's language, registered from the configuration (`v10-creditor-language`) (#13).
@Suite("The store's journal in the creditor's language")
struct JournalLanguageStoreTests {
    typealias F = StoreFixtures
    typealias R = LanguageLeaks

    func store(_ language: Language) async throws -> AppDatabase {
        let store = try AppDatabase.inMemory()
        try await store.registerCreditor(F.creditor, language: language, at: F.time)
        return store
    }

    /// Imports, a bank statement, a dispute, a message queued, refused and cancelled, the outbox paused and resumed.
    func journal(_ language: Language) async throws -> [String] {
        let store = try await store(language)
        _ = try await store.importSnapshot(F.file("balance.csv"), F.snapshot([
            F.item("FA26-0801", open: 91_200, due: "2026-11-01"), F.item("FA26-0802", open: 45_000, due: "2026-11-05"),
            F.item("FA26-0803", customer: "C002", open: 10_000),
        ], asOf: "2026-12-02"), at: F.time)
        _ = try await store.importSnapshot(F.file("balance-again.csv"), F.snapshot([F.item("FA26-0801", open: 91_200)]), at: F.time)
        // The next export: one invoice partly paid and given a later due date (per-invoice lines).
        _ = try await store.importSnapshot(F.file("balance-3.csv", sha: "d"), F.snapshot([
            F.item("FA26-0801", open: 91_200, due: "2026-11-01"), F.item("FA26-0802", open: 40_000, due: "2026-11-20"),
            F.item("FA26-0803", customer: "C002", open: 10_000),
        ], asOf: "2026-12-03"), at: F.time)
        let receipts = [
            BankEntry(booked: F.date("2026-12-03"), valueDate: nil, amount: F.euros(40_000), counterparty: "CLIENT SARL", counterpartyIBAN: nil,
                      remittance: "ACOMPTE FA26-0801", bankReference: "R1", account: "FR7630004001230001234567890"),
            BankEntry(booked: F.date("2026-12-03"), valueDate: nil, amount: F.euros(7_700), counterparty: "INCONNU", counterpartyIBAN: nil,
                      remittance: "VIREMENT", bankReference: "R2", account: "FR7630004001230001234567890"),
        ]
        let bank = ImportedFile(creditor: F.creditor, fileName: "releve.txt", sha256: String(repeating: "c", count: 64), byteCount: 100,
                                kind: "bank-statement")
        _ = try await store.importBankStatement(bank, BankStatement(format: .cfonb120, entries: receipts), language: language, at: F.time)
        let open = try await store.openReceivables(of: F.creditor)
        let fa802 = try #require(open.first { $0.number == "FA26-0802" })
        let fa803 = try #require(open.first { $0.number == "FA26-0803" })
        _ = try await store.enqueue(MessageDraft(creditor: F.creditor, customerID: fa803.customer.id, step: "first-reminder",
                                                 plannedOn: F.date("2026-12-03"),
                                                 invoices: [InvoiceMention(invoiceID: fa803.invoiceID, step: "first-reminder", open: fa803.open)],
                                                 to: fa803.customer.emails), at: F.time, compose: F.composed)
        // The dispute and its end through the one outcome path, on a call to the customer (#13).
        let call = try await store.openTask(NewTask(creditor: F.creditor, customerID: fa803.customer.id, kind: .call, title: "—",
                                                    dedupKey: "test-call", invoiceIDs: [fa803.invoiceID]), at: F.time).id
        _ = try await F.recordOutcome(.dispute(invoices: ["FA26-0803"], reason: "marchandise abîmée"), on: call, in: store, language: language)
        _ = try await store.claimNextMessage(now: F.time)
        _ = try await F.recordOutcome(.disputeResolved(invoices: ["FA26-0803"], note: "avoir émis"), on: call, in: store, language: language)
        try await store.markDisputed(invoiceID: fa802.invoiceID, reason: "—", at: F.time)
        try await store.recordOutboxPaused(F.creditor, reason: "[sending] password_file", at: F.time)
        try await store.resumeOutbox(F.creditor, reason: "—", at: F.time.addingTimeInterval(60))
        let kinds: Set<String> = ["import.applied", "import.duplicate", "bank.matched", "bank.unmatched", "invoice.disputed",
                                  "invoice.dispute-resolved", "message.queued", "message.cancelled", "outbox.paused", "outbox.resumed",
                                  "invoice.opened", "invoice.partly-paid", "invoice.due-changed"]
        let entries = try await store.events(of: F.creditor, kinds: kinds, since: .distantPast)
        #expect(Set(entries.map(\.event.kind)) == kinds, "\(entries.map(\.event.kind))")
        return entries.map(\.event.summary)
    }

    @Test func aFrenchCreditorsStoreJournalsInFrench() async throws {
        let lines = try await journal(.french)
        for line in lines {
            #expect(R.englishIn(line).isEmpty, "\(line) — \(R.englishIn(line))")
            #expect(!line.contains("2026-1"), "an ISO date: \(line)")
        }
        #expect(lines.contains("Export balance.csv importé (balance âgée, arrêté au 02/12/2026) : 3 nouvelles, 0 modifiée, 0 réglée, 0 inchangée."))
        #expect(lines.contains { $0.hasPrefix("Facture FA26-0801 : paiement de 400,00\u{00A0}€ reçu le 03/12") })
        #expect(lines.contains { $0.hasPrefix("Litige sur la facture FA26-0803 réglé : résolu, comme enregistré sur la tâche n°\u{00A0}") })
        #expect(lines.contains("Facture FA26-0801 ouverte pour 912,00\u{00A0}€ (échéance 01/11/2026, source : colonne échéance de l'export), lue dans balance.csv."))
        #expect(lines.contains("Reste dû de la facture FA26-0802 passé de 450,00\u{00A0}€ à 400,00\u{00A0}€ dans balance-3.csv."))
        #expect(lines.contains("Échéance de la facture FA26-0802 passée du 05/11/2026 au 20/11/2026 (colonne échéance de l'export) par balance-3.csv."))
        #expect(lines.contains { $0.hasPrefix("Message n°\u{00A0}1 annulé avant l'envoi : la facture FA26-0803 est contestée") })
    }

    @Test func anEnglishCreditorsStoreJournalsInEnglish() async throws {
        let lines = try await journal(.english)
        for line in lines {
            #expect(R.frenchIn(line).isEmpty, "\(line) — \(R.frenchIn(line))")
        }
        #expect(lines.contains { $0.hasPrefix("Dispute on invoice FA26-0803 resolved: resolved, as recorded on task #") }, "\(lines)")
    }

    /// What the people's half of the book journals by itself — tasks opened, moved on and
    /// superseded, outcomes, disputes and their end, holds, addresses, the creditor's state, a
    /// do-not-remind — on both stores, in the creditor's language (#13, #16).
    func peoplesLines(_ backend: StoreBackend, _ language: Language) async throws -> [String] {
        var lines: [String] = []
        try await backend.withBook { book in
            try await book.register(language: language)
            let invoice = try #require(try await book.seed([F.item("FA26-0803", customer: "C002", open: 10_000)]).first)
            let customer = invoice.customerID
            func ladder(_ kind: WorkTask.Kind, _ step: String, on day: String) async throws -> Int64 {
                try await book.outcomes.openLadderTask(NewTask(creditor: F.creditor, customerID: customer, kind: kind, title: "—", step: step,
                                                               invoiceIDs: [invoice.invoiceID]), on: F.date(day), at: F.time).taskID
            }
            let call = try await ladder(.call, "phone-call", on: "2026-12-01")
            _ = try await ladder(.call, "final-reminder", on: "2026-12-08")
            _ = try await ladder(.letter, "formal-letter", on: "2026-12-09")
            _ = try await ladder(.registeredLetter, "registered-letter", on: "2026-12-10")
            try await book.record(.noAnswer, on: call, language: language)
            try await book.record(.dispute(invoices: ["FA26-0803"], reason: "—"), on: call, language: language)
            try await book.record(.disputeResolved(invoices: ["FA26-0803"], note: "—"), on: call, language: language)
            let reply = try await book.taskStore.openTask(NewTask(creditor: F.creditor, customerID: customer, kind: .readReply, title: "—",
                                                                  dedupKey: "reply:1", invoiceIDs: [invoice.invoiceID]), at: F.time).id
            try await book.record(.promisedToPay(on: F.date("2026-12-15"), amount: F.euros(10_000)), on: reply, language: language)
            let address = EmailAddress("compta@client.example")!
            _ = try await book.people.markAddressInvalid(address, of: F.creditor, reason: "—", evidence: nil, at: F.time)
            try await book.people.clearInvalidAddress(address, of: F.creditor, reason: "—", at: F.time)
            _ = try await book.people.holdCustomer(customer, kind: .manual, until: nil, reason: "—", at: F.time)
            try await book.people.resumeCustomer(customer, kinds: nil, reason: "—", at: F.time)
            try await book.people.markDisputed(invoiceID: invoice.invoiceID, reason: "—", at: F.time)
            try await book.people.setCreditorState(CreditorStoredState(active: true, paused: true, pausedUntil: F.date("2026-12-31")),
                                                   of: F.creditor, reason: "—", at: F.time)
            try await book.doNotRemind.setDoNotRemind(customerID: customer, reason: "—", by: "marie", at: F.time)
            try await book.doNotRemind.removeDoNotRemind(customerID: customer, by: "marie", at: F.time)
            let kinds: Set<String> = ["task.opened", "task.updated", "task.superseded", "task.outcome", "task.closed", "invoice.disputed",
                                      "invoice.dispute-resolved", "customer.paused", "customer.resumed", "address.invalid", "address.cleared",
                                      "creditor.state", "customer.do-not-remind", "customer.do-not-remind-removed"]
            let entries = try await book.journal.events(of: F.creditor, kinds: kinds, since: .distantPast)
            #expect(Set(entries.map(\.event.kind)) == kinds, "\(entries.map(\.event.kind))")
            lines = entries.map(\.event.summary)
        }
        return lines
    }

    @Test(arguments: StoreBackend.all)
    func thePeoplesJournalIsFrenchForAFrenchCreditor(_ backend: StoreBackend) async throws {
        let lines = try await peoplesLines(backend, .french)
        for line in lines {
            #expect(R.englishIn(line).isEmpty, "\(line) — \(R.englishIn(line))")
            #expect(!line.contains("2026-1"), "an ISO date: \(line)")
        }
        #expect(lines.contains { $0.hasPrefix("Litige sur la facture FA26-0803 réglé : résolu, comme enregistré sur la tâche n°\u{00A0}") }, "\(lines)")
    }

    @Test(arguments: StoreBackend.all)
    func thePeoplesJournalIsEnglishForAnEnglishCreditor(_ backend: StoreBackend) async throws {
        let lines = try await peoplesLines(backend, .english)
        for line in lines {
            #expect(R.frenchIn(line).isEmpty, "\(line) — \(R.frenchIn(line))")
        }
        #expect(lines.contains { $0.hasPrefix("Dispute on invoice FA26-0803 resolved: resolved, as recorded on task #") }, "\(lines)")
    }

    /// A buyer nobody matches and a customer nobody can reach land on "Client à identifier"
    /// tasks: their titles and journal lines are the creditor's words (#13).
    func identifyLines(_ language: Language) async throws -> [String] {
        let store = try await store(language)
        let unknown = OpenItem(customer: "", customerName: "Ets Inconnus", invoice: "FA26-0900", issued: F.date("2026-09-15"),
                               due: F.date("2026-10-15"), open: F.euros(12_000), emails: [])
        let unreachable = OpenItem(customer: "C009", customerName: "Client Muet", invoice: "FA26-0901", issued: F.date("2026-09-15"),
                                   due: F.date("2026-10-15"), open: F.euros(5_000), emails: [])
        // The ledger names C009 (no way to reach it); an e-invoice names a buyer nobody matches.
        _ = try await store.importSnapshot(F.file("balance.csv"), F.snapshot([unreachable]), at: F.time)
        _ = try await store.importSnapshot(F.file("balance.csv", sha: "b"), F.snapshot([unknown], authoritative: false), at: F.time)
        let tasks = try await store.tasks(of: F.creditor, state: .open).filter { $0.kind == .identifyCustomer }
        #expect(tasks.count == 2)
        let entries = try await store.events(of: F.creditor, kinds: ["customer.unidentified", "task.opened"], since: .distantPast)
        #expect(Set(entries.map(\.event.kind)) == ["customer.unidentified", "task.opened"])
        return tasks.map(\.title) + entries.map(\.event.summary)
    }

    @Test func whatMatchesNobodyIsWordedInFrench() async throws {
        let lines = try await identifyLines(.french)
        for line in lines {
            #expect(R.englishIn(line).isEmpty, "\(line) — \(R.englishIn(line))")
        }
        #expect(lines.contains("Identifier le client de la facture FA26-0900 (fichier balance.csv)"))
        #expect(lines.contains { $0.hasPrefix("Tâche n°\u{00A0}") && $0.contains(" (client à identifier) : Le client C009 doit de l'argent") }, "\(lines)")
    }

    @Test func whatMatchesNobodyIsWordedInEnglish() async throws {
        let lines = try await identifyLines(.english)
        for line in lines {
            #expect(R.frenchIn(line).isEmpty, "\(line) — \(R.frenchIn(line))")
        }
        #expect(lines.contains("Identify the customer of invoice FA26-0900 (file balance.csv)"))
        #expect(lines.contains { $0.contains("(customer to identify): Customer C009 owes money") }, "\(lines)")
    }

    @Test func theConfigurationsLanguageWinsAtTheNextStart() async throws {
        let store = try await store(.english)
        try await store.registerCreditor(F.creditor, language: .french, at: F.time)
        // A tool registering without a language (`relance digest --send` before it passed one) changes nothing.
        try await store.registerCreditor(F.creditor, at: F.time)
        _ = try await store.importSnapshot(F.file("balance.csv"), F.snapshot([F.item("FA26-0801", open: 100)]), at: F.time)
        let entries = try await store.events(of: F.creditor, kinds: ["import.applied"], since: .distantPast)
        #expect(entries.count == 1 && entries.first?.event.summary.hasPrefix("Export balance.csv importé") == true)
    }
}

import Foundation
import GRDB
import Testing
import RelanceCore
@testable import RelanceStore

/// v6-task-outcomes: one open task per customer and family, outcomes that act, letters posted.
@Suite struct TaskModelStoreTests {
    typealias F = StoreFixtures

    private func storeWithCustomer() async throws -> (AppDatabase, Receivable) {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100_00), F.item("F-2", open: 50_00)]), at: F.time)
        return (store, try #require(try await store.openReceivables(of: F.creditor).first))
    }

    private func seeded(_ book: any BookUnderTest) async throws -> SeededInvoice {
        try #require(try await book.seed([F.item("F-1", open: 100_00), F.item("F-2", open: 50_00)]).first)
    }

    private func task(_ kind: WorkTask.Kind, step: String, customer: Int64, invoices: [Int64]) -> NewTask {
        NewTask(creditor: F.creditor, customerID: customer, kind: kind, title: "\(kind.rawValue) \(step)", detail: ["step": step],
                dedupKey: "step:\(customer):\(step)", step: step, invoiceIDs: invoices)
    }

    @Test(arguments: StoreBackend.all)
    func theSchemaRefusesASecondOpenCallOrLetterForACustomer(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivable = try await seeded(book)
            let customer = receivable.customerID
            _ = try await book.outcomes.openLadderTask(task(.call, step: "phone-call", customer: customer, invoices: []),
                                                       on: F.date("2026-12-01"), at: F.time)
            await #expect(throws: (any Error).self) {
                try await book.execute("""
                    INSERT INTO task (creditor_id, customer_id, kind, state, title, created_at) VALUES ('acme', \(customer), 'call', 'open', 'again', '2026-12-02')
                    """)
            }
            try await book.execute("""
                INSERT INTO task (creditor_id, customer_id, kind, state, title, created_at) VALUES ('acme', \(customer), 'letter', 'open', 'a letter', '2026-12-02')
                """)
            await #expect(throws: (any Error).self) {
                try await book.execute("""
                    INSERT INTO task (creditor_id, customer_id, kind, state, title, created_at) VALUES ('acme', \(customer), 'registered-letter', 'open', 'another', '2026-12-02')
                    """)
            }
            // Outcomes are a closed set; a bounce's call for the same customer is the open call.
            await #expect(throws: (any Error).self) {
                try await book.execute("UPDATE task SET state = 'done', outcome = 'maybe', closed_at = '2026-12-03' WHERE kind = 'call'")
            }
            let bounce = try await book.taskStore.openTask(NewTask(creditor: F.creditor, customerID: customer, kind: .call,
                                                                   title: "the address bounced", dedupKey: "wrong-address:x"), at: F.time)
            #expect(!bounce.isNew)
        }
    }

    @Test(arguments: StoreBackend.all)
    func anOpenCallMovesOnInsteadOfADuplicateAndTheMoveIsJournaled(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivable = try await seeded(book)
            let customer = receivable.customerID
            let first = try await book.outcomes.openLadderTask(task(.call, step: "phone-call", customer: customer, invoices: [receivable.invoiceID]),
                                                               on: F.date("2026-12-01"), at: F.time)
            #expect(first == .opened(first.taskID))
            let again = try await book.outcomes.openLadderTask(task(.call, step: "phone-call", customer: customer, invoices: [receivable.invoiceID]),
                                                               on: F.date("2026-12-01"), at: F.time)
            #expect(again == .unchanged(first.taskID))
            // A call tried once without an answer: moving on starts its attempts again.
            try await book.record(.noAnswer, on: first.taskID)
            #expect(try await book.taskStore.tasks(of: F.creditor, state: .open).first?.attempts == 1)
            let moved = try await book.outcomes.openLadderTask(task(.call, step: "final-reminder", customer: customer, invoices: [receivable.invoiceID]),
                                                               on: F.date("2026-12-10"), at: F.time.addingTimeInterval(86_400 * 9))
            #expect(moved == .updated(first.taskID))
            let open = try await book.taskStore.tasks(of: F.creditor, state: .open)
            #expect(open.count == 1 && open[0].step == "final-reminder" && open[0].stepOn == F.date("2026-12-10"))
            #expect(open.first?.attempts == 0 && open.first?.retryOn == nil && open.first?.invoiceIDs == [receivable.invoiceID])
            let journal = try await book.journal.events(of: F.creditor, kinds: ["task.updated"], since: .distantPast)
            #expect(journal.first?.event.summary.contains("moved on from step phone call (since 1 Dec 2026) to final reminder on 10 Dec 2026") == true, "\(journal)")
            // The history says the step was taken the day the call moved on (the SQLite store's receivables port).
            if let sqlite = book as? SQLiteBook {
                let history = try #require(try await sqlite.store.openReceivables(of: F.creditor).first).history
                #expect(history.map(\.step) == ["final-reminder"] && history.map(\.on) == [F.date("2026-12-10")])
            }
        }
    }

    @Test(arguments: StoreBackend.all)
    func aNewLetterSupersedesAnUnpostedOneAndKeepsItsDocument(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivable = try await seeded(book)
            let customer = receivable.customerID
            var letter = task(.letter, step: "formal-letter", customer: customer, invoices: [receivable.invoiceID])
            letter.documentPath = "/state/documents/acme/2026-12-01/C001-formal-letter.html"
            let first = try await book.outcomes.openLadderTask(letter, on: F.date("2026-12-01"), at: F.time)
            let second = try await book.outcomes.openLadderTask(task(.registeredLetter, step: "registered-letter", customer: customer,
                                                                     invoices: [receivable.invoiceID]), on: F.date("2026-12-11"), at: F.time)
            #expect(second == .superseded(old: first.taskID, new: second.taskID))
            let old = try #require(try await book.taskStore.tasks(of: F.creditor, state: .cancelled).first)
            #expect(old.outcome == .superseded(by: second.taskID))
            #expect(old.documentPath == letter.documentPath)
            let new = try #require(try await book.taskStore.tasks(of: F.creditor, state: .open).first)
            #expect(new.id == second.taskID && new.kind == .registeredLetter && new.stepOn == F.date("2026-12-11"))
            let journal = try await book.journal.events(of: F.creditor, kinds: ["task.superseded"], since: .distantPast)
            #expect(journal.map { $0.event.detail } == [["task": String(first.taskID), "by": String(second.taskID)]])
        }
    }

    @Test(arguments: StoreBackend.all)
    func aPostedLetterCountsFromItsPostingDayAndTheOutcomeSaysWhoRecordedIt(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivable = try await seeded(book)
            let store = book.outcomes
            let opened = try await store.openLadderTask(task(.registeredLetter, step: "registered-letter", customer: receivable.customerID,
                                                             invoices: [receivable.invoiceID]), on: F.date("2026-11-10"), at: F.time)
            let facts = try #require(try await store.taskOutcomeFacts(opened.taskID))
            #expect(facts.invoices.map(\.number) == ["F-1"])
            let application = try TaskOutcomeDecision.decide(
                TaskOutcomeRequest(taskID: opened.taskID, outcome: .letterPosted(on: F.date("2026-11-20"), trackingNumber: "1A23456789012"),
                                   recordedBy: "marie", channel: .cli),
                facts: facts, today: F.date("2026-11-21"), settings: TaskOutcomeSettings(), calendar: FrenchBusinessCalendar())
            try await store.applyTaskOutcome(application, at: F.time)
            if let sqlite = book as? SQLiteBook {
                let history = try #require(try await sqlite.store.openReceivables(of: F.creditor).first).history
                #expect(history.map(\.on) == [F.date("2026-11-20")])
            }
            let outcomes = try await store.recordedOutcomes(of: F.creditor, since: .distantPast)
            #expect(outcomes.map(\.recordedBy) == ["marie"] && outcomes.map(\.channel) == [.cli])
            // A second person recorded it meanwhile: a typed refusal, worded in the creditor's language.
            let refused = await #expect(throws: TaskOutcomeError.self) { try await store.applyTaskOutcome(application, at: F.time) }
            #expect(refused?.code == .closed)
            #expect(refused?.message.hasPrefix("task #\(opened.taskID) is already done (letter posted on") == true, "\(String(describing: refused))")

            try await book.register(language: .french)
            let french = await #expect(throws: TaskOutcomeError.self) { try await store.applyTaskOutcome(application, at: F.time) }
            #expect(french?.message.hasPrefix("la tâche n°\u{00A0}\(opened.taskID) est déjà faite (lettre postée le 20/11/2026") == true,
                    "\(String(describing: french))")
            var missing = application
            missing.request.taskID = 999
            let none = await #expect(throws: TaskOutcomeError.self) { try await store.applyTaskOutcome(missing, at: F.time) }
            #expect(none?.message == "la tâche n°\u{00A0}999 n'existe pas (relance tasks liste les tâches ouvertes)")
            #expect(try await store.recordedOutcomes(of: F.creditor, since: .distantPast).count == 1)
        }
    }

    @Test(arguments: StoreBackend.all)
    func aPromiseADisputeAPaymentAndAWrongNumberActInOneTransaction(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivable = try await seeded(book)
            let customer = receivable.customerID
            try await book.setPhones(["01 23 45 67 89"], of: customer)
            let call = try await book.outcomes.openLadderTask(task(.call, step: "phone-call", customer: customer, invoices: [receivable.invoiceID]),
                                                              on: F.date("2026-12-01"), at: F.time)
            func apply(_ outcome: TaskOutcome) async throws {
                try #require(try await book.record(outcome, on: call.taskID, by: "paul", channel: .email, language: .french) != nil)
            }
            #expect(try await book.outcomes.taskOutcomeFacts(call.taskID)?.phones == ["01 23 45 67 89"])
            try await apply(.wrongNumber())
            #expect(try await book.outcomes.taskOutcomeFacts(call.taskID)?.phones == [])
            #expect(try await book.planning.planningFacts(of: F.creditor).invalidPhones[customer] == ["01 23 45 67 89"])
            #expect(try await book.taskStore.tasks(of: F.creditor, state: .open).first?.detail["phones"]?.contains("trouver un numéro") == true)
            try await apply(.paid(on: F.date("2026-12-01"), means: "virement"))
            // The claim waits until 12 December (paid_wait_days), then the accountant checks.
            #expect(try await book.planning.planningFacts(of: F.creditor).paymentClaims[receivable.invoiceID]?.waitUntil == F.date("2026-12-12"))
            #expect(try await book.outcomes.expiredPaymentClaims(of: F.creditor, on: F.date("2026-12-12")).isEmpty)
            #expect(try await book.outcomes.expiredPaymentClaims(of: F.creditor, on: F.date("2026-12-13")).map(\.invoiceNumber) == ["F-1"])
            let unacknowledged = try await book.outcomes.unacknowledgedEmailOutcomes(of: F.creditor)
            #expect(unacknowledged.map(\.outcome.code) == ["wrong-number", "paid"])
            try await book.outcomes.markOutcomesAcknowledged([unacknowledged[0].id], at: F.time)
            #expect(try await book.outcomes.unacknowledgedEmailOutcomes(of: F.creditor).map(\.outcome.code) == ["paid"])
        }
    }

    /// The two "paid" holds stay apart (the customer's word, the bank's evidence), but a bank
    /// match answers the customer's claim: no check-payment task for an invoice the bank shows paid.
    @Test func aClaimedPaymentTheBankShowsOpensNoCheckTask() async throws {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("FA26-0866", open: 100_00)]), at: F.time)
        let receivable = try #require(try await store.openReceivables(of: F.creditor).first)
        let call = try await store.openLadderTask(task(.call, step: "phone-call", customer: receivable.customer.id, invoices: [receivable.invoiceID]),
                                                  on: F.date("2026-12-01"), at: F.time)
        let facts = try #require(try await store.taskOutcomeFacts(call.taskID))
        try await store.applyTaskOutcome(try TaskOutcomeDecision.decide(
            TaskOutcomeRequest(taskID: call.taskID, outcome: .paid(on: F.date("2026-12-01"), means: "virement"), recordedBy: "paul", channel: .cli),
            facts: facts, today: F.date("2026-12-02"), settings: TaskOutcomeSettings(language: .french), calendar: FrenchBusinessCalendar()), at: F.time)
        #expect(try await store.expiredPaymentClaims(of: F.creditor, on: F.date("2026-12-13")).map(\.invoiceNumber) == ["FA26-0866"])
        let entry = BankEntry(booked: F.date("2026-12-03"), valueDate: F.date("2026-12-03"), amount: F.euros(100_00), counterparty: "CLIENT",
                              counterpartyIBAN: nil, remittance: "VIR FACTURE FA26-0866", bankReference: "B1", account: "FR7630004001230001234567890")
        let receipt = try await store.importBankStatement(
            ImportedFile(creditor: F.creditor, fileName: "releve.txt", sha256: String(repeating: "b", count: 64), byteCount: 10, kind: "bank-statement"),
            BankStatement(format: .cfonb120, entries: [entry]), language: .french, at: F.time)
        #expect(receipt.matchedReceipts == 1)
        #expect(try await store.expiredPaymentClaims(of: F.creditor, on: F.date("2026-12-13")).isEmpty)
    }

    /// A promise's amount, recorded with the outcome, comes back with the customer's hold: the
    /// plan and the next reminder say what was promised (#13).
    @Test(arguments: StoreBackend.all)
    func aPromiseHoldCarriesTheAmountPromised(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivable = try await seeded(book)
            let call = try await book.outcomes.openLadderTask(task(.call, step: "phone-call", customer: receivable.customerID,
                                                                   invoices: [receivable.invoiceID]), on: F.date("2026-12-01"), at: F.time)
            try await book.record(.promisedToPay(on: F.date("2026-12-15"), amount: F.euros(912_00)), on: call.taskID, by: "paul",
                                  language: .french)
            let hold = try #require(try await book.people.liveHolds(of: F.creditor).first { $0.kind == .promise })
            #expect(hold.until == F.date("2026-12-15") && hold.amount == F.euros(912_00))
        }
    }

    /// A dispute recorded on a call, then a promise recorded (by email) on the reply about the
    /// same invoice: the promise ends the dispute, through the same outcome path (#11, #13).
    @Test(arguments: StoreBackend.all)
    func aPromiseRecordedLaterEndsTheDisputeOnTheOneOutcomePath(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let receivable = try await seeded(book)
            let customer = receivable.customerID
            let call = try await book.outcomes.openLadderTask(task(.call, step: "phone-call", customer: customer, invoices: [receivable.invoiceID]),
                                                              on: F.date("2026-12-01"), at: F.time)
            try await book.record(.dispute(invoices: [], reason: "colis incomplet"), on: call.taskID, by: "paul", channel: .email, language: .french)
            #expect(try await book.people.disputedInvoices(of: F.creditor) == [receivable.invoiceID])
            let (reply, _) = try await book.taskStore.openTask(NewTask(creditor: F.creditor, customerID: customer, kind: .readReply,
                                                                       title: "Lire la réponse", invoiceIDs: [receivable.invoiceID]), at: F.time)
            try await book.record(.promisedToPay(on: F.date("2026-12-15"), amount: nil), on: reply, by: "paul", channel: .email, language: .french)
            #expect(try await book.people.disputedInvoices(of: F.creditor).isEmpty)
        }
    }

    @Test func aStoreWithDuplicateOpenCallsKeepsTheNewestAfterTheMigration() throws {
        let queue = try StoreFixtures.queue(migratedUpTo: "v5-intake")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO creditor (id, created_at) VALUES ('acme', '2026-11-01');
                INSERT INTO customer (id, creditor_id, external_id, created_at) VALUES (1, 'acme', 'C1', '2026-11-01');
                INSERT INTO task (id, creditor_id, customer_id, kind, state, title, step, created_at) VALUES
                    (1, 'acme', 1, 'call', 'open', 'call 1', 'phone-call', '2026-11-02'),
                    (2, 'acme', 1, 'call', 'open', 'call 2', 'final-reminder', '2026-11-09'),
                    (3, 'acme', 1, 'letter', 'open', 'letter', 'formal-letter', '2026-11-20');
                INSERT INTO task (id, creditor_id, customer_id, kind, state, title, step, created_at, outcome, closed_at) VALUES
                    (4, 'acme', 1, 'call', 'done', 'call 0', 'phone-call', '2026-10-02', 'no-answer', '2026-10-03');
                """)
        }
        let store = try AppDatabase(queue)
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT id, state, outcome, superseded_by, step_on FROM task ORDER BY id") }
        #expect(rows.map { $0["state"] as String } == ["cancelled", "open", "open", "done"])
        #expect(rows[0]["superseded_by"] as Int64? == 2)
        #expect(rows[1]["step_on"] as String? == "2026-11-09")
        #expect(try store.integrityProblems().isEmpty)
    }
}

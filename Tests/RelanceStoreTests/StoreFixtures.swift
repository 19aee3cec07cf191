import Foundation
import GRDB
import RelanceCore
@testable import RelanceStore

/// Small builders so each test states only what matters to it.
enum StoreFixtures {
    /// An in-memory store as an earlier version left it (foreign keys on, as the app opens it),
    /// for a migration test to fill before `AppDatabase` migrates it the rest of the way.
    static func queue(migratedUpTo migration: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        try AppDatabase.migrator.migrate(queue, upTo: migration)
        return queue
    }

    static let creditor = CreditorID("acme")!
    static let time = Date(timeIntervalSince1970: 1_795_000_000)

    static func date(_ iso: String) -> CivilDate { CivilDate(iso8601: iso)! }

    static func euros(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .euro) }

    static func item(_ invoice: String, customer: String = "C001", open: Int64, due: String = "2026-10-15",
                     email: String = "compta@client.example") -> OpenItem {
        OpenItem(customer: customer, customerName: "Client \(customer)", invoice: invoice, issued: date("2026-09-15"),
                 due: date(due), open: euros(open), emails: [email])
    }

    static func file(_ name: String, sha: Character = "a") -> ImportedFile {
        ImportedFile(creditor: creditor, fileName: name, sha256: String(repeating: sha, count: 64), byteCount: 100, kind: "open-invoices")
    }

    static func snapshot(_ items: [OpenItem], asOf: String = "2026-11-20", authoritative: Bool = true) -> ReceivableSnapshot {
        ReceivableSnapshot(items: items, asOf: date(asOf), isAuthoritative: authoritative)
    }

    static func freshStore() async throws -> AppDatabase {
        let store = try AppDatabase.inMemory()
        try await store.registerCreditor(creditor, at: time)
        return store
    }

    static func composed(_ id: Int64) -> ComposedMail {
        ComposedMail(messageID: "<relance.\(id)@acme.example>", envelopeFrom: EmailAddress("bounces@acme.example")!,
                     bytes: Array("Subject: test \(id)\r\n\r\nbody\r\n".utf8))
    }

    /// The one outcome path, as `TaskOutcomeRecorder` takes it: the store's facts, the pure
    /// decision (on 2 December 2026), one store transaction. Nil when the task does not exist.
    @discardableResult
    static func recordOutcome(_ outcome: TaskOutcome, on taskID: Int64, in store: any TaskOutcomeStore, by person: String = "marie",
                              channel: TaskOutcomeRequest.Channel = .cli, language: Language = .english) async throws -> TaskOutcomeApplication? {
        guard let facts = try await store.taskOutcomeFacts(taskID) else { return nil }
        let application = try TaskOutcomeDecision.decide(
            TaskOutcomeRequest(taskID: taskID, outcome: outcome, recordedBy: person, channel: channel),
            facts: facts, today: date("2026-12-02"), settings: TaskOutcomeSettings(language: language),
            calendar: FrenchBusinessCalendar())
        try await store.applyTaskOutcome(application, at: time)
        return application
    }
}

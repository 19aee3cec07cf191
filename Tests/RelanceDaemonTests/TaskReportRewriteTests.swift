import Foundation
import RelanceCore
import RelanceDaemon
import RelanceStore
import RelanceTesting
import Testing

/// The planner asks for the task lists every tick: they are written again only when the open
/// tasks changed, or a file is missing (10,000 open tasks took the daemon minutes each time).
@Suite struct TaskReportRewriteTests {
    static let acme = CreditorID("acme")!
    static let time = Date(timeIntervalSince1970: 1_795_000_000)

    static func creditor(_ language: Language = .french) -> CreditorConfiguration {
        CreditorConfiguration(id: acme, legalName: "Acme SAS", senderName: "Acme", senderAddress: EmailAddress("compta@acme.example")!,
                              bounceAddress: EmailAddress("bounces@acme.example")!, language: language)
    }

    @Test func theListsAreWrittenAgainOnlyWhenTheOpenTasksChanged() async throws {
        let workspace = try TemporaryWorkspace()
        let store = try AppDatabase.inMemory()
        try await store.registerCreditor(Self.acme, at: Self.time)
        let first = try await store.openTask(NewTask(creditor: Self.acme, customerID: nil, kind: .identifyCustomer, title: "Qui est C1 ?",
                                                     dedupKey: "who-1"), at: Self.time)
        let reports = ReportsWriter(folder: workspace.url("reports"), store: store)
        try await reports.writeTasks(Self.creditor())
        #expect(try workspace.read("reports/acme/tasks.csv").contains("Qui est C1 ?"))
        // Marked so that a write shows: unchanged tasks leave the files alone.
        _ = try workspace.write("reports/acme/tasks.csv", "not written again")
        try await reports.writeTasks(Self.creditor())
        #expect(try workspace.read("reports/acme/tasks.csv") == "not written again")
        // A new task, a closed one, a task changed in place: written again each time.
        let second = try await store.openTask(NewTask(creditor: Self.acme, customerID: nil, kind: .identifyCustomer, title: "Qui est C2 ?",
                                                      dedupKey: "who-2"), at: Self.time)
        try await reports.writeTasks(Self.creditor())
        #expect(try workspace.read("reports/acme/tasks.csv").contains("Qui est C2 ?"))
        _ = try workspace.write("reports/acme/tasks.csv", "not written again")
        let facts = try #require(try await store.taskOutcomeFacts(first.id))
        try await store.applyTaskOutcome(try TaskOutcomeDecision.decide(
            TaskOutcomeRequest(taskID: first.id, outcome: .cancelled(reason: "doublon"), recordedBy: "marie", channel: .cli), facts: facts,
            today: CivilDate(year: 2026, month: 12, day: 2)!, settings: TaskOutcomeSettings(), calendar: FrenchBusinessCalendar()), at: Self.time)
        try await reports.writeTasks(Self.creditor())
        #expect(!(try workspace.read("reports/acme/tasks.csv").contains("Qui est C1 ?")))
        _ = try workspace.write("reports/acme/tasks.csv", "not written again")
        try store.executeForTesting("UPDATE task SET title = 'Qui est vraiment C2 ?' WHERE id = \(second.id)")
        try await reports.writeTasks(Self.creditor())
        #expect(try workspace.read("reports/acme/tasks.csv").contains("Qui est vraiment C2 ?"))
        // Another language words them differently; a file deleted by a person comes back.
        try await reports.writeTasks(Self.creditor(.english))
        #expect(try workspace.read("reports/acme/tasks.html").contains("lang=\"en\""))
        try FileManager.default.removeItem(at: workspace.url("reports/acme/tasks.html"))
        try await reports.writeTasks(Self.creditor(.english))
        #expect(FileManager.default.fileExists(atPath: workspace.url("reports/acme/tasks.html").path))
    }

    @Test func theFingerprintIsStableAndOneCreditors() async throws {
        let store = try AppDatabase.inMemory()
        try await store.registerCreditor(Self.acme, at: Self.time)
        try await store.registerCreditor(CreditorID("beta")!, at: Self.time)
        let empty = try await store.openTasksFingerprint(of: Self.acme)
        _ = try await store.openTask(NewTask(creditor: Self.acme, customerID: nil, kind: .fixConfiguration, title: "Mot de passe"), at: Self.time)
        let one = try await store.openTasksFingerprint(of: Self.acme)
        #expect(one != empty)
        #expect(try await store.openTasksFingerprint(of: Self.acme) == one)
        _ = try await store.openTask(NewTask(creditor: CreditorID("beta")!, customerID: nil, kind: .fixConfiguration, title: "Autre"), at: Self.time)
        #expect(try await store.openTasksFingerprint(of: Self.acme) == one)
        // NULL and empty text differ.
        try store.executeForTesting("UPDATE task SET step = '' WHERE creditor_id = 'acme'")
        #expect(try await store.openTasksFingerprint(of: Self.acme) != one)
    }
}

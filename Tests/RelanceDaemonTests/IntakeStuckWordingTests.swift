import Foundation
import Logging
import Testing
import RelanceCore
@testable import RelanceDaemon
import RelanceStore
import RelanceTesting

/// A file imported but not moved to `processed/` is left in place, and `relance run --once` says
/// why in the creditor's language, with the cause a person can act on (the path and what the
/// system said), never Foundation's "The operation could not be completed. (NSCocoaErrorDomain
/// error 516.)". `processed/<today>` taken by a plain file makes the move fail, even as root.
@Suite struct IntakeStuckWordingTests {
    static func intake(_ workspace: TemporaryWorkspace, language: Language) async throws -> FileIntake {
        let store = try AppDatabase.inMemory()
        try await store.registerCreditor(IntakeTests.acme, language: language, at: Date())
        var creditor = IntakeTests.creditor
        creditor.language = language
        return FileIntake(creditor: creditor, folder: LocalDropFolder(folder: workspace.url("drop")),
                          rules: IntakeRules(stableAfterSeconds: 0, maximumFileBytes: 10_000_000),
                          store: store, clock: SystemWallClock(), logger: IntakeTests.quietLogger)
    }

    /// The reason given for an export that could not be moved to `processed/`.
    static func stuckReason(_ language: Language) async throws -> (reason: String, day: String) {
        let workspace = try TemporaryWorkspace("relance-intake-stuck")
        try workspace.write("drop/open.csv", "customer;invoice;issue_date;due_date;amount\nC1;F-1;01/09/2026;01/10/2026;10,00\n")
        let intake = try await Self.intake(workspace, language: language)
        let day = intake.importer.today.iso8601
        try workspace.write("drop/processed/\(day)", "a file where the day's folder goes\n")
        let report = try await intake.scan()
        #expect(report.imported.isEmpty && report.stuck.map(\.file) == ["open.csv"])
        #expect(workspace.files(in: "drop").contains("open.csv"))
        return (try #require(report.stuck.first).reason, workspace.url("drop/processed/\(day)").path)
    }

    @Test func inFrenchForAFrenchCreditor() async throws {
        let (reason, path) = try await Self.stuckReason(.french)
        #expect(reason == "importé (import n°\u{00A0}1) mais n'a pas pu être déplacé dans `processed/` : \(path) : un fichier de ce nom existe déjà")
        #expect(LanguageLeaks.englishIn(reason).isEmpty, "\(reason)")
    }

    @Test func inEnglishForAnEnglishCreditor() async throws {
        let (reason, path) = try await Self.stuckReason(.english)
        #expect(reason == "imported as #1 but could not be moved to processed/: \(path): a file of that name already exists")
    }
}

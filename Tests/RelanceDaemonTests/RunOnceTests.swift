import Foundation
import Logging
import Testing
import RelanceCore
import RelanceDaemon
import RelanceTesting

/// The thin slice of issue #2, end to end with the embedded default (an outbox folder).
@Suite struct RunOnceTests {
    @Test func anOverdueInvoiceGetsOneReminderAndASecondRunSendsNothing() async throws {
        let fixture = try DaemonFixture()
        try fixture.drop("open.csv", DaemonFixture.csv(
            "C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;1 200,00",
            "C2;Client Deux;compta@deux.example;F-200;15/11/2026;15/12/2026;300,00"))

        let first = try await fixture.runtime().runOnce()
        #expect(first.sending.sent == 1)
        let sent = fixture.workspace.files(in: "outbox/acme")
        #expect(sent.count == 1)
        let message = try fixture.workspace.read("outbox/acme/\(sent[0])")
        #expect(message.contains("To: Client Un <compta@un.example>"))
        #expect(message.contains("Message-ID: <relance."))
        #expect(message.contains("F-100"))
        #expect(fixture.workspace.files(in: "drop/processed").count == 1)
        #expect(fixture.workspace.files(in: "drop").filter { $0.hasSuffix(".csv") }.isEmpty)

        let second = try await fixture.runtime().runOnce()
        #expect(second.sending.sent == 0)
        #expect(second.planning[CreditorID("acme")!]?.queued.isEmpty == true)
        #expect(fixture.workspace.files(in: "outbox/acme").count == 1)
    }

    @Test func aBadDateIsRefusedWithLineAndColumnAndTheFileIsKept() async throws {
        let fixture = try DaemonFixture()
        try fixture.drop("broken.csv", DaemonFixture.csv(
            "C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;1 200,00",
            "C2;Client Deux;compta@deux.example;F-200;15/11/2026;31/02/2026;300,00"))

        let report = try await fixture.runtime().runOnce()
        let rejected = try #require(report.intake[CreditorID("acme")!]?.rejected.first)
        #expect(rejected.file == "broken.csv")
        #expect(rejected.reason.contains("broken.csv, ligne 3, caractère 53"))
        #expect(rejected.reason.contains("due_date"))
        #expect(fixture.workspace.files(in: "drop/rejected") == ["broken.csv", "broken.csv.error.txt"])
        let explanation = try fixture.workspace.read("drop/rejected/broken.csv.error.txt")
        #expect(explanation.contains("31/02/2026"))
        // The report is for the creditor's people: in French, as the creditor is.
        #expect(explanation.contains("Rien de ce fichier n'a été importé"))
        #expect(explanation.contains("n'est pas une date"))
        // Nothing of it reached the store, and nothing was sent.
        #expect(report.sending.sent == 0)
        #expect(try await fixture.runtime().store.openReceivables(of: CreditorID("acme")!).isEmpty)
    }

    @Test func aBadAmountIsRefusedWithLineAndColumn() async throws {
        let fixture = try DaemonFixture()
        try fixture.drop("amount.csv", DaemonFixture.csv("C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;12O,00"))
        let report = try await fixture.runtime().runOnce()
        let rejected = try #require(report.intake[CreditorID("acme")!]?.rejected.first)
        #expect(rejected.reason.contains("amount.csv, ligne 2, caractère 60"))
        #expect(fixture.workspace.files(in: "drop/rejected").contains("amount.csv"))
    }

    @Test func aLineBreakInImportedDataNeverReachesAHeaderOrTheEnvelope() async throws {
        let fixture = try DaemonFixture()
        // A quoted CSV field may hold a line break: the hostile values reach the parser intact.
        try fixture.drop("evil.csv", DaemonFixture.csv(
            "C1;Client Un;\"victim@un.example\r\nRCPT TO:<evil@attacker.example>\";F-100;15/09/2026;15/10/2026;100,00",
            "C2;\"Client\r\nBcc: evil@attacker.example\";ok@deux.example;F-200;15/09/2026;15/10/2026;100,00"))
        let runtime = try fixture.runtime()
        let report = try await runtime.runOnce()
        // C1's email cell is one address plus a smuggled command: invalid as a whole (issue #12 §2),
        // so only C2 gets an email; C1 is left for a person.
        #expect(report.sending.sent == 1)
        for name in fixture.workspace.files(in: "outbox/acme") {
            let message = try fixture.workspace.read("outbox/acme/\(name)")
            let header = message.components(separatedBy: "\r\n\r\n")[0]
            let lines = header.components(separatedBy: "\r\n")
            // No line of the header is a new field planted by the data; folded lines start with a space.
            #expect(!lines.contains { $0.hasPrefix("Bcc:") || $0.hasPrefix("RCPT") })
            #expect(!header.contains("\r\nBcc"))
            #expect(!message.contains("RCPT TO"))
        }
        // The envelope holds only addresses that passed validation: the hostile cell was refused
        // whole and recorded, nothing split out of it.
        let events = try await runtime.store.recentEvents(of: nil, limit: 50)
        #expect(events.contains { $0.event.kind == "customer.email-invalid" && $0.event.summary.contains("TO:<evil@attacker.example>") })
        let open = try await runtime.store.openReceivables(of: CreditorID("acme")!)
        let addresses = open.flatMap(\.customer.emails).map(\.value)
        #expect(Set(addresses) == ["ok@deux.example"])
    }

    @Test func aNewSnapshotWithoutTheInvoiceSettlesItAndItsQueuedReminderIsCancelled() async throws {
        // Settling the only invoice is 100 % of the open amount: the safety would hold it.
        let fixture = try DaemonFixture(active: true, extraCreditorSettings: "mass_settlement_threshold_percent = 100")
        try fixture.drop("a.csv", DaemonFixture.csv("C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;100,00"))
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        let creditor = try #require(runtime.creditors.first)
        _ = try await creditor.intake.scan()
        _ = try await creditor.scheduler.run(on: CivilDate(iso8601: "2026-11-30")!, at: fixture.clock.now())
        // The customer paid: the next export no longer lists F-100.
        try fixture.drop("b.csv", DaemonFixture.csv("C2;Client Deux;compta@deux.example;F-200;01/11/2026;01/01/2027;100,00"))
        fixture.clock.advance(by: 60)
        _ = try await creditor.intake.scan()
        let sending = try await runtime.drainer.drain()
        #expect(sending.sent == 0)
        #expect(try await runtime.store.outboxCounts() == [.cancelled: 1])
    }

    @Test func reviewModeWritesTheMessagesForAPersonAndSendsNothing() async throws {
        let fixture = try DaemonFixture(active: false)
        try fixture.drop("open.csv", DaemonFixture.csv("C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;1 200,00"))
        let report = try await fixture.runtime().runOnce()
        #expect(report.sending.sent == 0)
        #expect(fixture.workspace.files(in: "outbox/acme").isEmpty)
        #expect(fixture.workspace.files(in: "review/acme/2026-11-30") == ["C1-first-reminder.eml"])
    }

    @Test func symlinksAndTemporaryNamesAreNotRead() async throws {
        let fixture = try DaemonFixture()
        try fixture.workspace.write("secret.csv", DaemonFixture.csv("C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;100,00"))
        try FileManager.default.createDirectory(at: fixture.workspace.url("drop"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.workspace.url("drop/link.csv").path,
                                                   withDestinationPath: fixture.workspace.url("secret.csv").path)
        try fixture.drop("upload.csv.part", "partial")
        try fixture.drop(".hidden.csv", "hidden")
        let report = try await fixture.runtime().runOnce()
        let intake = try #require(report.intake[CreditorID("acme")!])
        #expect(intake.imported.isEmpty)
        #expect(intake.rejected.map(\.file) == ["link.csv"])
        #expect(intake.rejected[0].reason.contains("lien symbolique"))
        #expect(fixture.workspace.files(in: "drop").contains("upload.csv.part"))
        #expect(fixture.workspace.files(in: "drop").contains(".hidden.csv"))
        // The link's target was neither read nor moved.
        #expect(FileManager.default.fileExists(atPath: fixture.workspace.url("secret.csv").path))
    }

    @Test func aRunDatedInThePastStillTakesAFinishedFile() async throws {
        let fixture = try DaemonFixture()
        // `--now` a year back: file times are real, the stability check must use the real clock.
        fixture.clock.set(to: try Date("2025-12-01T10:00:00+01:00", strategy: .iso8601))
        try fixture.drop("open.csv", DaemonFixture.csv("C1;Client Un;compta@un.example;F-100;15/09/2025;15/10/2025;100,00"))
        try fixture.workspace.age("drop/open.csv", seconds: 5)
        let report = try await fixture.runtime().runOnce()
        #expect(report.intake[CreditorID("acme")!]?.imported.count == 1)
    }

    @Test func runOnceWaitsForAFileJustCopiedEvenWithAClockSetAhead() async throws {
        // As the demo does: copy the export, then run at once with `--now` a day ahead.
        let fixture = try DaemonFixture(stableAfterSeconds: 1)
        try fixture.drop("open.csv", DaemonFixture.csv("C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;100,00"))
        let report = try await fixture.runtime().runOnce()
        #expect(report.intake[CreditorID("acme")!]?.imported.count == 1)
        #expect(report.intake[CreditorID("acme")!]?.waiting.isEmpty == true)
    }

    @Test func theSameFileDroppedTwiceIsImportedOnce() async throws {
        let fixture = try DaemonFixture()
        let csv = DaemonFixture.csv("C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;100,00")
        try fixture.drop("a.csv", csv)
        _ = try await fixture.runtime().runOnce()
        try fixture.drop("a-again.csv", csv)
        let report = try await fixture.runtime().runOnce()
        let imported = try #require(report.intake[CreditorID("acme")!]?.imported.first)
        #expect(imported.receipt.outcome == .duplicate)
        #expect(fixture.workspace.files(in: "drop/processed/2026-11-30") == ["a-again.csv", "a.csv"])
    }

    @Test func aRuntimeThatComposesNoMailNeitherReadsNorNeedsTheTemplates() async throws {
        let fixture = try DaemonFixture()
        try fixture.drop("open.csv", DaemonFixture.csv("C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;1 200,00"))
        var configuration = try fixture.configuration
        configuration.templatesFolder = fixture.workspace.url("no-templates-here")
        #expect(throws: (any Error).self) {
            _ = try RelanceRuntime(configuration: configuration, clock: fixture.clock, logger: Logger(label: "test"))
        }
        // `relance import` and `relance plan` write no mail: they work without templates.
        let runtime = try RelanceRuntime(configuration: configuration, clock: fixture.clock, logger: Logger(label: "test"),
                                         composesMail: false)
        try await runtime.prepare()
        _ = try await runtime.creditors[0].intake.scan()
        let plan = try await runtime.creditors[0].scheduler.plan(on: CivilDate(iso8601: "2026-11-30")!)
        #expect(plan.contacts.map(\.customer.externalID) == ["C1"])
    }
}

import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceMail
import RelanceTesting

/// Letter steps open their task with the printable page on disk; legal actions with a dossier.
@Suite struct DocumentsTests {
    static let acme = CreditorID("acme")!
    static let monday = CivilDate(iso8601: "2026-11-30")!

    /// A short ladder that reaches its formal step the day after the due date, with the
    /// 2026-S2 rate given so that the interest is complete.
    static func settings(lastStep: String, digest: Bool) -> String {
        """
        address = ["1 avenue du Port", "13002 Marseille"]
        siren = "123 456 782"
        rcs = "RCS Marseille 123 456 782"
        policy = "fast"
        \(digest ? "[creditors.acme.digest]\nrecipients = [\"controller@acme.example\"]" : "")

        [policies.fast]
        minimum_days_between_contacts = 0
        [[policies.fast.steps]]
        name = "\(lastStep)"
        channel = "\(lastStep == "formal-letter" ? "letter" : lastStep)"
        after_due_days = 1

        [penalties]
        ecb_rates = { "2026-S2" = 2.15 }
        """
    }

    private func run(active: Bool, lastStep: String, digest: Bool = false) async throws -> (DaemonFixture, RelanceRuntime, ReminderScheduler.Report) {
        let fixture = try DaemonFixture(active: active, extraCreditorSettings: Self.settings(lastStep: lastStep, digest: digest))
        try fixture.drop("open.csv", DaemonFixture.csv(
            "C1;<b>Client</b> Un;compta@un.example;F-100;15/09/2026;15/10/2026;1200,00",
            "C1;<b>Client</b> Un;compta@un.example;F-101;01/10/2026;31/10/2026;300,00"))
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        let creditor = try #require(runtime.creditors.first)
        _ = try await creditor.intake.scan()
        let report = try await creditor.scheduler.run(on: Self.monday, at: runtime.clock.now())
        #expect(report.failures.isEmpty, "\(report.failures)")
        return (fixture, runtime, report)
    }

    @Test func aLetterTaskPointsAtItsPrintablePage() async throws {
        let (fixture, runtime, report) = try await run(active: true, lastStep: "formal-letter")
        defer { withExtendedLifetime(fixture) {} }
        let expected = runtime.configuration.stateFolder.appendingPathComponent("documents/acme/2026-11-30/C1-formal-letter.html")
        #expect(report.documents.map(\.path) == [expected.path])
        let tasks = try await runtime.store.tasks(of: Self.acme, state: .open)
        let task = try #require(tasks.first)
        #expect(tasks.count == 1 && task.kind == .letter)
        #expect(task.documentPath == expected.path)
        let html = try String(contentsOf: expected, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("@page { size: A4;"))
        #expect(html.contains("F-100") && html.contains("F-101"))
        #expect(html.contains("&lt;b&gt;Client&lt;/b&gt; Un") && !html.contains("<b>Client"))
        #expect(html.contains("Marseille, le 30\u{00A0}novembre\u{00A0}2026"))
        #expect(html.contains("RCS Marseille 123 456 782"))
        #expect(html.contains("FR76 3000 4000 0312 3456 7890 143"))
        // 1,500.00 principal and 80.00 of indemnities, plus interest at 12.15 %.
        #expect(html.contains("1\u{202F}500,00\u{00A0}€") && html.contains("80,00\u{00A0}€"))
        // Nothing is left behind half written.
        let folder = expected.deletingLastPathComponent()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["C1-formal-letter.html"])
        // The tasks report points at it too.
        let reports = try await runtime.reports.writeTasks(runtime.creditors[0].configuration)
        let csv = try String(contentsOf: try #require(reports.first { $0.lastPathComponent == "tasks.csv" }), encoding: .utf8)
        #expect(csv.hasPrefix("N°;Type;Ouverte le;À traiter avant le;À faire;Détails;Document\r\n") && csv.contains(";\(expected.path)\r\n"))
    }

    @Test func reviewModeWritesThePageNextToTheTaskDescription() async throws {
        let (fixture, runtime, report) = try await run(active: false, lastStep: "formal-notice")
        defer { withExtendedLifetime(fixture) {} }
        let folder = runtime.configuration.reviewFolder.appendingPathComponent("acme/2026-11-30")
        #expect(report.reviewFiles.map(\.lastPathComponent) == ["C1-formal-notice.txt", "C1-formal-notice.html"])
        #expect(report.documents.isEmpty)
        #expect(try await runtime.store.tasks(of: Self.acme, state: .open).isEmpty)
        let html = try String(contentsOf: folder.appendingPathComponent("C1-formal-notice.html"), encoding: .utf8)
        #expect(html.contains("mise en demeure") && html.contains("au plus tard le 8\u{00A0}décembre\u{00A0}2026"))
    }

    @Test func aLegalActionTaskPointsAtItsDossier() async throws {
        let (fixture, runtime, report) = try await run(active: true, lastStep: "legal-action")
        defer { withExtendedLifetime(fixture) {} }
        let folder = runtime.configuration.stateFolder.appendingPathComponent("documents/acme/2026-11-30/C1-legal-action")
        #expect(report.documents.map(\.path) == [folder.path])
        let task = try #require(try await runtime.store.tasks(of: Self.acme, state: .open).first)
        #expect(task.kind == .legalAction && task.documentPath == folder.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["actions.csv", "invoices.csv", "summary.html"])
        let invoices = try String(contentsOf: folder.appendingPathComponent("invoices.csv"), encoding: .utf8)
        #expect(invoices.contains("F-100,2026-09-15,2026-10-15,EUR,1200.00,1200.00,1200.00,46,"))
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.html"), encoding: .utf8)
        #expect(summary.contains("petites créances"))
        // Written again the same day, the dossier is replaced whole, with no leftover beside it.
        _ = try await runtime.creditors[0].scheduler.run(on: Self.monday, at: runtime.clock.now())
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path) == ["C1-legal-action"])
    }

    @Test func theDigestBringsTheNewDocumentsAsAttachments() async throws {
        let (fixture, runtime, _) = try await run(active: true, lastStep: "legal-action", digest: true)
        defer { withExtendedLifetime(fixture) {} }
        let sender = try #require(runtime.digestSenders.first)
        let (digest, _) = try await sender.content(on: Self.monday, attachedDocuments: [1: ["1-C1-legal-action-summary.html"]])
        let letters = try #require(digest.sections.first { $0.title == "1 courrier à poster" })
        #expect(letters.items.count == 1)
        #expect(letters.items[0].lines == ["Document joint : 1-C1-legal-action-summary.html"])
        #expect(try await sender.sendIfDue())
        let files = fixture.workspace.files(in: "outbox/acme").filter { $0.contains("digest") }
        let mail = try fixture.workspace.read("outbox/acme/\(try #require(files.first))")
        for name in ["1-C1-legal-action-actions.csv", "1-C1-legal-action-invoices.csv", "1-C1-legal-action-summary.html"] {
            #expect(mail.contains("filename=\"\(name)\""), "\(name) not attached")
        }
        // The next digest does not bring them again.
        fixture.clock.advance(by: 86_400)
        _ = try await runtime.store.openTask(NewTask(creditor: Self.acme, customerID: nil, kind: .identifyCustomer, title: "Who is X?"),
                                             at: runtime.clock.now())
        #expect(try await sender.sendIfDue())
        let next = fixture.workspace.files(in: "outbox/acme").filter { $0.contains("digest") && !files.contains($0) }
        #expect(!(try fixture.workspace.read("outbox/acme/\(try #require(next.first))")).contains("filename="))
    }

    @Test func aLetterStepWithoutItsPrintedPageStopsStartUp() async throws {
        let fixture = try DaemonFixture(extraCreditorSettings: Self.settings(lastStep: "formal-letter", digest: false))
        let templates = fixture.workspace.url("templates")
        try FileManager.default.copyItem(at: RepositoryPaths.mailTemplates, to: templates)
        try FileManager.default.removeItem(at: templates.appendingPathComponent("en/formal-letter.html.mustache"))
        let configuration = try fixture.workspace.read("relance.toml")
            .replacingOccurrences(of: RepositoryPaths.mailTemplates.path, with: templates.path)
        try fixture.workspace.write("relance.toml", configuration)
        let error = #expect(throws: TemplateError.self) { try fixture.runtime() }
        #expect(error?.problems.map(\.file) == ["en/formal-letter.html.mustache"])
    }
}

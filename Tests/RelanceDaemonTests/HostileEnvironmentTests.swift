import Foundation
import Logging
import RelanceCore
@testable import RelanceDaemon
import RelanceMail
import RelanceStore
import RelanceTesting
import Testing

/// Issue #12 §4: the environment fails loudly — a missing drop folder, a missing templates
/// folder — and §2's imported values reach the journal as warnings, escaped.
@Suite struct HostileEnvironmentTests {
    static func configuration(_ workspace: TemporaryWorkspace, drop: String, create: Bool? = nil) throws -> RelanceConfiguration {
        try workspace.write("relance.toml", """
            drop_folder = "\(drop)"
            \(create.map { "create_drop_folder = \($0)" } ?? "")
            state_folder = "state"
            outbox_folder = "outbox"
            templates_folder = "\(RepositoryPaths.mailTemplates.path)"

            [creditors.acme]
            legal_name = "ACME SAS"
            sender = "compta@acme.example"
            iban = "FR76 3000 4000 0312 3456 7890 143"
            active = true
            """)
        return try ConfigurationLoader.load(from: workspace.url("relance.toml"))
    }

    static func runtime(_ configuration: RelanceConfiguration) throws -> RelanceRuntime {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return try RelanceRuntime(configuration: configuration, clock: ManualWallClock(DaemonFixture.monday), logger: logger,
                                  secrets: SecretStore(environment: [:]))
    }

    @Test func aDropFolderOnAnUnmountedShareIsAnErrorAtStartAndIsNeverCreated() async throws {
        let workspace = try TemporaryWorkspace("relance-env")
        let drop = "/nonexistent-\(UUID().uuidString.prefix(8))/mnt/share/drop"
        let runtime = try Self.runtime(try Self.configuration(workspace, drop: drop, create: true))
        let error = try #require(throws: IntakeError.self) { try runtime.checkDropFolders() }
        #expect(error.code == .missingDropFolder)
        #expect(error.description.contains(drop))
        #expect(error.message.contains("mounted"))
        #expect(!FileManager.default.fileExists(atPath: drop))
        // While the daemon runs: every intake round fails (counted in status.json), and
        // `relance status` names the problem.
        await #expect(throws: IntakeError.self) { _ = try await runtime.creditors[0].intake.scan() }
        try await runtime.prepare()
        let status = try await runtime.status(of: runtime.creditors[0])
        #expect(status.dropFolderProblem?.contains(drop) == true)
    }

    @Test func theDigestShowsAMissingDropFolderFirst() async throws {
        let fixture = try DaemonFixture(extraCreditorSettings: """
            [creditors.acme.digest]
            recipients = ["controller@acme.example"]
            """)
        // A share, mounted by the system: Relance must not create it.
        try fixture.workspace.write("relance.toml", try fixture.workspace.read("relance.toml")
            .replacingOccurrences(of: "create_drop_folder = true", with: "create_drop_folder = false"))
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        let sender = try #require(runtime.digestSenders.first)
        // The share goes away while the daemon runs.
        try? FileManager.default.removeItem(at: fixture.workspace.url("drop"))
        let facts = try await sender.facts(on: CivilDate(iso8601: "2026-11-30")!)
        #expect(facts.health.dropFolderMissing)
    }

    /// Issue #12 §4: the digest reports the same standing pause the sender obeys; once a person
    /// resumed the outbox (`outbox.resumed`), it no longer says "paused".
    @Test func theDigestForgetsAnOutboxPauseOnceResumed() async throws {
        let fixture = try DaemonFixture(extraCreditorSettings: """
            [creditors.acme.digest]
            recipients = ["controller@acme.example"]
            """)
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        let sender = try #require(runtime.digestSenders.first)
        let day = CivilDate(iso8601: "2026-11-30")!
        let acme = runtime.creditors[0].configuration.id
        try await runtime.store.recordOutboxPaused(acme, reason: "535 5.7.8 authentication failed", at: Date(timeIntervalSince1970: 1_796_029_200))
        #expect(try await sender.facts(on: day).health.outboxPausedReason == "535 5.7.8 authentication failed")
        try await runtime.store.resumeOutbox(acme, reason: "resumed by a person", at: Date(timeIntervalSince1970: 1_796_029_260))
        #expect(try await sender.facts(on: day).health.outboxPausedReason == nil)
    }

    @Test func createDropFolderCreatesItOnlyWhenItsParentExists() throws {
        let workspace = try TemporaryWorkspace("relance-env")
        // Not asked for: refused, even with the parent there.
        let refused = try Self.runtime(try Self.configuration(workspace, drop: "drop"))
        #expect(throws: IntakeError.self) { try refused.checkDropFolders() }
        #expect(!FileManager.default.fileExists(atPath: workspace.url("drop").path))
        // Asked for, but the parent is missing: refused too.
        let orphan = try Self.runtime(try Self.configuration(workspace, drop: "share/drop", create: true))
        #expect(throws: IntakeError.self) { try orphan.checkDropFolders() }
        #expect(!FileManager.default.fileExists(atPath: workspace.url("share").path))
        // Asked for, parent there: created, with processed/ and rejected/.
        let created = try Self.runtime(try Self.configuration(workspace, drop: "drop", create: true))
        try created.checkDropFolders()
        #expect(workspace.files(in: "drop") == ["processed", "rejected"])
    }

    @Test func aMissingTemplatesFolderIsOneErrorNamingTheFolder() throws {
        let workspace = try TemporaryWorkspace("relance-env")
        let folder = workspace.url("no-templates-here")
        let error = try #require(throws: TemplateError.self) {
            _ = try TemplateLoader.load(from: folder, requiredTemplates: ["reminder-1", "reminder-2"], requiredDocuments: ["letter"])
        }
        #expect(error.problems.count == 1)
        #expect(error.description.contains(folder.path))
        #expect(error.description.contains("templates_folder"))
        // An existing folder with no template in it is one error too.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let empty = try #require(throws: TemplateError.self) { _ = try TemplateLoader.load(from: folder, requiredTemplates: ["reminder-1"]) }
        #expect(empty.problems.count == 1)
        #expect(empty.description.contains(folder.path))
    }

    @Test func aHostileExportIsJournaledAsWarningsAndNoRecipientIsSplitOutOfACell() async throws {
        let fixture = try DaemonFixture()
        try fixture.drop("open.csv", DaemonFixture.csv(
            "C1;\"Evil\r\nBcc: x@example.test\";ok@client.example;F-1;01/09/2026;01/10/2026;100,00",
            "C2;Honest SARL;\"t37+a11@client.example\r\nRCPT TO: t38@client.example\";F-2;01/09/2026;01/10/2026;200,00"))
        let runtime = try fixture.runtime()
        _ = try await runtime.runOnce()
        let events = try await runtime.store.recentEvents(of: nil, limit: 500).map(\.event)
        let warnings = events.filter { $0.kind == "import.warning" }
        #expect(warnings.contains { $0.summary.contains("open.csv, ligne 2") && $0.summary.contains("caractères de contrôle") })
        #expect(warnings.contains { $0.summary.contains("open.csv, ligne 4") && $0.summary.contains("ni une adresse ni une liste") })
        #expect(events.contains { $0.kind == "customer.email-invalid" && $0.summary.contains("RCPT TO") })
        // Nothing in the journal can forge a line.
        #expect(events.allSatisfy { !PrintableText.needsEscaping($0.summary) })
        // The hostile name reached the store clean; the second address was never split out.
        let open = try await runtime.store.openReceivables(of: CreditorID("acme")!)
        #expect(open.first { $0.customer.externalID == "C1" }?.customer.name == "Evil Bcc: x@example.test")
        #expect(open.first { $0.customer.externalID == "C2" }?.customer.emails.isEmpty == true)
        let mail = fixture.workspace.files(in: "outbox/acme").map { (try? fixture.workspace.read("outbox/acme/\($0)")) ?? "" }
        #expect(!mail.contains { $0.contains("t38@") || $0.contains("t37+a11@") })
    }

    @Test func theLogNeverCarriesARawControlCharacter() {
        let recorder = RecordingLogHandler()
        let logger = Logger(label: "test") { _ in EscapingLogHandler(recorder) }
        logger.warning("imported \("Evil\nFAKE: sent")", metadata: ["file": "a\r\nb.csv", "list": .array(["x\u{1B}[2J"])])
        let line = recorder.lines.withLock { $0.joined() }
        #expect(line.contains("imported Evil\\nFAKE: sent"))
        #expect(line.contains("a\\r\\nb.csv"))
        #expect(!line.contains("\u{1B}"))
        #expect(!PrintableText.needsEscaping(line))
    }
}

/// Keeps what would be written, one string per record.
struct RecordingLogHandler: LogHandler {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [String] = []
        func withLock<T>(_ body: (inout [String]) -> T) -> T { lock.lock(); defer { lock.unlock() }; return body(&storage) }
    }

    let lines = Lines()
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let text = "\(event.message) " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        lines.withLock { $0.append(text) }
    }
}

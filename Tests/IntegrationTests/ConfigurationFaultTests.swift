import Foundation
import RelanceCore
import RelanceDaemon
import RelanceTesting
import Testing

// Mailbox users: t34 sends; t40 would receive (nothing reaches it in these tests).

/// Issue #12 §3 against the real Postfix and Dovecot: a wrong setting is a configuration
/// fault — the outbox pauses, one alert, one task, a reason naming the key — never a passing
/// fault retried for three days.
@Suite(.mailStack, .serialized) struct ConfigurationFaultTests {
    typealias Fixture = ServerAnswerTests.Fixture
    static let acme = CreditorID("acme")!

    static func pausedFor(_ fixture: Fixture) async throws -> String {
        let alerts = try await fixture.events("outbox.paused")
        #expect(alerts.count == 1)
        #expect(try await fixture.runtime.store.tasks(of: acme, state: .open).filter { $0.kind == .fixConfiguration }.count == 1)
        let pause = try #require(try await fixture.runtime.store.standingOutboxPause(of: acme))
        let status = try await fixture.runtime.status(of: fixture.runtime.creditors[0])
        #expect(status.outboxPause == pause)
        return try #require(alerts.first?.summary)
    }

    @Test func theImplicitTLSPortWithoutSecurityTLSPausesAtOnceNamingTheKey() async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(smtp: """
            host = "\(stack.host)"
            port = \(stack.smtpsPort)
            security = "starttls"
            username = "\(stack.address("t34"))"
            password_credential = "smtp-password"
            ca_file = "\(stack.caFile)"
            timeout_seconds = 3
            """, emails: [stack.address("t40"), stack.address("t40+b")], stack: stack)
        let first = try await fixture.runtime.runOnce()
        #expect(first.sending.paused == [Self.acme])
        let summary = try await Self.pausedFor(fixture)
        #expect(summary.contains("security = \"tls\""), "\(summary)")
        #expect(!summary.contains("raise the timeouts"))
        // Hours later, the same daemon has not tried again: the pause holds until the configuration is loaded again.
        fixture.clock.advance(by: 4 * 3600)
        let second = try await fixture.runtime.runOnce()
        #expect(second.sending.paused == [Self.acme])
        #expect(second.sending.retrying + second.sending.failed + second.sending.sent == 0)
        #expect(try await fixture.events("outbox.paused").count == 1)
    }

    @Test func plainTextFirstAgainstSecurityTLSNamesStartTLS() async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(smtp: """
            host = "\(stack.host)"
            port = \(stack.submissionPort)
            security = "tls"
            username = "\(stack.address("t34"))"
            password_credential = "smtp-password"
            ca_file = "\(stack.caFile)"
            timeout_seconds = 5
            """, emails: [stack.address("t40")], stack: stack)
        #expect(try await fixture.runtime.runOnce().sending.paused == [Self.acme])
        let summary = try await Self.pausedFor(fixture)
        #expect(summary.contains("starttls"), "\(summary)")
    }

    @Test func aSubmissionPortWantingAuthenticationNamesTheMissingCredential() async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(smtp: """
            host = "\(stack.host)"
            port = \(stack.submissionPort)
            ca_file = "\(stack.caFile)"
            """, emails: [stack.address("t40")], stack: stack)
        #expect(try await fixture.runtime.runOnce().sending.paused == [Self.acme])
        let summary = try await Self.pausedFor(fixture)
        // acme is French: the fault in French, the key under its name, the server's refusal quoted.
        #expect(summary.contains("exige une identification"), "\(summary)")
        #expect(summary.contains("«\u{00A0}554 5.7.1"), "\(summary)")
        #expect(summary.contains("password_credential"), "\(summary)")
        #expect(!summary.contains("fix unknown addresses"))
        #expect(try await fixture.events("address.refused").isEmpty)
    }

    @Test func anUntrustedCertificateNamesCAFileNotAnEnumCase() async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(smtp: IntegrationConfiguration.submission(stack, user: "t34", trustTestCA: false),
                                  emails: [stack.address("t40")], stack: stack)
        #expect(try await fixture.runtime.runOnce().sending.paused == [Self.acme])
        let summary = try await Self.pausedFor(fixture)
        #expect(summary.contains("ca_file"), "\(summary)")
        #expect(!summary.contains("certificateUntrusted"))
    }

    @Test func aWrongArchiveFolderPausesTheOutboxBeforeAnythingIsSent() async throws {
        let stack = try MailStack.require()
        let fixture = try Self.wrongArchiveFolder(stack)
        try await fixture.runtime.startSending(because: .daemonStarted)
        let summary = try await Self.pausedFor(fixture)
        #expect(summary.contains("archive_folder"), "\(summary)")
        let report = try await fixture.runtime.runOnce()
        #expect(report.sending.sent == 0)
        #expect(report.sending.paused == [Self.acme])
        // Fixed and reloaded: the check passes and the reminder goes out.
        try fixture.workspace.write("relance.toml", try fixture.workspace.read("relance.toml")
            .replacingOccurrences(of: "archive_folder = \"NoSuchFolder\"", with: "archive_folder = \"INBOX\""))
        let holder = RuntimeHolder(fixture.runtime)
        guard case .success = await holder.reload() else { Issue.record("the fixed configuration was refused"); return }
        let reloaded = await holder.current
        try await reloaded.startSending(because: .configurationReloaded)
        #expect(try await reloaded.store.standingOutboxPause(of: Self.acme) == nil)
        #expect(try await reloaded.runOnce().sending.sent == 1)
    }

    /// A creditor whose archive (its evidence source) names a folder the mailbox does not have.
    static func wrongArchiveFolder(_ stack: MailStack) throws -> Fixture {
        try Fixture(smtp: IntegrationConfiguration.submission(stack, user: "t34"), emails: [stack.address("t40")], settings: """
            archive_bcc = "\(stack.address("t34"))"
            archive_folder = "NoSuchFolder"

            \(IntegrationConfiguration.imap(stack, user: "t34", section: "archive_imap", credential: "smtp-password"))
            """, stack: stack)
    }

    /// `relance run --once` checks the evidence source while it reads the files (the check waits
    /// on an IMAP login): the file is imported and planned, and still nothing leaves.
    @Test func aWrongArchiveFolderCheckedAlongsideTheFilesStillStopsTheFirstSend() async throws {
        let stack = try MailStack.require()
        let fixture = try Self.wrongArchiveFolder(stack)
        let report = try await fixture.runtime.runOnce(startingSending: .daemonStarted)
        #expect(report.intake[Self.acme]?.imported.count == 1)
        #expect(report.planning[Self.acme]?.queued.count == 1)
        #expect(report.sending.sent == 0)
        #expect(report.sending.paused == [Self.acme])
        let summary = try await Self.pausedFor(fixture)
        #expect(summary.contains("archive_folder"), "\(summary)")
    }
}

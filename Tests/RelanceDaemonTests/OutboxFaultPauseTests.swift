import CurlMail
import Foundation
import Logging
import RelanceCore
@testable import RelanceDaemon
import RelanceStore
import RelanceTesting
import Testing

/// Issue #12 §3: a configuration fault pauses the creditor's outbox for good — one alert, one
/// task, no attempt until the configuration is loaded again or a person resumes — and says
/// which key to change, in the configuration's words.
@Suite struct OutboxFaultPauseTests {
    actor FaultyTransport: MailTransport {
        var attempts = 0
        var failing = true
        func deliver(_ message: OutboxMessage) async -> DeliveryOutcome {
            attempts += 1
            return failing ? .senderProblem(reason: .reported("set security = \"tls\" in [creditors.acme.smtp]")) : .delivered(serverReply: "250 ok")
        }
        func heal() { failing = false }
    }

    @Test func aFaultPausesTheOutboxUntilTheConfigurationIsLoadedAgain() async throws {
        let fixture = try DaemonFixture()
        try fixture.drop("open.csv", DaemonFixture.csv("C1;Client;c1@client.example;F-1;01/09/2026;01/10/2026;100,00",
                                                       "C2;Client;c2@client.example;F-2;01/09/2026;01/10/2026;100,00"))
        let transport = FaultyTransport()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let runtime = try RelanceRuntime(configuration: try fixture.configuration, clock: fixture.clock, logger: logger,
                                         secrets: SecretStore(environment: [:]), transportOverride: { _ in transport })
        let first = try await runtime.runOnce()
        let acme = CreditorID("acme")!
        #expect(first.sending.paused == [acme])
        #expect(await transport.attempts == 1)
        let pause = try #require(try await runtime.store.standingOutboxPause(of: acme))
        #expect(pause.reason.contains("security = \"tls\""))
        // The same runtime (the daemon between two rounds, hours later) does not try again.
        fixture.clock.advance(by: 3 * 3600)
        let second = try await runtime.drainer.drain()
        #expect(second.paused == [acme])
        #expect(await transport.attempts == 1)
        let status = try await runtime.status(of: runtime.creditors[0])
        #expect(status.outboxPause?.reason == pause.reason)
        #expect(status.outboxResume?.contains("relance resume --creditor acme") == true)
        let json = String(decoding: try JSONEncoder().encode(status), as: UTF8.self)
        #expect(json.contains("outboxPause"))
        let events = try await runtime.store.recentEvents(of: acme, limit: 100).map(\.event)
        #expect(events.filter { $0.kind == "outbox.paused" }.count == 1)
        #expect(try await runtime.store.tasks(of: acme, state: .open).filter { $0.kind == .fixConfiguration }.count == 1)
        // Loaded again (a restart or a reload): tried again, and sent once fixed.
        await transport.heal()
        try await runtime.startSending(because: .configurationReloaded)
        #expect(try await runtime.store.standingOutboxPause(of: acme) == nil)
        fixture.clock.advance(by: 3600)
        let third = try await runtime.drainer.drain()
        #expect(third.paused.isEmpty)
        #expect(third.sent == 2)
    }

    static let settings = MailServerSettings(host: "127.0.0.1", port: 465, security: .startTLS, username: "t34@relance.test",
                                             passwordCredential: "smtp-password")

    static func reply(_ code: Int, _ status: String, _ text: String) -> SMTPReply {
        SMTPReply(code: code, enhancedStatus: EnhancedStatusCode(status), lines: [text])
    }

    @Test func noGreetingOnAPlainConnectionNamesTheSecurityKey() throws {
        let fault = SMTPConfigurationFault(settings: Self.settings, section: "[creditors.acme.smtp]")
        let error = SMTPError(code: .timeout, curlMessage: "Operation timed out after 3000 milliseconds with 0 bytes received")
        let reason = try #require(fault.englishReason(for: error))
        #expect(reason.contains("security = \"tls\""))
        #expect(reason.contains("[creditors.acme.smtp]"))
        // A timeout after the server spoke, or before TCP connected, is a passing fault.
        let spoke = SMTPError(code: .timeout, transcript: [ProtocolLine(direction: .server, text: "220 mail.relance.test ESMTP")])
        #expect(fault.englishReason(for: spoke) == nil)
        #expect(fault.englishReason(for: SMTPError(code: .timeout, curlMessage: "Connection timed out after 15001 milliseconds")) == nil)
    }

    @Test func tlsAgainstAPlainServerAndAnUntrustedCertificateNameTheirKeys() throws {
        var tls = Self.settings
        tls.security = .tls
        tls.port = 587
        let handshake = SMTPConfigurationFault(settings: tls, section: "[creditors.acme.smtp]")
            .englishReason(for: SMTPError(code: .tlsFailed, curlMessage: "error:0A00010B:SSL routines::wrong version number"))
        #expect(handshake?.contains("security = \"starttls\"") == true)
        let untrusted = SMTPConfigurationFault(settings: Self.settings, section: "[creditors.acme.smtp]")
            .englishReason(for: SMTPError(code: .certificateUntrusted, curlMessage: "SSL certificate problem: unable to get local issuer certificate"))
        #expect(untrusted?.contains("ca_file") == true)
        #expect(untrusted?.contains("certificateUntrusted") == false)
    }

    @Test func aServerWantingAuthenticationNamesTheMissingCredential() throws {
        var anonymous = Self.settings
        anonymous.username = nil
        anonymous.passwordCredential = nil
        let refusal = Self.reply(554, "5.7.1", "<localhost[127.0.0.1]>: Client host rejected: Access denied")
        let error = SMTPError(code: .allRecipientsRefused, serverReply: refusal,
                              recipients: [SMTPRecipientResult(recipient: "t38@relance.test", reply: refusal)],
                              transcript: [ProtocolLine(direction: .server, text: "250-AUTH PLAIN LOGIN")])
        let reason = try #require(SMTPConfigurationFault(settings: anonymous, section: "[creditors.acme.smtp]").englishReason(for: error))
        #expect(reason.contains("wants authentication"))
        #expect(reason.contains("password_credential"))
        // With a credential configured, the same refusal is not blamed on a missing one.
        #expect(SMTPConfigurationFault(settings: Self.settings, section: "[creditors.acme.smtp]").englishReason(for: error) == nil)
    }

    @Test func errorTextsNameNoEnumCase() {
        for code in [SMTPError.Code.certificateUntrusted, .allRecipientsRefused, .caFileUnreadable, .startTLSUnavailable] {
            let text = SMTPError(code: code).description
            #expect(!text.contains(code.rawValue), "\(text)")
        }
        #expect(SMTPError(code: .certificateUntrusted).description.contains("ca_file"))
    }

    /// A French creditor's people read the fault in French; the keys keep their names, what the
    /// server and libcurl said is quoted as it came.
    @Test func aFrenchCreditorReadsTheFaultInFrench() throws {
        var tls = Self.settings
        tls.security = .tls
        tls.port = 587
        let fault = try #require(SMTPConfigurationFault(settings: tls, section: "[creditors.acme.smtp]")
            .fault(for: SMTPError(code: .tlsFailed, curlMessage: "error:0A00010B:SSL routines::wrong version number")))
        #expect(FrenchWording().sendFailure(.setting(fault)) == "la négociation TLS avec 127.0.0.1:587 a échoué : le serveur commence "
            + "sans doute en clair et attend STARTTLS (comme sur les ports 587 et 25). Indiquez security = \"starttls\" dans "
            + "[creditors.acme.smtp], ou utilisez le port 465 avec security = \"tls\" (libcurl : «\u{00A0}error:0A00010B:SSL routines::wrong "
            + "version number\u{00A0}»).")
        let smtp = SMTPTransport.outcome(of: SMTPError(code: .temporaryFailure, serverReply: Self.reply(451, "4.3.0", "try again later")))
        guard case .temporaryFailure(let reason) = smtp else { Issue.record("\(smtp)"); return }
        #expect(FrenchWording().sendFailure(reason) == "SMTP : le serveur SMTP a refusé le message pour l'instant ; le serveur a "
            + "répondu «\u{00A0}451 4.3.0 try again later\u{00A0}». Nouvel essai plus tard ; le message n'a pas été accepté.")
        // English keeps the transport's own text, as before.
        #expect(EnglishWording().sendFailure(reason) == SMTPError(code: .temporaryFailure, serverReply: Self.reply(451, "4.3.0", "try again later")).description)
    }
}

extension SMTPConfigurationFault {
    /// The English reason, as the English creditor's journal says it.
    func englishReason(for error: SMTPError) -> String? { fault(for: error).map(EnglishWording().settingFault) }
}

import Testing
import CurlMail
import RelanceTesting

/// Timeouts, cancellation and refused connections, against real sockets on loopback.
@Suite("Connection failures")
struct ConnectionFailureTests {
    private static let quick = MailTimeouts(connect: .seconds(2), operation: .milliseconds(700), lowSpeedWindow: .seconds(5))
    private static let message = Array("Subject: x\r\n\r\nx\r\n".utf8)

    /// Where the tests that bound a duration wait: their awaits resume on a thread of their own, so
    /// what they measure is the transfer, not the cooperative pool's queue of other tests.
    private static let timekeeper = DedicatedThreadExecutor(label: "relance.tests.connection-failures")

    @Test("a server that never greets makes SMTP time out, as a temporary failure")
    func smtpTimeout() async throws {
        try await withTaskExecutorPreference(Self.timekeeper) { try await smtpTimeoutMeasured() }
    }

    private func smtpTimeoutMeasured() async throws {
        let server = try #require(SilentServer())
        let smtp = try SMTPConnection(endpoint: SMTPEndpoint(host: "127.0.0.1", port: server.port, security: .plain, timeouts: Self.quick))
        let clock = ContinuousClock()
        let start = clock.now
        let error = try await #require(throws: SMTPError.self) {
            try await smtp.send(envelopeFrom: "a@relance.test", recipients: ["b@relance.test"], message: Self.message)
        }
        #expect(error.code == .timeout)
        #expect(error.isTemporary)
        // The operation limit is 0.7 s; the default would be 300 s. The generous bound proves the
        // limit fired, without making the test depend on how loaded the machine is (the whole
        // suite in parallel on 2 cores has taken 46 s to get here).
        #expect(clock.now - start < .seconds(120))
    }

    @Test("cancelling the task aborts a hung SMTP transfer")
    func smtpCancellation() async throws {
        try await withTaskExecutorPreference(Self.timekeeper) { try await smtpCancellationMeasured() }
    }

    private func smtpCancellationMeasured() async throws {
        let server = try #require(SilentServer())
        let patient = MailTimeouts(connect: .seconds(2), operation: .seconds(600))
        let smtp = try SMTPConnection(endpoint: SMTPEndpoint(host: "127.0.0.1", port: server.port, security: .plain, timeouts: patient))
        let clock = ContinuousClock()
        let start = clock.now
        let task = Task { () async -> Result<SMTPDelivery, SMTPError> in
            do throws(SMTPError) {
                return .success(try await smtp.send(envelopeFrom: "a@relance.test", recipients: ["b@relance.test"], message: Self.message))
            } catch {
                return .failure(error)
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        guard case .failure(let error) = await task.value else {
            Issue.record("a silent server cannot accept a message")
            return
        }
        #expect(error.code == .cancelled)
        // Well under the 600 s operation limit: the cancellation ended it, not the timeout.
        #expect(clock.now - start < .seconds(120))
    }

    @Test("a closed port is a connection failure for SMTP and IMAP")
    func refused() async throws {
        let port = try #require(SilentServer.closedPort())
        let smtp = try SMTPConnection(endpoint: SMTPEndpoint(host: "127.0.0.1", port: port, security: .plain, timeouts: Self.quick))
        let smtpError = try await #require(throws: SMTPError.self) {
            try await smtp.send(envelopeFrom: "a@relance.test", recipients: ["b@relance.test"], message: Self.message)
        }
        #expect(smtpError.code == .connectFailed)
        #expect(smtpError.curlCode != nil)

        let imap = try IMAPClient(endpoint: IMAPEndpoint(host: "127.0.0.1", port: port, timeouts: Self.quick))
        let imapError = try await #require(throws: IMAPError.self) { try await imap.status("INBOX") }
        #expect(imapError.code == .connectFailed)
    }

    @Test("a server that never greets makes IMAP time out")
    func imapTimeout() async throws {
        let server = try #require(SilentServer())
        let imap = try IMAPClient(endpoint: IMAPEndpoint(host: "127.0.0.1", port: server.port, security: .implicitTLS, timeouts: Self.quick))
        let error = try await #require(throws: IMAPError.self) { try await imap.uidSearch("INBOX", criteria: "ALL") }
        #expect(error.code == .timeout)
    }

    @Test("unusable settings are refused when the connection is created")
    func invalidConfiguration() {
        #expect(throws: SMTPError.self) { try SMTPConnection(endpoint: SMTPEndpoint(host: "mail.example/evil")) }
        #expect(throws: SMTPError.self) { try SMTPConnection(endpoint: SMTPEndpoint(host: "mail.example", port: 0)) }
        #expect(throws: SMTPError.self) { try SMTPConnection(endpoint: SMTPEndpoint(host: "mail.example", ehloName: "bad name\r\n")) }
        #expect(throws: IMAPError.self) { try IMAPClient(endpoint: IMAPEndpoint(host: "mail example")) }
        #expect(SMTPEndpoint(host: "h").port == 587)
        #expect(SMTPEndpoint(host: "h", security: .implicitTLS).port == 465)
        #expect(IMAPEndpoint(host: "h", security: .implicitTLS).port == 993)
    }

    @Test("credentials never show in descriptions")
    func credentialDescriptions() {
        let credentials = MailCredentials.password(user: "t01@relance.test", password: "hunter2")
        #expect(!credentials.description.contains("hunter2"))
        #expect(!String(reflecting: credentials).contains("hunter2"))
        #expect(!"\(SMTPEndpoint(host: "h", credentials: credentials))".contains("hunter2"))
        #expect(!"\(IMAPEndpoint(host: "h", credentials: .oauth2(user: "u", bearerToken: "tok3n")))".contains("tok3n"))
    }
}

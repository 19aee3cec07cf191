import Foundation
import Testing
import RelanceCore
import RelanceDaemon

/// The sending keys of a creditor: safe defaults, the two evidence sources, and every
/// combination that could not keep its promise refused with the key named.
@Suite struct SendingSettingsTests {
    static let base = """
        [creditors.acme]
        legal_name = "ACME SAS"
        sender = "compta@acme.example"
        """

    static let imap = """

        [creditors.acme.imap]
        host = "imap.acme.example"
        username = "compta@acme.example"
        password_credential = "imap-password"
        """

    static func sending(_ text: String) throws(ConfigurationError) -> SendingSettings {
        try ConfigurationLoader.parse(text, file: URL(fileURLWithPath: "/etc/relance/relance.toml")).creditors[0].sending
    }

    @Test func defaultsSendOnOneConnectionWithoutEvidenceNorCopy() throws {
        let settings = try Self.sending(Self.base)
        #expect(settings == SendingSettings())
        #expect(settings.evidence == .none)
        #expect(settings.smtpConnections == 1)
        #expect(settings.maxMessagesPerMinute == nil)
        #expect(settings.retryForHours == 72)
        #expect(!settings.copyToSent)
    }

    @Test func anArchiveAddressIsReadBackThroughItsOwnIMAPServer() throws {
        let settings = try Self.sending(Self.base + """

            archive_bcc = "archive@acme.example"
            evidence_delay_seconds = 30
            smtp_connections = 4
            max_messages_per_minute = 60
            retry_for_hours = 24

            [creditors.acme.archive_imap]
            host = "imap.acme.example"
            port = 993
            security = "tls"
            username = "archive@acme.example"
            password_credential = "archive-password"
            """)
        guard case .archive(let address, let server, let folder) = settings.evidence else {
            Issue.record("expected archive evidence, got \(settings.evidence)")
            return
        }
        #expect(address.value == "archive@acme.example")
        #expect(server.port == 993 && server.security == .tls)
        #expect(folder == "INBOX")
        #expect(settings.archiveBcc == address)
        #expect(settings.evidenceDelaySeconds == 30)
        #expect(settings.smtpConnections == 4)
        #expect(settings.retryForHours == 24)
        #expect(settings.maxMessagesPerMinute == 60)
    }

    @Test func theProvidersSentCopyUsesTheCreditorsIMAPServer() throws {
        let settings = try Self.sending(Self.base + "\nsent_copy_lookup = true\nsent_folder = \"Éléments envoyés\"\n" + Self.imap)
        #expect(settings.evidence == .providerSentFolder(
            server: MailServerSettings(host: "imap.acme.example", port: 143, security: .startTLS, username: "compta@acme.example",
                                       passwordCredential: "imap-password"),
            folder: "Éléments envoyés"))
    }

    @Test(arguments: [
        (base + "\narchive_bcc = \"archive@acme.example\"\n", "creditors.acme.archive_bcc", "needs [creditors.acme.archive_imap]"),
        (base + "\narchive_bcc = \"archive@acme\"\n", "creditors.acme.archive_bcc", "domain"),
        (base + "\n[creditors.acme.archive_imap]\nhost = \"imap.acme.example\"\n", "creditors.acme.archive_imap", "archive_bcc is not"),
        (base + "\nsent_copy_lookup = true\n", "creditors.acme.sent_copy_lookup", "needs [creditors.acme.imap]"),
        (base + "\nsent_copy_lookup = true\ncopy_to_sent = true\n" + imap, "creditors.acme.sent_copy_lookup", "no evidence"),
        (base + "\ncopy_to_sent = true\n", "creditors.acme.copy_to_sent", "needs [creditors.acme.imap]"),
        (base + "\nsmtp_connections = 0\n", "creditors.acme.smtp_connections", "between 1 and 16"),
        (base + "\nmax_messages_per_minute = 0\n", "creditors.acme.max_messages_per_minute", "between 1 and"),
        (base + "\nretry_for_hours = 0\n", "creditors.acme.retry_for_hours", "between 1 and"),
        (base + "\nevidence_delay_seconds = \"soon\"\n", "creditors.acme.evidence_delay_seconds", "whole number"),
    ])
    func aSettingThatCannotKeepItsPromiseIsRefused(text: String, key: String, message: String) {
        #expect {
            _ = try Self.sending(text)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.key == key && error.description.contains(message)
        }
    }
}

import Foundation
import RelanceDaemon
import Testing

/// The mailbox keys of `[creditors.ID.imap]`.
@Suite struct InboundConfigurationTests {
    static let creditor = """
        [creditors.acme]
        legal_name = "ACME SAS"
        sender = "compta@acme.example"
        [creditors.acme.imap]
        host = "imap.acme.example"
        username = "compta@acme.example"
        password_credential = "imap-password"

        """

    static func load(_ text: String) throws(ConfigurationError) -> RelanceConfiguration {
        try ConfigurationLoader.parse(text, file: URL(fileURLWithPath: "/etc/relance/relance.toml"))
    }

    @Test func withoutMailboxKeysTheDefaultsApply() throws {
        let creditor = try #require(try Self.load(Self.creditor).creditors.first)
        #expect(creditor.imap?.port == 143)
        #expect(creditor.inbound == InboundSettings())
        #expect(creditor.inbound.folders == ["INBOX"])
        #expect(creditor.inbound.moveHandledTo == nil)   // nothing is moved unless asked
        #expect(creditor.inbound.replyPauseDays == 14)
    }

    @Test func everyMailboxKeyIsRead() throws {
        let creditor = try #require(try Self.load(Self.creditor + """
            folders = ["INBOX", "Bounces"]
            move_handled_to = "Relance/Traités"
            reply_pause_days = 0
            promise_pauses = false
            temporary_bounces_before_call = 5
            temporary_bounce_days = 20
            look_back_days = 3
            poll_interval_seconds = 300
            """).creditors.first)
        #expect(creditor.inbound == InboundSettings(
            folders: ["INBOX", "Bounces"], moveHandledTo: "Relance/Traités", replyPauseDays: nil, promisePauses: false,
            temporaryBouncesBeforeCall: 5, temporaryBounceDays: 20, lookBackDays: 3, pollIntervalSeconds: 300))
    }

    @Test(arguments: [
        ("folders = []", "creditors.acme.imap.folders", "lists no folder"),
        ("move_handled_to = \"INBOX\"", "creditors.acme.imap.move_handled_to", "is also polled"),
        ("reply_pause_days = 400", "creditors.acme.imap.reply_pause_days", "365"),
        ("poll_interval_seconds = 1", "creditors.acme.imap.poll_interval_seconds", "10"),
        ("folder = \"INBOX\"", "creditors.acme.imap.folder", "not a known setting"),
    ])
    func aWrongMailboxSettingNamesItsKey(line: String, key: String, message: String) {
        #expect {
            _ = try Self.load(Self.creditor + line + "\n")
        } throws: { error in
            let error = error as! ConfigurationError
            return error.key == key && error.description.contains(message)
        }
    }
}

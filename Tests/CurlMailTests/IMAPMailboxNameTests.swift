import Testing
@testable import CurlMail

@Suite("IMAP mailbox names")
struct IMAPMailboxNameTests {
    @Test("modified UTF-7 (RFC 3501 5.1.3)", arguments: [
        ("INBOX", "INBOX"),
        ("Envoyés", "Envoy&AOk-s"),
        ("Tom & Jerry", "Tom &- Jerry"),
        ("~peter/mail/日本語/台北", "~peter/mail/&ZeVnLIqe-/&U,BTFw-"),
        ("📬", "&2D3c7A-"),
    ])
    func modifiedUTF7(name: String, encoded: String) {
        #expect(IMAPMailboxName.modifiedUTF7(name) == encoded)
    }

    @Test("URL segments keep ; / ? % and spaces inside the name")
    func urlSegment() {
        #expect(IMAPMailboxName.urlSegment("INBOX") == "INBOX")
        #expect(IMAPMailboxName.urlSegment("Sent Items") == "Sent%20Items")
        #expect(IMAPMailboxName.urlSegment("a;UID=1/b?c%d") == "a%3BUID%3D1%2Fb%3Fc%25d")
        #expect(IMAPMailboxName.urlSegment("Envoyés") == "Envoy%26AOk-s")
    }

    @Test("quoted strings escape quotes and backslashes")
    func quoted() {
        #expect(IMAPMailboxName.quoted("INBOX") == "\"INBOX\"")
        #expect(IMAPMailboxName.quoted("a\"b\\c") == "\"a\\\"b\\\\c\"")
    }

    @Test("empty names and control characters are refused")
    func problems() {
        #expect(IMAPMailboxName.problem(in: "") == .empty)
        #expect(IMAPMailboxName.problem(in: "INBOX\r\nA1 DELETE INBOX") == .controlCharacter)
        #expect(IMAPMailboxName.problem(in: "Archives/2026") == nil)
    }

    @Test("flags are atoms", arguments: [
        ("\\Seen", true), ("$Forwarded", true), ("Junk", true),
        ("\\Seen)", false), ("a b", false), ("", false), ("\\", false), ("x\r\n", false), ("\"q\"", false),
    ])
    func flags(flag: String, valid: Bool) {
        #expect(IMAPClient.isFlag(flag) == valid)
    }
}

@Suite("Durations given to libcurl")
struct DurationTests {
    @Test("milliseconds round up and never reach 0 (which means no limit)")
    func milliseconds() {
        #expect(Duration.seconds(15).curlMilliseconds == 15_000)
        #expect(Duration.microseconds(1).curlMilliseconds == 1)
        #expect(Duration.milliseconds(1500).curlMilliseconds == 1500)
        #expect(Duration.zero.curlMilliseconds == 1)
    }
}

import RelanceTesting
import Testing
@testable import RelanceMail

/// Issue #12: a message's header and parts are read within limits real mail never reaches,
/// and what was cut is said in the defects (shown by `inspect-mail`).
@Suite("Inbound MIME limits")
struct InboundLimitsTests {
    @Test("a 10 MB header line is cut at the field limit, the defect says so, and the fields after it are read")
    func longHeaderLine() {
        // Under the 10 MB message limit, so that only the header limit is at work.
        let message = MIMEMessage.parse(HostileShapes.longHeaderMail(bytes: 10 * 1_048_576 - 4_096))
        let subject = message.headers["Subject"] ?? ""
        #expect(subject.utf8.count == MIMEHeaders.maximumFieldBytes - 1) // the space after the colon is trimmed
        #expect(message.headers["Message-ID"] == "<x@example.test>")
        #expect(message.defects.contains { $0.contains("Subject cut at the 32768-byte limit per field") })
        #expect(message.root.text.hasPrefix("Hello"))
    }

    @Test("a long folded field is cut too, however many continuation lines it has")
    func longFoldedField() {
        let folded = "References: " + String(repeating: "<a@b.test>\r\n ", count: 20_000) + "<last@b.test>\r\n"
        let message = MIMEMessage.parse(Array(("From: a@b.test\r\n" + folded + "Subject: s\r\n\r\nbody").utf8))
        #expect((message.headers["References"]?.utf8.count ?? 0) <= MIMEHeaders.maximumFieldBytes)
        #expect(message.headers["Subject"] == "s")
        #expect(message.defects.contains { $0.contains("References cut") })
    }

    @Test("fields past the per-block count are skipped and counted")
    func tooManyFields() {
        let header = String(repeating: "X-A: 1\r\n", count: 5_000) + "Subject: late\r\n\r\nbody"
        let message = MIMEMessage.parse(Array(header.utf8))
        #expect(message.headers.fields.count == MIMEHeaders.maximumFields)
        #expect(message.defects.contains { $0.contains("4001 header field(s) past the limit of 1000 fields") })
    }

    @Test("a multipart of 5,000 parts opens the first thousand and says so")
    func manyParts() {
        let body = String(repeating: "--b\r\n\r\nx\r\n", count: 5_000) + "--b--\r\n"
        let message = MIMEMessage.parse(Array(("Content-Type: multipart/mixed; boundary=b\r\n\r\n" + body).utf8))
        #expect(message.root.children.count < MIMEParser.maximumParts)
        #expect(message.defects.contains { $0.contains("more than 1000 parts") })
    }
}

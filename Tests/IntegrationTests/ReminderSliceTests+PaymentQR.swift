import Foundation
import RelanceCore
import RelanceMail
import RelanceTesting
import Testing

/// Issue #15: with `email_payment_qr = true`, the reminder that reaches the customer's mailbox
/// through Postfix and Dovecot shows the EPC payment QR code in its HTML part, as an inline PNG
/// of the same message (`cid:`), which a phone's banking app reads back as the transfer asked.
extension ReminderSliceTests {
    @Test func theReminderCarriesTheScannablePaymentCodeInItsHTMLPart() async throws {
        let stack = try MailStack.require()
        let (workspace, runtime) = try Self.workspace(stack: stack, sender: "t30", customer: "t31", settings: "email_payment_qr = true")
        _ = workspace
        let report = try await runtime.runOnce()
        #expect(report.sending.sent == 1)
        let events = try await runtime.store.recentEvents(of: nil, limit: 50)
        let messageID = try #require(events.first { $0.event.kind == "message.queued" }?.event.detail["message_id"])
        let delivered = try #require(try await Self.waitFor(messageID, in: "t31", stack: stack).first)

        let message = MIMEMessage.parse(delivered)
        let parts = message.root.allParts
        let related = try #require(parts.first { $0.contentType == "multipart/related" })
        let html = try #require(related.children.first { $0.contentType == "text/html" }).text
        #expect(html.contains(#"<img src="cid:epc-qr@relance""#))
        #expect(html.contains("Scannez ce code avec l'application de votre banque"))
        let image = try #require(related.children.first { $0.contentType == "image/png" })
        #expect(image.headers["Content-ID"] == "<epc-qr@relance>")
        #expect(!parts.contains { $0.contentType == "text/plain" && $0.text.contains("cid:") }, "the text part names no image")

        let decoded = try QRReader.decode(Data(image.body), name: "qr.png")
        // Only F-2026-001 (1 234,56 €) is overdue on 30/11: the code asks for it, to the cent.
        #expect(decoded == "BCD\n002\n1\nSCT\n\nACME Équipements SAS\nFR7630004000031234567890143\nEUR1234.56\n\n\nF-2026-001")
    }
}

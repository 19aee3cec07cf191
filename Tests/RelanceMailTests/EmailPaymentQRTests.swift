import Foundation
import RelanceCore
import RelanceMail
import Testing

/// Issue #15: the EPC payment QR code in the HTML email (`email_payment_qr = true`), as an
/// inline PNG the HTML shows by `cid:`. The message's delivery through Postfix and Dovecot is
/// `ReminderSliceTests.theReminderCarriesTheScannablePaymentCodeInItsHTMLPart`.
@Suite("Emails: the payment QR code")
struct EmailPaymentQRTests {
    static func rendered(qr: InlineImage?) throws -> RenderedReminder {
        let contact = try #require(DemandFiguresTests.plan(step: "first-reminder", channel: .email).contacts.first)
        let renderer = try TemplateRenderer(files: try OutboundSupport.shippedTemplates())
        var context = ReminderContextBuilder.build(language: .french, today: DemandFiguresTests.today, creditor: DemandFiguresTests.creditor,
                                                   customerID: "411BRAS", customerName: "Brasserie du Port",
                                                   demand: contact.demand, paymentReference: "411BRAS")
        context.paymentQR = qr?.url
        return try renderer.render("first-reminder", language: .french, context: context)
    }

    @Test("the code asks for the net total of the reminder, to the cent, with the invoice numbers")
    func payload() throws {
        let contact = try #require(DemandFiguresTests.plan(step: "first-reminder", channel: .email).contacts.first)
        let payload = PaymentQR.payload(creditor: DemandFiguresTests.creditor, total: contact.demand.net, customer: "411BRAS",
                                        invoices: contact.invoices.map(\.receivable.number))
        #expect(payload == "BCD\n002\n1\nSCT\nAGRIFRPPXXX\nImprimerie Nantaise SAS\nFR7630006000011234567890189\nEUR1412.00\n\n\nF-100 F-120")
        let image = try #require(PaymentQR.emailImage(creditor: DemandFiguresTests.creditor, total: contact.demand.net,
                                                      customer: "411BRAS", invoices: contact.invoices.map(\.receivable.number)))
        #expect(image.url == "cid:epc-qr@relance" && image.mediaType == "image/png")
    }

    @Test("the French reminder shows the code under the bank details, and nothing without it")
    func html() throws {
        let contact = try #require(DemandFiguresTests.plan(step: "first-reminder", channel: .email).contacts.first)
        let image = try #require(PaymentQR.emailImage(creditor: DemandFiguresTests.creditor, total: contact.demand.net,
                                                      customer: "411BRAS", invoices: contact.invoices.map(\.receivable.number)))
        let html = try #require(try Self.rendered(qr: image).html)
        #expect(html.contains(#"<img src="cid:epc-qr@relance" width="160" height="160" alt="Code QR de paiement SEPA">"#))
        #expect(html.range(of: "IBAN")!.lowerBound < html.range(of: "cid:epc-qr@relance")!.lowerBound)
        #expect(try Self.rendered(qr: nil).html?.contains("<img") == false)
        #expect(!(try Self.rendered(qr: image).text.contains("cid:")))
        // What a mail client shows: the cid: part in place (scripts/render-demands.sh takes its picture).
        try DemandFiguresTests.keepForRendering(
            html.replacingOccurrences(of: image.url, with: "data:image/png;base64," + Data(image.bytes).base64EncodedString()),
            as: "email-first-reminder-qr.html")
    }

    @Test("the message puts the PNG beside the HTML in multipart/related, named by its Content-ID")
    func mime() throws {
        let image = InlineImage(contentID: "epc-qr@relance", fileName: "qr-virement.png", mediaType: "image/png", bytes: [1, 2, 3])
        var message = OutgoingMessage(from: MailboxAddress(address: EmailAddress("compta@imprimerie.example")!),
                                      to: [MailboxAddress(address: EmailAddress("compta@brasserie.example")!)],
                                      subject: "Relance", textBody: "Texte", htmlBody: #"<p><img src="cid:epc-qr@relance"></p>"#,
                                      date: MessageDate(Date(timeIntervalSince1970: 1_800_000_000), timeZone: TimeZone(identifier: "Europe/Paris")!),
                                      messageID: try MessageID(token: "abc", domain: "imprimerie.example"))
        message.inlineImages = [image]
        let parsed = MIMEMessage.parse(try MessageComposer().compose(message))
        #expect(parsed.root.contentType == "multipart/alternative")
        let related = try #require(parsed.root.children.last)
        #expect(related.contentType == "multipart/related")
        #expect(related.contentTypeParameters["type"] == "text/html")
        #expect(related.children.map(\.contentType) == ["text/html", "image/png"])
        #expect(related.children[1].headers["Content-ID"] == "<epc-qr@relance>")
        #expect(related.children[1].body == [1, 2, 3])

        message.inlineImages = [InlineImage(contentID: "x>\r\nBcc: y", fileName: "qr.png", mediaType: "image/png", bytes: [])]
        #expect(throws: CompositionError.self) { try MessageComposer().compose(message) }
        message.inlineImages = [InlineImage(contentID: "qr@relance", fileName: "qr.png", mediaType: "application/pdf", bytes: [])]
        #expect(throws: CompositionError.self) { try MessageComposer().compose(message) }
    }
}

import RelanceCore
import Testing
@testable import RelanceMail

@Suite("Outbound: render, sign and compose")
struct OutboundPipelineTests {
    @Test("a rendered first reminder composes into a message whose parts decode back to the rendered text")
    func pipeline() throws {
        let renderer = try TemplateRenderer(files: try OutboundSupport.shippedTemplates())
        let context = ReminderContext.sample(language: .french)
        let rendered = try renderer.render("first-reminder", language: .french, context: context)
        let token = ReferenceToken.make(messageID: 1_234, creditor: OutboundSupport.creditor, secret: OutboundSupport.secret)
        let message = OutgoingMessage(
            reminder: rendered, language: .french,
            from: MailboxAddress(name: context.creditor.legalName, address: OutboundSupport.address("compta@atelier-lumiere.fr")),
            to: [MailboxAddress(name: context.customer.name, address: OutboundSupport.address("contact@ebene.fr"))],
            date: MessageDate(secondsSinceEpoch: 1_796_000_000, utcOffsetSeconds: 3_600),
            messageID: try MessageID(token: token, domain: "atelier-lumiere.fr"))
        let bytes = try MessageComposer().compose(message)
        let raw = String(decoding: bytes, as: UTF8.self)
        let headers = OutboundSupport.headers(of: bytes)
        #expect(OutboundSupport.decodeEncodedWords(try #require(headers["Subject"])) == rendered.subject)
        let id = try #require(headers["Message-ID"])
        let found = try #require(ReferenceAddressing.token(inMessageID: id))
        #expect(ReferenceToken.verify(found, secret: OutboundSupport.secret, creditor: OutboundSupport.creditor)?.messageID == 1_234)

        // The text part, decoded, is the rendered text with CRLF line endings.
        let boundary = Boundaries(messageID: message.messageID).alternative
        let parts = raw.components(separatedBy: "--\(boundary)")
        #expect(parts.count == 4)
        let textPart = parts[1]
        let body = String(textPart[textPart.range(of: "\r\n\r\n")!.upperBound...])
        let decoded = try #require(OutboundSupport.decodeQuotedPrintable(body))
        let expected = rendered.text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(decoded == expected)
    }
}

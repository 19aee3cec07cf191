public import Foundation
public import RelanceCore
public import RelanceMail

/// Turns a planned contact into the bytes of its email, once the outbox has given it an id.
/// Pure apart from the templates it was given: same contact, id and time → same bytes.
public struct ReminderComposer: Sendable {
    public let creditor: CreditorConfiguration
    public let renderer: TemplateRenderer
    public let secret: ReferenceSecret

    public init(creditor: CreditorConfiguration, renderer: TemplateRenderer, secret: ReferenceSecret) {
        self.creditor = creditor
        self.renderer = renderer
        self.secret = secret
    }

    /// `attachments` are read by the caller (invoice PDFs kept from the drop folder): composing stays pure.
    public func compose(_ contact: PlannedContact, outboxID: Int64, today: CivilDate, at instant: Date,
                        attachments: [MailAttachment] = []) throws -> ComposedMail {
        let preferences = [contact.customer.language, creditor.language].compactMap { $0 } + Language.allCases
        guard let language = renderer.language(for: contact.step.template, preferring: preferences) else {
            throw TemplateError(problems: [TemplateProblem(
                code: .missingTemplate, file: "\(creditor.language.rawValue)/\(contact.step.template).text.mustache",
                message: "no template '\(contact.step.template)' in any language: add its .subject and .text files to mail-templates/")])
        }
        var context = ReminderContextBuilder.build(
            language: language, today: today, creditor: profile,
            customerID: contact.customer.externalID, customerName: contact.customer.name ?? contact.customer.externalID,
            demand: contact.demand,
            paymentReference: creditor.paymentReference.reference(customer: contact.customer.externalID, invoices: contact.invoices.map(\.receivable.number)),
            brokenPromise: contact.brokenPromise)
        // The payment QR code, when the creditor asks for it in emails and the message demands one
        // amount in euros; attached only if the template shows it.
        let qr = creditor.emailPaymentQR
            ? PaymentQR.emailImage(creditor: profile, total: contact.demand.net, customer: contact.customer.externalID,
                                   invoices: contact.invoices.map(\.receivable.number))
            : nil
        context.paymentQR = qr?.url
        let rendered = try renderer.render(contact.step.template, language: language, context: context)

        let token = ReferenceToken.make(messageID: outboxID, creditor: creditor.id, secret: secret)
        let messageID = try MessageID(token: token, domain: creditor.senderAddress.domain)
        let envelopeFrom = creditor.verp
            ? try ReferenceAddressing.bounceAddress(token: token, prefix: String(creditor.bounceAddress.localPart),
                                                    domain: creditor.bounceAddress.domain)
            : creditor.bounceAddress
        var message = OutgoingMessage(
            from: MailboxAddress(name: creditor.senderName, address: creditor.senderAddress),
            replyTo: creditor.replyTo.map { [MailboxAddress(address: $0)] } ?? [],
            // Names come from imported files: cleaned of line breaks and control characters,
            // so a hostile export cannot add a header (the composer would refuse it otherwise).
            to: contact.customer.emails.map {
                MailboxAddress(name: contact.customer.name.flatMap(MailboxAddress.cleanedDisplayName), address: $0)
            },
            cc: contact.customer.cc.map { MailboxAddress(address: $0) },
            subject: rendered.subject, textBody: rendered.text, htmlBody: rendered.html,
            attachments: attachments,
            date: MessageDate(instant, timeZone: TimeZone(identifier: creditor.timeZone) ?? .current),
            messageID: messageID, language: language)
        if let qr, rendered.html?.contains(qr.url) == true { message.inlineImages = [qr] }
        let bytes = try MessageComposer().compose(message)
        return ComposedMail(messageID: messageID.bracketed, envelopeFrom: envelopeFrom, bytes: bytes)
    }

    private var profile: CreditorProfile {
        CreditorProfile(legalName: creditor.legalName, addressLines: creditor.addressLines, siren: creditor.siren,
                        vatNumber: creditor.vatNumber, iban: creditor.iban, bic: creditor.bic, phone: creditor.phone,
                        email: creditor.replyTo ?? creditor.senderAddress, signature: creditor.signature, rcs: creditor.rcs,
                        legalForm: creditor.legalForm, shareCapital: creditor.shareCapital, paymentReference: creditor.paymentReference)
    }
}

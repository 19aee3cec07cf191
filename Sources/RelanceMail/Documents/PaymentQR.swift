public import RelanceCore
import QREncoding

/// The EPC payment QR code (EPC069-12, a SEPA credit transfer filled in by the payer's banking
/// app): only when the creditor's IBAN is configured and the message demands one amount, in
/// euros. It carries the RF reference when there is one, else the demanded invoices' numbers
/// (which the bank matching reads in a transfer's label), else the customer's code. Letters
/// show it as an SVG `data:` URI; emails as a PNG `cid:` part (mail clients drop SVG).
public enum PaymentQR {
    /// The code's text, or nil when the message must not carry one.
    public static func payload(creditor: CreditorProfile, total: [Money], customer: String, invoices: [String]) -> String? {
        guard let iban = creditor.iban, !iban.isEmpty, total.count == 1, let amount = total.first, amount.currency == .euro else { return nil }
        let numbers = invoices.joined(separator: " ")
        return EPCQRPayload.make(
            name: creditor.legalName, iban: iban, bic: creditor.bic, amount: amount,
            reference: creditor.paymentReference.structured(customer: customer, invoices: invoices),
            text: numbers.isEmpty || numbers.count > 140 ? customer : numbers)
    }

    /// For a printed letter's `<img>`.
    public static func dataURI(creditor: CreditorProfile, total: [Money], customer: String, invoices: [String],
                               language: Language) -> String? {
        payload(creditor: creditor, total: total, customer: customer, invoices: invoices)
            .flatMap { QRCodeSVG.dataURI($0, size: "32mm", label: language.wording.paymentQRLabel()) }
    }

    /// For an HTML email: a PNG shown by `cid:`, 4 pixels a module (about 6 kB; the template shows it 160 px wide).
    public static func emailImage(creditor: CreditorProfile, total: [Money], customer: String, invoices: [String]) -> InlineImage? {
        guard let payload = payload(creditor: creditor, total: total, customer: customer, invoices: invoices),
              let png = QRCodePNG.png(payload, scale: 4) else { return nil }
        return InlineImage(contentID: "epc-qr@relance", fileName: "qr-virement.png", mediaType: "image/png", bytes: png)
    }
}

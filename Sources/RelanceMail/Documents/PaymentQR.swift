public import RelanceCore
import QREncoding

/// The EPC payment QR code of a printed letter, as a `data:` URI for the letter's `<img>`: only
/// when the creditor's IBAN is configured and the letter demands one amount, in euros. It
/// carries the letter's RF reference when there is one, else the demanded invoices' numbers
/// (which the bank matching reads in a transfer's label), else the customer's code.
public enum LetterPaymentQR {
    public static func dataURI(creditor: CreditorProfile, total: [Money], customer: String, invoices: [String],
                               language: Language) -> String? {
        guard let iban = creditor.iban, !iban.isEmpty, total.count == 1, let amount = total.first, amount.currency == .euro else { return nil }
        let style = creditor.paymentReference
        let numbers = invoices.joined(separator: " ")
        guard let payload = EPCQRPayload.make(
            name: creditor.legalName, iban: iban, bic: creditor.bic, amount: amount,
            reference: style.structured(customer: customer, invoices: invoices),
            text: numbers.isEmpty || numbers.count > 140 ? customer : numbers)
        else { return nil }
        return QRCodeSVG.dataURI(payload, size: "32mm", label: language.wording.paymentQRLabel())
    }
}

import Foundation
import QREncoding
import RelanceCore
import RelanceMail
import Testing

/// Issue #15, step 4: the RF creditor reference and the EPC payment QR code on letters.
@Suite("Letters: payment reference and QR code")
struct LetterPaymentQRTests {
    @Test("the formal notice carries the QR code of the whole amount asked, with the invoice numbers as its text")
    func formalNotice() throws {
        let task = try LetterDocumentTests.plannedTask()
        let context = LetterContextBuilder.build(task: task, language: .french, today: LetterDocumentTests.today, creditor: LetterDocumentTests.creditor)
        let payload = "BCD\n002\n1\nSCT\nAGRIFRPPXXX\nAtelier Lumière SARL\nFR7630006000011234567890189\nEUR2415.12\n\n\nF2026-0100 F2026-0110"
        #expect(context.letter?.paymentQR == QRCodeSVG.dataURI(payload, size: "32mm", label: "Code QR de paiement SEPA"))
        #expect(context.paymentReference == "C042")

        guard case .letter(let letter) = try #require(try LetterDocumentTests.composer().compose(task, today: LetterDocumentTests.today)) else {
            Issue.record("a formal notice is a letter"); return
        }
        #expect(letter.html.contains(#"<p class="payment-qr"><img src="\#(context.letter!.paymentQR!)" alt="Code QR de paiement SEPA">"#))
        #expect(letter.html.contains("Scannez ce code avec l'application de votre banque"))
    }

    @Test("an RF reference when one invoice is asked: printed in groups of four, in the QR code as the structured reference")
    func rfReference() throws {
        #expect(PaymentReferenceStyle.rf.reference(customer: "C042", invoices: ["F2026-0117"]) == "RF86 C042 F202 6011 7")
        #expect(PaymentReferenceStyle.rf.reference(customer: "C042", invoices: ["F1", "F2"]) == "C042")
        #expect(PaymentReferenceStyle.customer.reference(customer: "C042", invoices: ["F2026-0117"]) == "C042")
        #expect(RFCreditorReference.isValid(PaymentReferenceStyle.rf.reference(customer: "C042", invoices: ["F2026-0117"])))

        var creditor = LetterDocumentTests.creditor
        creditor.paymentReference = .rf
        let uri = PaymentQR.dataURI(creditor: creditor, total: [Money(minorUnits: 123_456, currency: .euro)], customer: "C042",
                                          invoices: ["F2026-0117"], language: .english)
        let payload = "BCD\n002\n1\nSCT\nAGRIFRPPXXX\nAtelier Lumière SARL\nFR7630006000011234567890189\nEUR1234.56\n\nRF86C042F20260117"
        #expect(uri == QRCodeSVG.dataURI(payload, size: "32mm", label: "SEPA payment QR code"))
    }

    @Test("no QR code without an IBAN, for another currency or for two currencies")
    func none() {
        var creditor = LetterDocumentTests.creditor
        let euros = Money(minorUnits: 100, currency: .euro)
        let dollars = Money(minorUnits: 100, currency: Currency(code: "USD")!)
        #expect(PaymentQR.dataURI(creditor: creditor, total: [dollars], customer: "C", invoices: ["F1"], language: .french) == nil)
        #expect(PaymentQR.dataURI(creditor: creditor, total: [euros, dollars], customer: "C", invoices: ["F1"], language: .french) == nil)
        #expect(PaymentQR.dataURI(creditor: creditor, total: [euros], customer: "C", invoices: ["F1"], language: .french) != nil)
        creditor.iban = nil
        #expect(PaymentQR.dataURI(creditor: creditor, total: [euros], customer: "C", invoices: ["F1"], language: .french) == nil)
    }
}

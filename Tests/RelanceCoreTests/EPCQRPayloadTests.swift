import RelanceCore
import Testing

/// The SEPA credit-transfer QR payload (EPC069-12, version 002), to the byte.
@Suite("EPC QR payload")
struct EPCQRPayloadTests {
    static let euros = Money(minorUnits: 123_456, currency: .euro)

    @Test("with an RF creditor reference: the structured line, no trailing empty lines")
    func structured() {
        let reference = RFCreditorReference.make(customer: "C042", invoice: "F2026-0117")
        #expect(reference == "RF86C042F20260117")
        #expect(RFCreditorReference.isValid("RF18 5390 0754 7034"), "ISO 11649's own example")
        let payload = EPCQRPayload.make(name: "Atelier Lumière SARL", iban: "FR76 3000 6000 0112 3456 7890 189", bic: "agrifrpp",
                                        amount: Self.euros, reference: reference, text: "ignored when structured")
        #expect(payload == "BCD\n002\n1\nSCT\nAGRIFRPP\nAtelier Lumière SARL\nFR7630006000011234567890189\nEUR1234.56\n\nRF86C042F20260117")
        #expect(payload.map { Array($0.utf8).count } == 102, "UTF-8: è is two bytes")
    }

    @Test("without a reference: free text on line 11, the BIC line empty when none or malformed")
    func unstructured() {
        let payload = EPCQRPayload.make(name: "ACME\nSAS", iban: "FR7630006000011234567890189", bic: nil,
                                        amount: Money(minorUnits: 5, currency: .euro), reference: "RF00BAD", text: "FA-1 FA-2")
        #expect(payload == "BCD\n002\n1\nSCT\n\nACME SAS\nFR7630006000011234567890189\nEUR0.05\n\n\nFA-1 FA-2")
        let long = EPCQRPayload.make(name: String(repeating: "N", count: 90), iban: "FR7630006000011234567890189", bic: "AGRIFRPPXXX",
                                     amount: Self.euros, reference: nil, text: String(repeating: "T", count: 200))
        let lines = long?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
        #expect(lines.count == 11 && lines[4] == "AGRIFRPPXXX" && lines[5].count == 70 && lines[9].isEmpty && lines[10].count == 140)
    }

    @Test("no code for another currency, a zero or too large amount, or a missing IBAN")
    func refused() {
        let iban = "FR7630006000011234567890189"
        #expect(EPCQRPayload.make(name: "A", iban: iban, bic: nil, amount: Money(minorUnits: 100, currency: Currency(code: "USD")!), reference: nil, text: nil) == nil)
        #expect(EPCQRPayload.make(name: "A", iban: iban, bic: nil, amount: Money(minorUnits: 0, currency: .euro), reference: nil, text: nil) == nil)
        #expect(EPCQRPayload.make(name: "A", iban: iban, bic: nil, amount: Money(minorUnits: 100_000_000_000, currency: .euro), reference: nil, text: nil) == nil)
        #expect(EPCQRPayload.make(name: "A", iban: "", bic: nil, amount: Self.euros, reference: nil, text: nil) == nil)
        #expect(EPCQRPayload.make(name: " ", iban: iban, bic: nil, amount: Self.euros, reference: nil, text: nil) == nil)
    }
}

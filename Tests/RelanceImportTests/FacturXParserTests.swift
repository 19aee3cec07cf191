import RelanceCore
@testable import RelanceImport
import Testing

/// Factur-X / ZUGFeRD 2 PDFs of /work/shared/corpora/einvoices/facturx (Apache 2.0, see Fixtures/einvoices/facturx/LICENSE).
/// Expected values were read by hand from each PDF's embedded XML (extracted with Python's zlib).
@Suite("Factur-X / ZUGFeRD PDFs")
struct FacturXParserTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var file: String, bt1: String, bt9: String?, bt115: String, currency: String, dueFromTerms: String? = nil
        var testDescription: String { file }
    }

    static let examples = [
        Example(file: "MustangGnuaccountingBeispielRE-20190610_507.pdf", bt1: "RE-20190610/507", bt9: "2019-07-01", bt115: "571.04", currency: "EUR"),
        Example(file: "MustangGnuaccountingBeispielRE-20201121_508.pdf", bt1: "RE-20201121/508", bt9: "2020-12-12", bt115: "571.04", currency: "EUR"),
        Example(file: "MustangGnuaccountingBeispielRE-20201121_508_withBOM.pdf", bt1: "RE-20201121/508", bt9: "2020-12-12", bt115: "571.04", currency: "EUR"),
        Example(file: "atgp-factur-x-sample.pdf", bt1: "FA-2017-0010", bt9: "2017-12-13", bt115: "470.15", currency: "EUR"),
        Example(file: "zugferd_2p0_BASIC_Einfach.pdf", bt1: "471102", bt9: "2018-04-04", bt115: "235.62", currency: "EUR"),
        // No BT-9; the terms say "Zahlbar innerhalb 30 Tagen netto bis 04.04.2018".
        Example(file: "zugferd_2p0_EN16931_Einfach.pdf", bt1: "471102", bt9: nil, bt115: "529.87", currency: "EUR", dueFromTerms: "2018-04-04"),
        Example(file: "zugferd_2p0_EN16931_Gutschrift.pdf", bt1: "471102", bt9: nil, bt115: "529.87", currency: "EUR", dueFromTerms: "2018-04-04"),
        Example(file: "zugferd_2p0_EXTENDED_Fremdwaehrung.pdf", bt1: "47110815", bt9: "2018-11-20", bt115: "521.91", currency: "GBP"),
        Example(file: "zugferd_2p0_MINIMUM.pdf", bt1: "471102", bt9: nil, bt115: "235.62", currency: "EUR"),
    ]

    @Test("every PDF is listed")
    func everyPDFListed() throws {
        let files = try Fixture.names(in: "einvoices/facturx").filter { $0.hasSuffix(".pdf") }
        #expect(Set(files) == Set(Self.examples.map(\.file)))
    }

    @Test("BT-1, BT-9 and BT-115 of every Factur-X PDF", arguments: examples)
    func example(_ expected: Example) throws {
        let bytes = try Fixture.bytes("einvoices/facturx/" + expected.file)
        let (_, invoice) = try FacturXParser().read(bytes, fileName: expected.file)
        #expect(invoice.syntax == .cii)
        #expect(invoice.number == expected.bt1)
        #expect(invoice.dueDate?.iso8601 == expected.bt9)
        #expect(invoice.amountDue.decimalString == expected.bt115)
        #expect(invoice.amountDue.currency.code == expected.currency)
        let parsed = try ImportParser.parse(bytes: bytes, fileName: expected.file)
        #expect(parsed.kind == .facturX)
        #expect(parsed.items.first?.due?.iso8601 == expected.bt9 ?? expected.dueFromTerms)
    }

    @Test("a PDF without an invoice XML is refused with what to do")
    func plainPDF() throws {
        let error = try #require(throws: ImportError.self) {
            try ImportParser.parse(bytes: try Fixture.bytes("dispatch/plain.pdf"), fileName: "plain.pdf")
        }
        #expect(error.code == .unsupported)
        #expect(error.hint?.contains("Factur-X") == true)
    }
}

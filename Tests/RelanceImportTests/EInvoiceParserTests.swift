import RelanceCore
@testable import RelanceImport
import Testing

/// The EN 16931 examples of /work/shared/corpora/einvoices (EUPL 1.2, see Fixtures/einvoices/LICENSE.txt).
/// The expected BT-1, BT-2, BT-9 and BT-115 were read off each file by hand (nil where the file has no BT-9).
@Suite("E-invoices: UBL 2.1 and CII")
struct EInvoiceParserTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var file: String, bt1: String, bt2: String, bt9: String?, bt115: String, currency: String, creditNote = false
        var testDescription: String { file }
    }

    static let examples: [Example] = [
        Example(file: "ubl/BIS3_Invoice_negativ.XML", bt1: "12345", bt2: "2019-01-25", bt9: "2019-02-24", bt115: "-782179.43", currency: "DKK"),
        Example(file: "ubl/BIS3_Invoice_positive.XML", bt1: "12345", bt2: "2019-01-25", bt9: "2019-02-24", bt115: "782179.43", currency: "DKK"),
        Example(file: "ubl/FT G2G_TD01 con Allegato, Bonifico e Split Payment.xml", bt1: "1316/85", bt2: "2020-02-13", bt9: nil, bt115: "1246.00", currency: "EUR"),
        Example(file: "ubl/guide-example1.xml", bt1: "12115118", bt2: "2015-01-09", bt9: "2015-01-09", bt115: "250.33", currency: "EUR"),
        Example(file: "ubl/guide-example2.xml", bt1: "TOSL108", bt2: "2013-06-30", bt9: "2013-07-20", bt115: "801.78", currency: "NOK"),
        Example(file: "ubl/guide-example3.xml", bt1: "TOSL108", bt2: "2013-04-10", bt9: "2013-05-10", bt115: "1125.00", currency: "DKK"),
        Example(file: "ubl/issue116.xml", bt1: "2018210", bt2: "2018-02-08", bt9: "2018-03-07", bt115: "830.00", currency: "SEK"),
        Example(file: "ubl/sample-discount-price.xml", bt1: "test decimal 1", bt2: "2018-02-05", bt9: "2018-02-28", bt115: "15.15", currency: "EUR"),
        Example(file: "ubl/ubl-tc434-creditnote1.xml", bt1: "018304 / 28865", bt2: "2019-09-23", bt9: nil, bt115: "100.11", currency: "EUR", creditNote: true),
        Example(file: "ubl/ubl-tc434-example1.xml", bt1: "12115118", bt2: "2015-01-09", bt9: "2015-01-09", bt115: "250.33", currency: "EUR"),
        Example(file: "ubl/ubl-tc434-example10.xml", bt1: "12115118", bt2: "2015-01-09", bt9: "2015-01-09", bt115: "250.33", currency: "EUR"),
        Example(file: "ubl/ubl-tc434-example2.xml", bt1: "TOSL108", bt2: "2013-06-30", bt9: "2013-07-20", bt115: "801.78", currency: "NOK"),
        Example(file: "ubl/ubl-tc434-example3.xml", bt1: "TOSL108", bt2: "2013-04-10", bt9: "2013-05-10", bt115: "2005.00", currency: "DKK"),
        Example(file: "ubl/ubl-tc434-example4.xml", bt1: "TOSL110", bt2: "2013-04-10", bt9: "2013-05-10", bt115: "4675.00", currency: "DKK"),
        Example(file: "ubl/ubl-tc434-example5.xml", bt1: "TOSL110", bt2: "2013-04-10", bt9: "2013-05-10", bt115: "2337.50", currency: "DKK"),
        Example(file: "ubl/ubl-tc434-example6.xml", bt1: "TOSL110", bt2: "2013-04-10", bt9: "2013-05-10", bt115: "4675.00", currency: "DKK"),
        Example(file: "ubl/ubl-tc434-example7.xml", bt1: "INVOICE_test_7", bt2: "2013-03-11", bt9: nil, bt115: "3200.00", currency: "SEK"),
        Example(file: "ubl/ubl-tc434-example8.xml", bt1: "1100512149", bt2: "2014-11-10", bt9: "2014-11-24", bt115: "1099.78", currency: "EUR"),
        Example(file: "ubl/ubl-tc434-example9.xml", bt1: "20150483", bt2: "2015-04-01", bt9: "2015-04-14", bt115: "177.87", currency: "EUR"),
        Example(file: "cii/CII-BR-CO-10-RoundingIssue.xml", bt1: "0", bt2: "2021-03-26", bt9: "2021-03-26", bt115: "0.00", currency: "EUR"),
        Example(file: "cii/CII_business_example_01.xml", bt1: "TOSL108", bt2: "2013-06-30", bt9: "2013-07-20", bt115: "801.78", currency: "NOK"),
        Example(file: "cii/CII_business_example_02.xml", bt1: "INV000013", bt2: "2013-08-25", bt9: "2013-05-10", bt115: "11.90", currency: "EUR"),
        Example(file: "cii/CII_business_example_Z.xml", bt1: "2016166", bt2: "2015-01-09", bt9: "2015-01-09", bt115: "11693.87", currency: "EUR"),
        Example(file: "cii/CII_example1.xml", bt1: "12115118", bt2: "2015-01-09", bt9: "2015-01-09", bt115: "250.33", currency: "EUR"),
        Example(file: "cii/CII_example2.xml", bt1: "TOSL108", bt2: "2013-06-30", bt9: "2013-07-20", bt115: "801.78", currency: "NOK"),
        Example(file: "cii/CII_example3.xml", bt1: "TOSL108", bt2: "2013-04-10", bt9: "2013-05-10", bt115: "1125.00", currency: "DKK"),
        Example(file: "cii/CII_example4.xml", bt1: "TOSL110", bt2: "2013-04-10", bt9: "2013-05-10", bt115: "4675.00", currency: "DKK"),
        Example(file: "cii/CII_example5.xml", bt1: "TOSL110", bt2: "2013-04-10", bt9: "2013-05-10", bt115: "2337.50", currency: "DKK"),
        Example(file: "cii/CII_example6.xml", bt1: "TOSL110", bt2: "2013-04-10", bt9: "2013-05-10", bt115: "4675.00", currency: "DKK"),
        Example(file: "cii/CII_example7.xml", bt1: "INVOICE_test_7", bt2: "2013-05-13", bt9: nil, bt115: "3200.00", currency: "SEK"),
        Example(file: "cii/CII_example8.xml", bt1: "1100512149", bt2: "2014-11-10", bt9: "2014-11-24", bt115: "1099.78", currency: "EUR"),
        Example(file: "cii/CII_example9.xml", bt1: "20150483", bt2: "2015-04-01", bt9: "2015-04-15", bt115: "177.87", currency: "EUR"),
        Example(file: "cii/XRechnung-O.xml", bt1: "150377292", bt2: "2021-01-14", bt9: "2021-01-01", bt115: "385544.60", currency: "EUR"),
        Example(file: "cii/huf_example_cii.xml", bt1: "21/001003559/996", bt2: "2021-10-05", bt9: "2021-11-01", bt115: "87859.00", currency: "HUF"),
    ]

    @Test("every example is listed", arguments: ["ubl", "cii"])
    func everyExampleListed(_ folder: String) throws {
        let files = try Fixture.names(in: "einvoices/" + folder).map { folder + "/" + $0 }
        #expect(Set(files) == Set(Self.examples.map(\.file).filter { $0.hasPrefix(folder + "/") }))
    }

    @Test("BT-1, BT-2, BT-9 and BT-115 of every EN 16931 example", arguments: examples)
    func example(_ expected: Example) throws {
        let invoice = try EInvoiceParser().read(try Fixture.bytes("einvoices/" + expected.file), fileName: expected.file)
        #expect(invoice.number == expected.bt1)
        #expect(invoice.issued.iso8601 == expected.bt2)
        #expect(invoice.dueDate?.iso8601 == expected.bt9)
        #expect(invoice.amountDue.decimalString == expected.bt115)
        #expect(invoice.amountDue.currency.code == expected.currency)
        #expect(invoice.isCreditNote == expected.creditNote)
        #expect(invoice.openItem.open.minorUnits == (expected.creditNote ? -1 : 1) * invoice.amountDue.minorUnits)
        #expect(!invoice.openItem.customer.isEmpty, "a buyer id or name identifies the customer")
    }

    @Test("without BT-9, the due date comes from the terms text BT-20")
    func dueFromTerms() throws {
        let parsed = try EInvoiceParser().parse(try Fixture.bytes("einvoices/ubl/ubl-tc434-example7.xml"), fileName: "example7.xml")
        #expect(parsed.kind == .ublInvoice)
        #expect(parsed.items.first?.due == date("2013-04-10"), "\"Payment within 30 days\" after 2013-03-11")
        #expect(parsed.warnings.map(\.description).count == 1)
        let cii = try EInvoiceParser().parse(try Fixture.bytes("einvoices/cii/CII_example7.xml"), fileName: "CII_example7.xml")
        #expect(cii.kind == .ciiInvoice)
        #expect(cii.items.first?.due == date("2013-06-12"))
    }

    @Test("buyer name, identifiers and email (BT-44, BT-46/47/48, BT-49/58)")
    func buyer() throws {
        let invoice = try EInvoiceParser().read(try Fixture.bytes("einvoices/ubl/BIS3_Invoice_positive.XML"), fileName: "x.xml")
        #expect(invoice.buyerName != nil)
        #expect(!invoice.buyerIdentifiers.isEmpty)
        let item = invoice.openItem
        #expect(item.customer == invoice.buyerIdentifiers.first)
        #expect(item.customerName == invoice.buyerName)
    }

    @Test("terms text", arguments: [
        ("Payment within 30 days", "2026-01-31"), ("Zahlbar bis 04.07.2026 ohne Abzug", "2026-07-04"),
        ("Paiement à 45 jours fin de mois", "2026-02-28"), ("due 2026-02-15", "2026-02-15"), ("net 10 days", "2026-01-11"),
    ])
    func termsText(_ text: String, _ expected: String) {
        #expect(TermsText.dueDate(in: text, issued: date("2026-01-01")) == date(expected))
    }

    @Test("terms with no date nor days give no due date", arguments: ["D.LGS. 231/2002 S.M.I", "Scissione Pagamenti", ""])
    func noTerms(_ text: String) {
        #expect(TermsText.dueDate(in: text, issued: date("2026-01-01")) == nil)
    }
}

@Suite("E-invoices: buyer details and rejections")
struct EInvoiceRejectionTests {
    func read(_ name: String) throws -> EInvoice {
        try EInvoiceParser().read(try Fixture.bytes("xml/" + name), fileName: name)
    }

    @Test("BT-46 identifies the customer; BT-47 follows; BT-49 (scheme EM) then BT-58 give the emails")
    func buyer() throws {
        let invoice = try read("ubl-buyer.xml")
        #expect(invoice.buyerName == "Client SA")
        #expect(invoice.buyerIdentifiers == ["CLI-7", "732829320"])
        #expect(invoice.buyerEmails == ["ap@client.fr", "compta@client.fr"])
        #expect(invoice.openItem == OpenItem(customer: "CLI-7", customerName: "Client SA", invoice: "F-2026-1", issued: date("2026-03-01"),
                                             open: eur("120.50"), emails: ["ap@client.fr", "compta@client.fr"]))
    }

    @Test("rejections name the XML path or the line", arguments: [
        ("missing-bt1.xml", ImportError.Code.missingValue, "/Invoice/ID"),
        ("bad-amount.xml", .badAmount, "/Invoice/LegalMonetaryTotal/PayableAmount"),
        ("bad-date.xml", .badDate, "/Invoice/IssueDate"),
        ("other-root.xml", .unknownFormat, "/Order"),
    ] as [(String, ImportError.Code, String)])
    func rejection(_ file: String, _ code: ImportError.Code, _ path: String) throws {
        let error = try #require(throws: ImportError.self) { try read(file) }
        #expect(error.code == code)
        #expect(error.position.path == path)
        #expect(error.hint?.isEmpty == false)
    }

    @Test("malformed XML is refused with its line")
    func malformed() throws {
        let error = try #require(throws: ImportError.self) { try read("malformed.xml") }
        #expect(error.code == .badXML)
        #expect(error.position.line == 5)
    }

    @Test("an external entity is never resolved: a document type declaration is refused before parsing")
    func externalEntity() throws {
        let error = try #require(throws: ImportError.self) { try read("xxe.xml") }
        #expect(error.code == .unsupported)
        #expect(error.message.contains("<!DOCTYPE"))
    }
}

import RelanceCore
@testable import RelanceImport
import Testing

@Suite("Dispatch by content")
struct ImportParserTests {
    @Test("each kind is recognised from its bytes, whatever its name", arguments: [
        ("fec/real/0000000001FEC20220831.txt", ParsedImport.Kind.fec),
        ("fec/pipe-crlf-latin9-padded.txt", .fec),
        ("csv/sage-balance-agee-cp1252.csv", .openInvoices),
        ("csv/simple.csv", .openInvoices),
        ("contacts/contacts-fr.csv", .contacts),
        ("einvoices/ubl/ubl-tc434-example1.xml", .ublInvoice),
        ("einvoices/ubl/ubl-tc434-creditnote1.xml", .ublInvoice),
        ("einvoices/ubl/issue116.xml", .ublInvoice),
        ("einvoices/cii/CII_example1.xml", .ciiInvoice),
        ("einvoices/facturx/atgp-factur-x-sample.pdf", .facturX),
        ("xlsx/balance-agee.xlsx", .openInvoices),
        ("xlsx/contacts.xlsx", .contacts),
    ])
    func dispatch(_ path: String, _ kind: ParsedImport.Kind) throws {
        let parsed = try ImportParser.parse(bytes: try Fixture.bytes(path), fileName: "renamed.dat")
        #expect(parsed.kind == kind)
        #expect(!parsed.items.isEmpty || !parsed.contacts.isEmpty)
    }

    @Test("a credit note dispatched by content reduces the balance")
    func creditNote() throws {
        let parsed = try ImportParser.parse(bytes: try Fixture.bytes("einvoices/ubl/ubl-tc434-creditnote1.xml"), fileName: "cn.xml")
        #expect(parsed.items.first?.open == eur("-100.11"))
    }

    @Test("an unknown file is refused with the list of accepted kinds", arguments: ["dispatch/image.gif", "xml/other-root.xml"])
    func unknown(_ path: String) throws {
        let error = try #require(throws: ImportError.self) { try ImportParser.parse(bytes: try Fixture.bytes(path), fileName: "x") }
        #expect(error.code == .unknownFormat)
        #expect(error.hint?.contains("FEC") == true || error.hint?.contains("UBL") == true)
    }

    @Test("an empty file is refused")
    func empty() throws {
        let error = try #require(throws: ImportError.self) { try ImportParser.parse(bytes: [], fileName: "x.csv") }
        #expect(error.code == .empty)
    }

    @Test("the column mapping reaches the CSV parser")
    func mapping() throws {
        let mapping = ColumnMapping(columns: [.invoice: "Doc", .issued: "Le", .due: "Pour le", .open: "Du"])
        let parsed = try ImportParser.parse(bytes: try Fixture.bytes("csv/mapping-needed.csv"), fileName: "m.csv",
                                            options: ImportOptions(columnMapping: mapping))
        #expect(parsed.items.count == 2)
    }
}

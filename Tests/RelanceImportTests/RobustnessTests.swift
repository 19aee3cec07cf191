@testable import RelanceImport
import Testing

/// A pure parser must answer every input with a result or an `ImportError`, never a crash:
/// one damaged file in the drop folder must not take the daemon down.
@Suite("Robustness: damaged and hostile inputs")
struct RobustnessTests {
    @Test("invalid UTF-8 in the XML declaration is an error, not a crash in Foundation's parser")
    func invalidUTF8Declaration() throws {
        let bytes = try Fixture.bytes("xml/invalid-utf8-declaration.xml")
        do {
            _ = try ImportParser.parse(bytes: bytes, fileName: "x.xml")
        } catch {
            #expect(error.code == .badXML || error.code == .unknownFormat)
        }
    }

    @Test("an XML declared ISO-8859-1 is transcoded and read")
    func latin1XML() throws {
        let invoice = try EInvoiceParser().read(try Fixture.bytes("xml/latin1-declared.xml"), fileName: "l.xml")
        #expect(invoice.buyerName == "Société Générale")
        #expect(XMLInput.declaringUTF8(Array("<?xml version='1.0' encoding='latin1'?><a/>".utf8))
                == Array("<?xml version='1.0' encoding='UTF-8'?><a/>".utf8))
    }

    @Test("sums that would overflow are refused, not trapped", arguments: ["csv/overflow-lines.csv", "fec/overflow.txt"])
    func overflow(_ path: String) throws {
        let error = try #require(throws: ImportError.self) { try ImportParser.parse(bytes: try Fixture.bytes(path), fileName: path) }
        #expect(error.code == .badAmount)
        #expect(error.position.line == 3)
    }

    static let samples = [
        "csv/quoted-multiline.csv", "csv/sage-balance-agee-cp1252.csv", "fec/lettering.txt", "fec/montant-sens-cr-cp1252.txt",
        "contacts/contacts-fr.csv", "einvoices/ubl/ubl-tc434-example1.xml", "einvoices/cii/CII_example1.xml",
        "xlsx/excel-shared-strings.xlsx", "xlsx/balance-agee.xlsx", "einvoices/facturx/zugferd_2p0_MINIMUM.pdf",
    ]

    @Test("every truncation of a real input ends in a result or an ImportError", arguments: samples)
    func truncations(_ path: String) throws {
        let bytes = try Fixture.bytes(path)
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
            _ = try? ImportParser.parse(bytes: Array(bytes.prefix(cut)), fileName: path)
        }
    }
}

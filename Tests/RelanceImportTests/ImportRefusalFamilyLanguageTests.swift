import RelanceCore
@testable import RelanceImport
import Testing

/// The refusals of the other families — the FEC, bank statements, e-invoices and a workbook's
/// internals — read in French for a French creditor (#13): one hostile file per refusal, whose
/// French report must keep no English word and say what to do.
@Suite struct ImportRefusalFamilyLanguageTests {
    /// The English sentences' own words, and the families' technical English ones.
    static let englishWords = ImportRefusalLanguageTests.englishWords + [
        "this line", " fields", "FEC amounts", " header ", "damaged", " column ", " neither ", " must ", " again",
        "Download", " statement", " entry ", " invoice ", "Ask ", " sender", " cannot ", " record", " limit)", " workbook", " cells (", " part ", " elements", "Save ", "Split ",
    ]

    static func expectFrench(_ name: String, _ refusal: () throws -> Void) {
        do {
            try refusal()
            Issue.record("\(name) must be refused")
        } catch let error as ImportError {
            let french = error.text(in: .french)
            for word in englishWords { #expect(!french.contains(word), "\(name): \(french)") }
            #expect(french.contains("À faire : "), "\(name): \(french)")
            #expect(error.text(in: .english).contains("What to do: "), "\(name): \(error.description)")
        } catch {
            Issue.record("\(name): \(error)")
        }
    }

    static func parse(_ text: String, file: String) throws {
        _ = try ImportParser.parse(bytes: Array(text.utf8), fileName: file)
    }

    // MARK: FEC

    static let fecColumns = ["JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
                             "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
                             "ValidDate", "Montantdevise", "Idevise"]
    static func fecLine(_ fields: [String: String]) -> String {
        let defaults = ["JournalCode": "VE", "JournalLib": "Ventes", "EcritureNum": "1", "EcritureDate": "20260101",
                        "CompteNum": "411000", "CompteLib": "Clients", "CompAuxNum": "DUPONT", "CompAuxLib": "Dupont",
                        "PieceRef": "F1", "PieceDate": "20260101", "EcritureLib": "x", "Debit": "10,00", "Credit": "0,00",
                        "ValidDate": "20260101", "Montant": "10,00", "Sens": "D"]
        return fecColumns.map { fields[$0] ?? defaults[$0] ?? "" }.joined(separator: "\t") + "\n"
    }
    static let fecHeader = fecColumns.joined(separator: "\t") + "\n"
    static let sensHeader = fecColumns.map { $0 == "Debit" ? "Montant" : $0 == "Credit" ? "Sens" : $0 }.joined(separator: "\t") + "\n"

    static let hostileLedgers: [(name: String, text: String)] = [
        ("field count", fecHeader + "VE\tVentes\t1\n"),
        ("amount", fecHeader + fecLine(["Debit": "dix euros"])),
        ("date", fecHeader + fecLine(["EcritureDate": "le 1er janvier"])),
        ("direction", sensHeader + fecLine(["Debit": "10,00", "Credit": "X"])),
        ("overflow", fecHeader + fecLine(["Debit": "90000000000000000,00"]) + fecLine(["Debit": "90000000000000000,00"])),
        ("missing column", fecHeader.replacingOccurrences(of: "CompteNum", with: "Compte") + fecLine([:])),
        ("no amount columns", fecHeader.replacingOccurrences(of: "Debit", with: "D").replacingOccurrences(of: "Credit", with: "C")
            + fecLine([:])),
    ]

    @Test(arguments: hostileLedgers.map(\.name))
    func everyLedgerRefusalReadsInFrench(_ name: String) throws {
        let ledger = try #require(Self.hostileLedgers.first { $0.name == name })
        Self.expectFrench(name) { try Self.parse(ledger.text, file: "FEC.txt") }
    }

    @Test func anEmptyLedgerReadsInFrench() {
        Self.expectFrench("empty ledger") { _ = try FECParser().parse([], fileName: "FEC.txt") }
    }

    @Test func aLedgerRefusalKeepsItsEnglishWordForWord() throws {
        do {
            try Self.parse(Self.fecHeader + Self.fecLine(["Debit": "dix euros"]), file: "FEC.txt")
            Issue.record("must be refused")
        } catch let error as ImportError {
            #expect(error.text(in: .english) == """
                FEC.txt:2:65: "dix euros" in column Debit is not an amount [bad-amount]
                  What to do: FEC amounts are digits with a decimal comma, such as 1234,56 (no thousands separator, no currency sign).
                """)
            #expect(error.text(in: .french) == """
                FEC.txt, ligne 2, caractère 65 : «\u{00A0}dix euros\u{00A0}» dans la colonne Debit n'est pas un montant [bad-amount]
                  À faire : Les montants d'un FEC s'écrivent en chiffres avec une virgule décimale, par exemple 1234,56 (sans séparateur de milliers ni symbole de devise).
                """)
        }
    }

    // MARK: Bank statements

    /// The French CFONB 120 statement with `text` written over line `line` from `column` (1-based).
    static func cfonb(line: Int = 2, column: Int, _ text: String) throws -> String {
        // Bytes, not characters: the file ends its lines with CR LF, one Character.
        var lines = try Fixture.bytes("bank/fr-cfonb120-receipts.txt").split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        lines[line - 1].replaceSubrange((column - 1)..<(column - 1 + text.utf8.count), with: Array(text.utf8))
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    static func fixture(_ name: String, _ change: (String) -> String) throws -> String {
        change(String(decoding: try Fixture.bytes("bank/" + name), as: UTF8.self))
    }

    static func camt(_ change: (String) -> String) throws -> String { try fixture("fr-camt053-v13-prefixed.xml", change) }
    static func ofx(_ change: (String) -> String) throws -> String { try fixture("fr-ofx102-entities.ofx", change) }

    static let hostileStatements: [(name: String, text: @Sendable () throws -> String)] = [
        ("cfonb record code", { try cfonb(column: 1, "99") }),
        ("cfonb record length", { try cfonb(column: 1, "04").replacingOccurrences(of: "VIR SEPA OCEANE EVENEMENTS       ", with: "VIR SEPA") }),
        ("cfonb without line ends", { String(try cfonb(column: 1, "04").unicodeScalars.filter { $0 != "\n" && $0 != "\r" }.dropLast().map(Character.init)) }),
        ("cfonb date", { try cfonb(column: 35, "32AB26") }),
        ("cfonb currency", { try cfonb(column: 17, "E1R") }),
        ("cfonb amount", { try cfonb(column: 91, "ABCDEFGHIJKLMN") }),
        ("cfonb decimals", { try cfonb(column: 20, "3").replacingOccurrences(of: "0000000009120{", with: "0000000009120A") }),
        ("camt malformed", { try camt { String($0.prefix($0.count / 2)) + "<" } }),
        ("camt truncated", { try camt { String($0.prefix($0.count / 2)) } }),
        ("camt not a statement", { "<?xml version=\"1.0\"?>\n<Document><!-- BkToCstmrStmt --><Other/></Document>\n" }),
        ("camt booking date", { try camt { $0.replacingOccurrences(of: "<ns2:BookgDt><ns2:Dt>2026-12-03</ns2:Dt></ns2:BookgDt>", with: "")
            .replacingOccurrences(of: "<ns2:ValDt><ns2:Dt>2026-12-03</ns2:Dt></ns2:ValDt>", with: "") } }),
        ("camt amount", { try camt { $0.replacingOccurrences(of: "<ns2:Amt Ccy=\"EUR\">1550.00</ns2:Amt>", with: "") } }),
        ("camt currency", { try camt { $0.replacingOccurrences(of: "Ccy=\"EUR\">1550.00", with: "Ccy=\"EURO\">1550.00") } }),
        ("camt direction", { try camt { $0.replacingOccurrences(of: "<ns2:CdtDbtInd>CRDT</ns2:CdtDbtInd>", with: "<ns2:CdtDbtInd>DEBIT</ns2:CdtDbtInd>") } }),
        ("camt not an amount", { try camt { $0.replacingOccurrences(of: ">1550.00<", with: ">mille<") } }),
        ("ofx without root", { try ofx { String($0.prefix { $0 != "<" }) + "\n" } }),
        ("ofx without amount", { try ofx { $0.replacingOccurrences(of: "<TRNAMT>+912,00", with: "") } }),
        ("ofx not an amount", { try ofx { $0.replacingOccurrences(of: "<TRNAMT>+912,00", with: "<TRNAMT>douze") } }),
        ("ofx without date", { try ofx { $0.replacingOccurrences(of: "<DTPOSTED>20261204", with: "<DTPOSTED>hier") } }),
        ("ofx unclosed tag", { try ofx { $0 + "<TRNAMT" } }),
        ("ofx tag name", { try ofx { $0.replacingOccurrences(of: "<FITID>", with: "<" + String(repeating: "X", count: 70) + ">") } }),
        ("ofx long value", { try ofx { $0.replacingOccurrences(of: "<NAME>PRLV ORANGE", with: "<NAME>" + String(repeating: "A", count: 70_000)) } }),
    ]

    @Test(arguments: hostileStatements.map(\.name))
    func everyStatementRefusalReadsInFrench(_ name: String) throws {
        let statement = try #require(Self.hostileStatements.first { $0.name == name })
        let text = try statement.text()
        Self.expectFrench(name) { try Self.parse(text, file: "releve.txt") }
    }

    @Test func aFileThatIsNoStatementReadsInFrench() {
        Self.expectFrench("not a statement") { _ = try BankStatementParser.parse(Array("bonjour".utf8), fileName: "releve.txt") }
    }

    // MARK: E-invoices

    static func ubl(_ change: (String) -> String) throws -> String {
        change(String(decoding: try Fixture.bytes("einvoices/ubl/ubl-tc434-example7.xml"), as: UTF8.self))
    }

    static let hostileInvoices: [(name: String, text: @Sendable () throws -> String)] = [
        ("no number", { try ubl { $0.replacingOccurrences(of: "<cbc:ID>INVOICE_test_7</cbc:ID>", with: "") } }),
        ("no amount due", { try ubl { $0.replacingOccurrences(of: "<cbc:PayableAmount currencyID=\"SEK\">3200.00</cbc:PayableAmount>", with: "") } }),
        ("issue date", { try ubl { $0.replacingOccurrences(of: "<cbc:IssueDate>2013-03-11", with: "<cbc:IssueDate>le 11 mars") } }),
        ("currency", { try ubl { $0.replacingOccurrences(of: "PayableAmount currencyID=\"SEK\"", with: "PayableAmount currencyID=\"couronnes\"") } }),
        ("amount", { try ubl { $0.replacingOccurrences(of: ">3200.00</cbc:PayableAmount>", with: ">3 200,00</cbc:PayableAmount>") } }),
        ("malformed", { try ubl { String($0.prefix($0.count / 2)) + "<" } }),
        ("truncated", { try ubl { String($0.prefix($0.count / 2)) } }),
        ("pdf without invoice", { "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n" }),
    ]

    @Test(arguments: hostileInvoices.map(\.name))
    func everyEInvoiceRefusalReadsInFrench(_ name: String) throws {
        let invoice = try #require(Self.hostileInvoices.first { $0.name == name })
        let text = try invoice.text()
        Self.expectFrench(name) { try Self.parse(text, file: "facture.xml") }
    }

    @Test func anXMLThatIsNoInvoiceReadsInFrench() {
        Self.expectFrench("not an invoice") { _ = try EInvoiceParser().parse(Array("<?xml version=\"1.0\"?><Order/>".utf8), fileName: "x.xml") }
    }

    @Test func anEInvoiceRefusalKeepsItsEnglishWordForWord() throws {
        do {
            try Self.parse(try Self.ubl { $0.replacingOccurrences(of: "<cbc:IssueDate>2013-03-11", with: "<cbc:IssueDate>hier") }, file: "f.xml")
            Issue.record("must be refused")
        } catch let error as ImportError {
            #expect(error.message == "the issue date (BT-2) \"hier\" is not a date")
            #expect(error.text(in: .french).contains(": la date de facture (BT-2) «\u{00A0}hier\u{00A0}» n'est pas une date [bad-date]"))
        }
    }

    @Test func anAmountsOwnCurrencyIsTheOneNamed() throws {
        do {
            try Self.parse(try Self.ubl { $0.replacingOccurrences(of: "PayableAmount currencyID=\"SEK\"", with: "PayableAmount currencyID=\"couronnes\"") },
                           file: "f.xml")
            Issue.record("must be refused")
        } catch let error as ImportError {
            #expect(error.message == "the currency \"couronnes\" is not an ISO 4217 code")
            #expect(error.text(in: .french).contains("la devise «\u{00A0}couronnes\u{00A0}» n'est pas un code ISO 4217 [bad-currency]"))
        }
    }
}

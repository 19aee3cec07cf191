import RelanceCore
@testable import RelanceImport
import Testing

/// CFONB 120, camt.053/054 and OFX, on statements from public projects' test suites
/// (Fixtures/bank/NOTICE.md names each source and licence) and hand-made ones (`fr-*`).
@Suite("Bank statements: CFONB 120, camt, OFX")
struct BankStatementParserTests {
    func parse(_ name: String) throws -> ParsedImport {
        try ImportParser.parse(bytes: Fixture.bytes("bank/\(name)"), fileName: name)
    }

    func statement(_ name: String) throws -> BankStatement {
        let parsed = try parse(name)
        #expect(parsed.kind == .bankStatement)
        return try #require(parsed.bankStatement)
    }

    @Test("CFONB 120 from silarhi/cfonb-parser: signed amounts, details, the balance gap named")
    func cfonbSilarhi() throws {
        let parsed = try parse("silarhi-cfonb120-complex.txt")
        let entries = try #require(parsed.bankStatement).entries
        #expect(entries.count == 5)
        #expect(entries[0].amount == eur("-22.79"))
        #expect(entries[0].remittance == "PRLV SEPA ONLINE SAS / DEDIBOX 3706114")
        #expect(entries[0].booked == date("2020-04-07"))
        #expect(entries[0].account == "10278-02204-00012345603")
        #expect(entries[1].amount == eur("-20.11"))
        #expect(entries[2].amount == eur("-5000.00"))
        #expect(entries[3].amount == eur("-117.75"))
        #expect(entries[3].valueDate == date("2020-04-01"))
        #expect(entries[4].remittance == "PRLV SEPA OVH SAS / PAYMENT ORDER 124359169 / ERS INF ORDER 124359169")
        // Every block of that file adds up, and each operation is inside its balances: no warning.
        #expect(parsed.warnings.map(\.description).isEmpty, "\(parsed.warnings.map(\.description))")
    }

    @Test("CFONB 120 by hand: Latin-9 text, payer, IBAN, RF reference, balances checked")
    func cfonbFrench() throws {
        let parsed = try parse("fr-cfonb120-receipts.txt")
        #expect(parsed.warnings.map(\.description).isEmpty, "\(parsed.warnings.map(\.description))")
        let entries = try #require(parsed.bankStatement).entries
        #expect(entries.count == 3)
        let oceane = entries[0]
        #expect(oceane.amount == eur("912.00"))
        #expect(oceane.counterparty == "OCEANE EVENEMENTS")
        #expect(oceane.counterpartyIBAN == "FR7630006000011234567890189")
        #expect(oceane.remittance == "VIR SEPA OCEANE EVENEMENTS / FA26-0866")
        #expect(oceane.bankReference == "VIR0312260001")
        #expect(oceane.account == "30004-00123-00012345678")
        #expect(entries[1].amount == eur("-45.60"))
        #expect(entries[2].counterparty == "SOCIÉTÉ D'ÉLECTRICITÉ DU LÉMAN")
        #expect(entries[2].reference == "RF18539007547034")
    }

    @Test("CFONB 120 as fixed 120-byte records without line ends reads the same")
    func cfonbFixedRecords() throws {
        let bytes = try Fixture.bytes("bank/fr-cfonb120-receipts.txt").filter { $0 != 0x0D && $0 != 0x0A }
        let fixed = try #require(ImportParser.parse(bytes: bytes, fileName: "fixed.txt").bankStatement)
        let lined = try statement("fr-cfonb120-receipts.txt")
        #expect(fixed.entries.map(\.amount) == lined.entries.map(\.amount))
        #expect(fixed.entries.map(\.remittance) == lined.entries.map(\.remittance))
    }

    @Test("CFONB 120 whose balances do not add up: a warning with the account and the gap")
    func cfonbGap() throws {
        let parsed = try parse("fr-cfonb120-gap.txt")
        let warning = try #require(parsed.warnings.map(\.description).first)
        #expect(warning.contains("30004-00123-00012345678"))
        #expect(warning.contains("the gap is €1,154.40:"), "\(warning)")
    }

    @Test("CFONB 120 with a cut record: the line and what to do")
    func cfonbCutRecord() throws {
        var text = String(decoding: try Fixture.bytes("bank/fr-cfonb120-receipts.txt"), as: UTF8.self)
        text = text.replacingOccurrences(of: "PRLV SEPA ORANGE  ", with: "PRLV SEPA ORANGE")
        #expect {
            _ = try ImportParser.parse(bytes: Array(text.utf8), fileName: "cut.txt")
        } throws: { error in
            let error = error as? ImportError
            return error?.code == .wrongFieldCount && error?.position.line == 6 && error?.hint != nil
        }
    }

    @Test("CFONB amounts: the last character carries the sign and the last digit")
    func cfonbSignedDigits() {
        #expect(CFONB120Parser.signedDigitForTests("{")! == (0, false))
        #expect(CFONB120Parser.signedDigitForTests("A")! == (1, false))
        #expect(CFONB120Parser.signedDigitForTests("I")! == (9, false))
        #expect(CFONB120Parser.signedDigitForTests("}")! == (0, true))
        #expect(CFONB120Parser.signedDigitForTests("J")! == (1, true))
        #expect(CFONB120Parser.signedDigitForTests("R")! == (9, true))
        #expect(CFONB120Parser.signedDigitForTests("S") == nil)
    }

    @Test("camt.053.001.02 from genkgo/camt: two statements, debtor and creditor sides")
    func camtMultiStatement() throws {
        let statement = try statement("genkgo-camt053-v2-multi-statement.xml")
        #expect(statement.format == .camt053)
        #expect(statement.entries.count == 2)
        let first = statement.entries[0]
        #expect(first.amount == eur("8.85"))
        #expect(first.booked == date("2014-12-31"))
        #expect(first.valueDate == date("2015-01-02"))
        #expect(first.account == "NL26VAYB8060476890")
        #expect(first.remittance == "Transaction Description 1 / 000000001")
        #expect(first.counterparty == nil, "a receipt's counterparty is the debtor, which this entry does not name")
        let second = statement.entries[1]
        #expect(second.amount == eur("-7.00"))
        #expect(second.counterparty == "Company Name 2")
        #expect(second.counterpartyIBAN == "NL56AGDH9619008421")
    }

    @Test("camt.053.001.08 from genkgo/camt: DtTm booking date, Pty names, structured reference")
    func camtV8() throws {
        let entry = try #require(try statement("genkgo-camt053-v8.xml").entries.first)
        #expect(entry.amount == eur("8.85"), "a single TxDtls keeps the entry's amount")
        #expect(entry.booked == date("2014-12-31"))
        #expect(entry.counterparty == "NAME NAME")
        #expect(entry.counterpartyIBAN == "NL56AGDH9619008421")
        #expect(entry.reference == "4654654654654654")
        #expect(entry.bankReference == "AAAASESS-FP-CN_98765/01")
        #expect(entry.account == "NL26VAYB8060476890")
    }

    @Test("camt.054.001.08 from genkgo/camt: a batch of three transactions, each its own entry")
    func camtBatch() throws {
        let parsed = try parse("genkgo-camt054-v8-batch.xml")
        let entries = try #require(parsed.bankStatement).entries
        #expect(entries.count == 3)
        #expect(entries.map(\.amount.decimalString) == ["3.10", "3.20", "3.20"])
        #expect(entries[0].remittance.contains("Unstructured Remittance Information V1"))
        #expect(entries[2].reference == "Ref number V3 block 1")
        #expect(entries[2].remittance.contains("Unstructured Remittance Information V3 block 2"))
        #expect(entries[0].counterparty == "UNIFITS GmbH")
        #expect(entries[0].account == "CH2801234000123456789")
        #expect(entries.map(\.bankReference) == ["ACSR160617103200001#1", "ACSR160617103200001#2", "ACSR160617103200001#3"])
        // That test file's batch does not add up (SEK 200000 debit against CHF credits): said, not hidden.
        #expect(parsed.warnings.map(\.description).contains { $0.contains("add up to") })
    }

    @Test("camt.053.001.13 by hand: a prefix, a batch, an RF reference, a reversal, a pending entry left out")
    func camtPrefixed() throws {
        let parsed = try parse("fr-camt053-v13-prefixed.xml")
        #expect(parsed.warnings.map(\.description).count == 1, "\(parsed.warnings.map(\.description))")
        let entries = try #require(parsed.bankStatement).entries
        #expect(entries.count == 3)
        #expect(entries[0].amount == eur("912.00"))
        #expect(entries[0].counterparty == "OCEANE EVENEMENTS")
        #expect(entries[0].remittance == "FACTURE FA26-0866")
        #expect(entries[0].bankReference == "TX-77-1")
        #expect(entries[0].account == "FR7630004001230001234567890")
        #expect(entries[1].amount == eur("638.00"))
        #expect(entries[1].counterparty == "Atelier Dupont & Fils")
        #expect(entries[1].reference == "RF18539007547034")
        #expect(entries[1].bankReference == "BATCH-77#2")
        #expect(entries[2].amount == eur("-638.00"))
        #expect(entries[2].isReversal)
        #expect(entries[2].booked == date("2026-12-04"))
    }

    @Test("OFX 1.02 SGML from asgrim/ofxparser: unclosed tags, French bank")
    func ofxSGML() throws {
        let statement = try statement("asgrim-ofx102-cmfr.ofx")
        #expect(statement.format == .ofx)
        #expect(statement.entries.count == 42)
        #expect(statement.entries[0].amount == eur("-1978.78"))
        #expect(statement.entries[0].bankReference == "LLDT4L5OCF")
        #expect(statement.entries[6].amount == eur("4325.00"))
        #expect(statement.entries[0].account == "XXXX-XXXX-XXXXXXXXXX")
        let total = statement.entries.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        #expect(total == -1_349_159)
    }

    @Test("OFX 2.00 XML from asgrim/ofxparser: closed tags, NAME and MEMO")
    func ofxXML() throws {
        let statement = try statement("asgrim-ofx200-xml.ofx")
        #expect(statement.entries.count == 3)
        #expect(statement.entries[0].amount == Money(decimal: "200.00", currency: Currency(code: "USD")!))
        #expect(statement.entries[0].remittance == "DEPOSIT / automatic deposit")
        #expect(statement.entries[2].remittance == "Cheque / cheque 1025")
        #expect(statement.entries[0].account == "987654321-098-121")
    }

    @Test("OFX by hand: entities, a comma decimal, an empty MEMO, an IBAN account")
    func ofxEntities() throws {
        let entries = try statement("fr-ofx102-entities.ofx").entries
        #expect(entries.count == 2)
        #expect(entries[0].amount == eur("912.00"))
        #expect(entries[0].remittance == "OCEANE EVENEMENTS / VIR FA26-0866 & FA26-0870 <acompte>")
        #expect(entries[0].valueDate == date("2026-12-04"))
        #expect(entries[0].account == "FR7630004001230001234567890")
        #expect(entries[1].amount == eur("-45.60"))
    }

    @Test("OFX: a DELETE correction is a reversal naming the transaction it removes")
    func ofxCorrection() throws {
        let text = try String(decoding: Fixture.bytes("bank/fr-ofx102-entities.ofx"), as: UTF8.self)
            .replacingOccurrences(of: "</BANKTRANLIST>", with: """
                <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261205<TRNAMT>-912,00<FITID>2026120500001<CORRECTFITID>2026120300017<CORRECTACTION>DELETE<NAME>OCEANE EVENEMENTS
                </STMTTRN>
                </BANKTRANLIST>
                """)
        let entries = try #require(try ImportParser.parse(bytes: Array(text.utf8), fileName: "c.ofx").bankStatement).entries
        #expect(entries.count == 3)
        #expect(!entries[0].isReversal && entries[0].reverses == nil)
        #expect(entries[2].isReversal)
        #expect(entries[2].reverses == "2026120300017")
        #expect(entries[2].amount == eur("-912.00"))
    }

    @Test("The dry-run JSON has exactly the contract's keys, null where absent")
    func jsonLine() throws {
        let entry = try #require(try statement("fr-cfonb120-receipts.txt").entries.first)
        #expect(BankEntriesJSON.line(entry) == #"{"booked":"2026-12-03","value_date":"2026-12-03","amount":"912.00","currency":"EUR","counterparty":"OCEANE EVENEMENTS","counterparty_iban":"FR7630006000011234567890189","remittance":"VIR SEPA OCEANE EVENEMENTS / FA26-0866","reference":null,"bank_reference":"VIR0312260001","account":"30004-00123-00012345678"}"#)
    }

    @Test("camt: malformed, nested too deep, or without amount: where and what to do")
    func camtErrors() throws {
        let header = #"<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>"#
        let cut = Array((header + "<Ntry><Amt Ccy=\"EUR\">1.00</Amt>").utf8)
        #expect { _ = try ImportParser.parse(bytes: cut, fileName: "cut.xml") } throws: { ($0 as? ImportError)?.code == .badXML }
        let deep = Array((header + "<Ntry>" + String(repeating: "<X>", count: 70) + String(repeating: "</X>", count: 70) + "</Ntry></Stmt></BkToCstmrStmt></Document>").utf8)
        #expect { _ = try ImportParser.parse(bytes: deep, fileName: "deep.xml") } throws: { error in
            let error = error as? ImportError
            return error?.code == .overLimit && (error?.position.path?.hasPrefix("/Document/BkToCstmrStmt/Stmt/Ntry/X") ?? false)
        }
        let noAmount = Array((header + "<Ntry><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-12-01</Dt></BookgDt></Ntry><Ntry></Ntry></Stmt></BkToCstmrStmt></Document>").utf8)
        #expect { _ = try ImportParser.parse(bytes: noAmount, fileName: "n.xml") } throws: { error in
            let error = error as? ImportError
            return error?.code == .missingValue && error?.position.path == "/Document/BkToCstmrStmt/Stmt/Ntry/Amt"
        }
    }

    @Test("Sniffing: each statement format is recognised from its content, not its name")
    func sniffing() throws {
        for name in ["silarhi-cfonb120-complex.txt", "genkgo-camt053-v8.xml", "genkgo-camt054-v8-batch.xml", "asgrim-ofx102-cmfr.ofx", "asgrim-ofx200-xml.ofx"] {
            #expect(ImportParser.sniff(bytes: try Fixture.bytes("bank/\(name)")) == .bankStatement, "\(name)")
        }
        #expect(ImportParser.sniff(bytes: try Fixture.bytes("csv/simple.csv")) == .openInvoices)
    }
}

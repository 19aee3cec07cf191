import RelanceCore
@testable import RelanceImport
import Testing

@Suite("FEC: layouts, quirks and lettering")
struct FECParserTests {
    func parse(_ name: String) throws -> ParsedImport {
        try FECParser().parse(try Fixture.bytes("fec/" + name), fileName: name)
    }

    func rows(_ parsed: ParsedImport) -> [String] {
        parsed.items.map { "\($0.customer)|\($0.customerName ?? "-")|\($0.invoice)|\($0.issued?.iso8601 ?? "-")|\($0.open.decimalString)" }
    }

    @Test("lettering: opening absorbs payments of closed years, FIFO within a partly paid group, unlettered lines stand alone")
    func lettering() throws {
        let parsed = try parse("lettering.txt")
        #expect(rows(parsed) == [
            "DUPONT|Dupont SA|RAN|2026-01-01|400.00",
            "DUPONT|Dupont SA|F-12|2026-03-05|150.00",
            "MARTIN|Martin SARL|F-20|2026-04-08|120.00",
            "MARTIN|Martin SARL|CHQ 77|2026-04-15|-50.00",
            "MARTIN|Martin SARL|VIR9|2026-04-16|-30.00",
            "411LEGRAND|Legrand et fils|F-30|2026-04-30|45.50",
        ])
        #expect(parsed.asOf == date("2026-04-30"), "no date in the name: the last posting date")
        #expect(parsed.items[2].source == SourcePosition(file: "lettering.txt", line: 9))
    }

    @Test("pipe separator, CRLF, ISO 8859-15, padded fields, zero-padded amounts, trailing separator")
    func pipeLatin9() throws {
        let parsed = try parse("pipe-crlf-latin9-padded.txt")
        #expect(rows(parsed) == ["ŒUVRE|Œuvre Š.A. €|F-1|2026-10-01|1234.50", "ŒUVRE|Œuvre Š.A. €|F-2|2026-10-02|10.00"])
    }

    @Test("Montant + Sens, CR line endings, Windows-1252, decimal point, sign after")
    func montantSens() throws {
        let parsed = try parse("montant-sens-cr-cp1252.txt")
        #expect(rows(parsed) == ["ATEL|L’Atelier|F-1|2026-05-01|100.00", "ATEL|L’Atelier|AV-1|2026-05-02|-25.50",
                                 "ATEL|L’Atelier|F-2|2026-05-03|10.00"])
    }

    @Test("22-column cash-accounting layout, CR CR LF, JJ/MM/AAAA dates, sign before, BOM")
    func cashLayout() throws {
        let parsed = try parse("cash-22-columns.txt")
        #expect(rows(parsed) == ["BIO|Bio Coop|F-5|2026-06-14|99.90", "BIO|Bio Coop|F-6|2026-06-30|10.00"])
        #expect(parsed.asOf == date("2026-06-30"))
    }

    @Test("a semicolon-separated FEC (outside the law, but written by some tools) is read, and dispatched as a FEC")
    func semicolon() throws {
        let parsed = try ImportParser.parse(bytes: try Fixture.bytes("fec/semicolon.txt"), fileName: "semicolon.txt")
        #expect(parsed.kind == .fec)
        #expect(rows(parsed) == ["DUPONT|Dupont SA|RAN|2026-01-01|400.00"])
    }

    @Test("a ledger with no customer account is read, with a warning")
    func noCustomers() throws {
        let text = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise\nAC\tAchats\t1\t20260101\t401000\tF\t\t\tX\t20260101\tx\t0,00\t1,00\t\t\t20260101\t\t\nAC\tAchats\t1\t20260101\t607000\tA\t\t\tX\t20260101\tx\t1,00\t0,00\t\t\t20260101\t\t\n"
        let parsed = try FECParser().parse(Array(text.utf8), fileName: "purchases.txt")
        #expect(parsed.items.isEmpty)
        #expect(parsed.warnings.map(\.description).count == 1)
        #expect(parsed.warnings.map(\.description).first?.contains("411") == true)
    }

    @Test("an unbalanced ledger is read but flagged")
    func unbalanced() throws {
        let parsed = try parse("unbalanced.txt")
        #expect(parsed.items.count == 1)
        #expect(parsed.warnings.map(\.description).count == 1)
        #expect(parsed.warnings.map(\.description).first?.contains("1.00") == true)
    }

    @Test("the closing date in the file name", arguments: [
        ("123456789FEC20261231.txt", "2026-12-31"), ("siren-fec20250630-export.txt", "2025-06-30"),
    ])
    func closingDate(_ name: String, _ expected: String) {
        #expect(FECValues.closingDate(inFileName: name) == date(expected))
    }

    @Test("FEC amounts", arguments: [
        ("0000001234,50", "1234.50"), ("12.5", "12.50"), ("-3,00", "-3.00"), ("3,00-", "-3.00"), ("+7", "7.00"), ("", "0.00"),
        ("- 4,10", "-4.10"), ("12,500", "12.50"), (",5", "0.50"),
    ])
    func amounts(_ text: String, _ expected: String) {
        #expect(FECValues.minorUnits(Array(text.utf8)[...], minorDigits: 2).map { Money(minorUnits: $0, currency: .euro).decimalString } == expected)
    }

    @Test("not FEC amounts", arguments: ["12,345", "1 234,56", "12,", "abc", "1.2.3", "-", "99999999999999999999"])
    func notAmounts(_ text: String) {
        #expect(FECValues.minorUnits(Array(text.utf8)[...], minorDigits: 2) == nil)
    }

    struct Rejection: Sendable, CustomTestStringConvertible {
        var file: String, code: ImportError.Code, line: Int?, column: Int?, mentions: String
        var testDescription: String { file }
    }

    static let rejections = [
        Rejection(file: "bad-amount.txt", code: .badAmount, line: 2, column: 56, mentions: "\"12,34,5\""),
        Rejection(file: "bad-date.txt", code: .badDate, line: 2, column: 13, mentions: "\"20261332\""),
        Rejection(file: "bad-sens.txt", code: .badAmount, line: 2, column: 74, mentions: "\"X\""),
        Rejection(file: "wrong-field-count.txt", code: .wrongFieldCount, line: 2, column: nil, mentions: "19 fields"),
        Rejection(file: "missing-column.txt", code: .missingColumn, line: 1, column: nil, mentions: "PieceRef"),
        Rejection(file: "empty.txt", code: .empty, line: nil, column: nil, mentions: "empty"),
    ]

    @Test("every rejection says what, where and what to do", arguments: rejections)
    func rejection(_ expected: Rejection) throws {
        let bytes = try Fixture.bytes("fec/" + expected.file)
        let error = try #require(throws: ImportError.self) { try FECParser().parse(bytes, fileName: expected.file) }
        #expect(error.code == expected.code)
        #expect(error.position.line == expected.line)
        #expect(error.position.column == expected.column)
        #expect(error.message.contains(expected.mentions), "\(error.message)")
        #expect(error.hint?.isEmpty == false)
    }
}

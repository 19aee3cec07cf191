import RelanceCore
@testable import RelanceImport
import Testing

@Suite("Open-invoice CSV reports")
struct OpenInvoiceReportParserTests {
    func parse(_ name: String, options: ImportOptions = ImportOptions()) throws -> ParsedImport {
        try OpenInvoiceReportParser(options: options).parse(try Fixture.bytes("csv/" + name), fileName: name)
    }

    func error(_ name: String, options: ImportOptions = ImportOptions()) throws -> ImportError {
        let bytes = try Fixture.bytes("csv/" + name)
        do {
            let parsed = try OpenInvoiceReportParser(options: options).parse(bytes, fileName: name)
            Issue.record("expected an error, got \(parsed.items.count) items")
            throw ExpectedError()
        } catch let error as ImportError {
            return error
        }
    }

    struct ExpectedError: Error {}

    struct Row: Equatable, CustomStringConvertible {
        var customer: String, name: String?, invoice: String, issued: String?, due: String?, open: String, currency: String
        var description: String { "\(customer)|\(name ?? "-")|\(invoice)|\(issued ?? "-")|\(due ?? "-")|\(open) \(currency)" }
        init(_ customer: String, _ name: String?, _ invoice: String, _ issued: String?, _ due: String?, _ open: String, _ currency: String = "EUR") {
            self.customer = customer; self.name = name; self.invoice = invoice; self.issued = issued; self.due = due
            self.open = open; self.currency = currency
        }
        init(_ item: OpenItem) {
            self.init(item.customer, item.customerName, item.invoice, item.issued?.iso8601, item.due?.iso8601,
                      item.open.decimalString, item.open.currency.code)
        }
    }

    @Test("the minimal file: amount is the open amount, several emails per cell")
    func simple() throws {
        let parsed = try parse("simple.csv")
        #expect(parsed.kind == .openInvoices)
        #expect(parsed.items.map(Row.init) == [
            Row("C001", nil, "F2026-001", "2026-06-01", "2026-07-01", "1200.00"),
            Row("C002", nil, "F2026-002", "2026-06-03", "2026-07-03", "480.50"),
            Row("C001", nil, "F2026-003", "2026-06-10", nil, "99.90"),
        ])
        #expect(parsed.items[1].emails == ["a@martin.fr", "b@martin.fr"])
        #expect(parsed.items[0].total == eur("1200"))
        #expect(parsed.items[2].source == SourcePosition(file: "simple.csv", line: 4))
        #expect(parsed.skippedRows == 0)
        #expect(parsed.warnings.map(\.description).isEmpty)
    }

    @Test("Sage-like aged balance in Windows-1252: furniture skipped and counted, as-of read")
    func sageWindows1252() throws {
        let parsed = try parse("sage-balance-agee-cp1252.csv")
        #expect(parsed.asOf == date("2026-12-31"))
        #expect(parsed.skippedRows == 9)
        #expect(parsed.items.map(Row.init) == [
            Row("411DUP", "Dupont & Fils", "FA-1001", "2026-10-15", "2026-11-14", "1234.56"),
            Row("411DUP", "Dupont & Fils", "FA-1007", "2026-11-02", "2026-12-02", "200.00"),
            Row("411LOE", "Lœwe d’Arc", "FA-1010", "2026-11-20", "2026-12-20", "3000.00"),
            Row("411LOE", "Lœwe d’Arc", "AV-0003", "2026-11-25", nil, "-150.00"),
        ])
        #expect(parsed.items[1].total == eur("600"))
    }

    @Test("EBP-like ISO 8859-15 with € at 0xA4, comma separator, quoted decimal commas")
    func latin9() throws {
        let parsed = try parse("ebp-latin9-comma.csv")
        #expect(parsed.asOf == date("2026-11-30"))
        #expect(parsed.items.map(Row.init) == [
            Row("CL045", "Établissements Œuvre", "FC00012", "2026-11-03", "2026-12-03", "1234.56"),
            Row("CL046", "Brasserie du Nord", "FC00013", "2026-11-04", "2026-11-18", "125.50"),
        ])
    }

    @Test("the as-of date: \"au\" and \"as of\" win over a printing date", arguments: [
        ("Balance âgée au 30/11/2026 - édité le 02/12/2026", "2026-11-30"),
        ("Édité le 02/12/2026", "2026-12-02"),
        ("Aged receivables as of 2026-12-31", "2026-12-31"),
        ("Arrêté au 31 décembre 2026", "2026-12-31"),
        ("As at 12/15/2026", "2026-12-15"),
    ])
    func asOfLine(_ line: String, _ expected: String) {
        #expect(AsOfLine.date(in: line) == date(expected))
    }

    @Test("QuickBooks-like UTF-8 BOM, TAB, US dates proven by the column, parentheses and trailing minus")
    func quickBooks() throws {
        let parsed = try parse("quickbooks-us-tab.tsv", options: ImportOptions(defaultCurrency: Currency(code: "USD")!))
        #expect(parsed.asOf == date("2026-12-15"))
        #expect(parsed.skippedRows == 4)
        #expect(parsed.items.map(Row.init) == [
            Row("Acme Corp", nil, "1001", "2026-11-28", "2026-12-28", "1234.56", "USD"),
            Row("Acme Corp", nil, "1002", "2026-12-01", "2026-12-31", "-45.10", "USD"),
            Row("Globex", nil, "1003", "2026-10-02", "2026-11-01", "-150.00", "USD"),
        ])
        // Separated by a space, not by ; or ,: not a list, refused whole (issue #12 §2).
        #expect(parsed.items[0].emails == ["ap@acme.com ar@acme.com"])
        #expect(parsed.warnings.map(\.description).contains { $0.contains("is not an address or a list of addresses separated by ; or ,") })
    }

    @Test("RFC 4180 quoting: separators, newlines and doubled quotes inside cells")
    func quoting() throws {
        let parsed = try parse("quoted-multiline.csv")
        #expect(parsed.items.map(Row.init) == [
            Row("C1", "Smith, Jones & Co", "INV-1", nil, "2026-12-01", "1500.00"),
            // A line break in a name is no longer kept: removed, with a warning (issue #12 §2).
            Row("C2", "The \"Best\" Bakery 2nd floor", "INV-2", nil, "2026-12-02", "20.00"),
            Row("C3", "Plain", "INV-3", nil, "2026-12-03", "30.50"),
        ])
        #expect(parsed.warnings.map(\.description).contains { $0.contains("held control characters (The \"Best\" Bakery\\n2nd floor)") })
        #expect(parsed.items[2].source?.line == 5)
    }

    @Test("a bad amount after multi-line cells is reported at its physical line and column")
    func positionAfterMultiline() throws {
        let error = try error("bad-amount-after-multiline.csv")
        #expect(error.code == .badAmount)
        #expect(error.position == SourcePosition(file: "bad-amount-after-multiline.csv", line: 7, column: 18))
        #expect(error.message.contains("\"12.3.4\""))
        #expect(error.hint != nil)
    }

    @Test("one row per invoice line: folded into one invoice, zero-open invoices dropped")
    func folding() throws {
        let parsed = try parse("lines-folded.csv")
        #expect(parsed.items.map(Row.init) == [
            Row("ACME", nil, "F-77", "2026-12-01", "2026-12-31", "150.50"),
            Row("BETA", nil, "F-79", "2026-12-03", "2027-01-02", "70.00"),
        ])
        #expect(parsed.items[0].total == eur("150.50"))
    }

    @Test("lines of one invoice with different due dates are refused")
    func inconsistentLines() throws {
        let error = try error("lines-inconsistent.csv")
        #expect(error.code == .inconsistentInvoice)
        #expect(error.position.line == 3)
        // The two due dates as each language writes a day, never the ISO form.
        #expect(error.message.contains("with different due dates (31 Dec 2026 and 15 Jan 2027)"), "\(error.message)")
        #expect(error.text(in: .french).contains("avec des échéances différentes (31/12/2026 et 15/01/2027)"), "\(error.text(in: .french))")
    }

    @Test("dates that never show a day above 12 are read DD/MM under French titles, with a warning")
    func ambiguousDates() throws {
        let parsed = try parse("ambiguous-dates-fr.csv")
        #expect(parsed.items.map(\.issued) == [date("2026-04-03"), date("2026-06-05")])
        #expect(parsed.items.map(\.due) == [date("2026-05-03"), date("2026-07-05")])
        #expect(parsed.warnings.map(\.description).count == 1)
        #expect(parsed.warnings.map(\.description).first?.contains("DD/MM") == true)
    }

    @Test("ambiguous dates under English titles are read DD/MM for a euro export, MM/DD only for an American one")
    func ambiguousDatesEnglishTitles() throws {
        let euro = try parse("ambiguous-dates-en.csv")
        #expect(euro.items.map(\.due) == [date("2026-05-03"), date("2026-10-01")])
        #expect(euro.warnings.map(\.description).contains { $0.contains("DD/MM") && $0.contains("amounts in EUR") })
        let dollars = try parse("ambiguous-dates-en.csv", options: ImportOptions(defaultCurrency: Currency(code: "USD")!))
        #expect(dollars.items.map(\.due) == [date("2026-03-05"), date("2026-01-10")])
        #expect(dollars.warnings.map(\.description).contains { $0.contains("MM/DD") && $0.contains("USD") })
    }

    @Test("an explicit date order in the mapping wins over the column's guess")
    func forcedDateOrder() throws {
        let parsed = try parse("ambiguous-dates-fr.csv", options: ImportOptions(columnMapping: ColumnMapping(dayMonthOrder: .monthFirst)))
        #expect(parsed.items.map(\.issued) == [date("2026-03-04"), date("2026-05-06")])
        #expect(parsed.warnings.map(\.description).isEmpty)
    }

    @Test("a file mixing DD/MM and MM/DD is refused at the contradicting cell")
    func mixedOrders() throws {
        let error = try error("mixed-date-orders.csv")
        #expect(error.code == .badDate)
        #expect(error.position.line == 3)
        #expect(error.position.column == 7)
    }

    @Test("ISO with time, dotted, Excel serial and month-name dates")
    func dateShapes() throws {
        let parsed = try parse("date-shapes.csv")
        #expect(parsed.items.map(\.issued) == [date("2026-07-15"), date("2026-07-15"), date("2026-07-15"), date("2026-08-01")])
        #expect(parsed.items.map(\.due) == [date("2026-08-15"), date("2026-08-14"), date("2026-07-15"), date("2026-09-15")])
    }

    @Test("number shapes with a decimal comma: NBSP, narrow NBSP, dotted groups, trailing minus, parentheses")
    func numberShapesComma() throws {
        let parsed = try parse("number-shapes.csv")
        #expect(parsed.items.map(\.open.decimalString) == ["1234.56", "12345.60", "1234.56", "-15.00", "-7.25", "-3.00"])
    }

    @Test("number shapes with a decimal point: 1,234 is a thousand once the column proves the point")
    func numberShapesPoint() throws {
        let parsed = try parse("number-point.csv")
        #expect(parsed.items.map(\.open.decimalString) == ["1234.50", "0.99", "1234.00"])
    }

    @Test("\"Client\" or \"Customer\" beside a customer-id column is the customer's name, else the id", arguments: [
        ("Code client;Client;N° facture;Date facture;Reste dû\nC001;Dupont SARL;F-1;02/03/2026;10,00\n", "C001", "Dupont SARL"),
        ("Customer ID,Customer,Invoice No,Invoice Date,Amount Due\nC001,Dupont Ltd,F-1,2026-03-02,10.00\n", "C001", "Dupont Ltd"),
        ("Client;Raison sociale;N° facture;Date facture;Reste dû\nC001;Dupont SARL;F-1;02/03/2026;10,00\n", "C001", "Dupont SARL"),
        ("Client;N° facture;Date facture;Reste dû\nC001;F-1;02/03/2026;10,00\n", "C001", nil),
    ] as [(String, String, String?)])
    func bareCustomerTitle(_ text: String, _ customer: String, _ name: String?) throws {
        let parsed = try OpenInvoiceReportParser().parse(Array(text.utf8), fileName: "report.csv")
        #expect(parsed.items.map(Row.init) == [Row(customer, name, "F-1", "2026-03-02", nil, "10.00")])
    }

    @Test("a column mapping reads titles no vocabulary knows")
    func mapping() throws {
        #expect(throws: ImportError.self) { try parse("mapping-needed.csv") }
        let mapping = ColumnMapping(columns: [.invoice: "Doc", .issued: "le", .due: "Pour le", .open: "DU"])
        let parsed = try parse("mapping-needed.csv", options: ImportOptions(columnMapping: mapping))
        #expect(parsed.items.map(Row.init) == [
            Row("T1", nil, "D-1", "2026-02-01", "2026-04-03", "99.00"),
            Row("T2", nil, "D-2", "2026-02-02", "2026-04-04", "1.00"),
        ])
    }

    @Test("a column mapping naming a title the file lacks says what it saw and what it asked for")
    func mappingWithUnknownTitle() throws {
        let error = try error("simple.csv", options: ImportOptions(columnMapping: ColumnMapping(columns: [.open: "Reste à payer"])))
        #expect(error.code == .missingColumn)
        #expect(error.message.contains("Reste à payer"))
        #expect(error.message.contains("customer | email | invoice"))
    }

    struct Rejection: Sendable, CustomTestStringConvertible {
        var file: String
        var code: ImportError.Code
        var line: Int?
        var column: Int?
        var mentions: [String]
        var testDescription: String { file }
    }

    static let rejections: [Rejection] = [
        Rejection(file: "bad-date.csv", code: .badDate, line: 3, column: 18, mentions: ["\"31/02/2026\"", "due_date"]),
        Rejection(file: "bad-amount.csv", code: .badAmount, line: 3, column: 29, mentions: ["\"douze euros\"", "amount"]),
        Rejection(file: "too-many-decimals.csv", code: .badAmount, line: 2, column: 7, mentions: ["\"10,125\"", "3 decimals"]),
        Rejection(file: "missing-column.csv", code: .missingColumn, line: 1, column: nil, mentions: ["invoice number", "Montant TTC"]),
        Rejection(file: "no-header.csv", code: .missingColumn, line: 3, column: nil, mentions: ["1 | 2 | 3"]),
        Rejection(file: "ambiguous-column.csv", code: .ambiguousColumn, line: 1, column: nil, mentions: ["\"Reste dû\"", "\"Solde\""]),
        Rejection(file: "bad-currency.csv", code: .badCurrency, line: 2, column: 10, mentions: ["\"EURO\""]),
        Rejection(file: "unterminated-quote.csv", code: .unterminatedQuote, line: 2, column: 4, mentions: []),
        Rejection(file: "empty.csv", code: .empty, line: nil, column: nil, mentions: []),
        Rejection(file: "missing-invoice-number.csv", code: .missingValue, line: 3, column: 4, mentions: ["invoice number"]),
    ]

    @Test("every rejection names its code, line, column and what was wrong, with a hint", arguments: rejections)
    func rejection(_ expected: Rejection) throws {
        let error = try error(expected.file)
        #expect(error.code == expected.code)
        #expect(error.position.file == expected.file)
        #expect(error.position.line == expected.line)
        #expect(error.position.column == expected.column)
        for text in expected.mentions { #expect(error.message.contains(text), "\(error.message)") }
        #expect(error.hint?.isEmpty == false)
    }
}

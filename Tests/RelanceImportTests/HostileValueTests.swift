import RelanceCore
@testable import RelanceImport
import Testing

/// Issue #12 §2: a hostile export's names, codes and invoice numbers are never cleaned in
/// silence, and an email cell is never split into addresses nobody wrote as a list.
@Suite("Hostile values")
struct HostileValueTests {
    private func parse(_ text: String, name: String = "hostile.csv") throws -> ParsedImport {
        try ImportParser.parse(bytes: Array(text.utf8), fileName: name)
    }

    @Test("a customer name with CR/LF is kept without them, and a warning names its cell")
    func nameWithLineBreak() throws {
        let parsed = try parse("customer;name;email;invoice;due_date;amount\r\n"
            + "C001;\"Evil\r\nBcc: x@example.test\";ok@relance.test;F-1;2026-07-01;10.00\r\n")
        let item = try #require(parsed.items.first)
        #expect(item.customerName == "Evil Bcc: x@example.test")
        let warning = try #require(parsed.warnings.map(\.description).first { $0.contains("control characters") })
        #expect(warning.contains("hostile.csv:2:6"))
        #expect(warning.contains("column \"name\""))
        #expect(warning.contains("Evil\\nBcc"))
        #expect(!warning.contains("\n"))
    }

    @Test("an invoice number and a customer code with control characters are reported too")
    func codeAndInvoice() throws {
        let parsed = try parse("customer;invoice;due_date;amount\nC0\u{1B}01;\"F-\r\n2\";2026-07-01;10.00\n")
        let item = try #require(parsed.items.first)
        #expect(item.customer == "C0 01")
        #expect(item.invoice == "F- 2")
        #expect(parsed.warnings.map(\.description).filter { $0.contains("control characters") }.count == 2)
        #expect(parsed.warnings.map(\.description).contains { $0.contains("invoice number in column \"invoice\"") })
    }

    @Test("a contacts file's name and code are checked the same way")
    func contacts() throws {
        let parsed = try parse("Code client;Raison sociale;Email\n411A;\"Dupont\nSA\";a@dupont.test\n", name: "contacts.csv")
        #expect(parsed.contacts.first?.name == "Dupont SA")
        #expect(parsed.warnings.map(\.description).contains { $0.contains("contacts.csv:2:") && $0.contains("column \"Raison sociale\"") })
    }

    @Test("an email cell with an address plus something else is refused whole: nothing is split out of it")
    func smuggledRecipient() throws {
        let parsed = try parse("customer;email;invoice;due_date;amount\r\n"
            + "C001;\"t37+a11@relance.test\r\nRCPT TO: t38@relance.test\";F-1;2026-07-01;10.00\r\n")
        let item = try #require(parsed.items.first)
        #expect(item.emails == ["t37+a11@relance.test\nRCPT TO: t38@relance.test"])
        #expect(item.emails.allSatisfy { EmailAddress($0) == nil })
        #expect(parsed.warnings.map(\.description).contains { $0.contains("hostile.csv:2:6") && $0.contains("is not an address or a list") })
    }

    @Test("addresses separated by ; or , are a list; by spaces or line breaks they are not",
          arguments: [("a@x.test; b@x.test", ["a@x.test", "b@x.test"]), ("a@x.test , b@x.test,", ["a@x.test", "b@x.test"]),
                      ("a@x.test b@x.test", ["a@x.test b@x.test"]), ("a@x.test\nb@x.test", ["a@x.test\nb@x.test"]),
                      ("a@x.test; b@x.test RCPT TO:<c@x.test>", ["a@x.test; b@x.test RCPT TO:<c@x.test>"]), ("  ", [])])
    func separators(_ cell: String, _ expected: [String]) {
        #expect(EmailList.split(cell) == expected)
    }

    @Test("a FEC ledger's customer name with a control character is cleaned with a warning")
    func fecSafetyNet() {
        var parsed = ParsedImport(kind: .fec, items: [OpenItem(customer: "411A", customerName: "Bad\u{7}Name", invoice: "F1",
                                                               open: Money(minorUnits: 100, currency: .euro),
                                                               source: SourcePosition(file: "fec.txt", line: 7))])
        IdentityText.clean(&parsed)
        #expect(parsed.items[0].customerName == "Bad Name")
        #expect(parsed.warnings.map(\.description) == ["fec.txt:7: the customer name held control characters (Bad\\u{7}Name); kept as \"Bad Name\". "
            + "Check the export: a line break or a control character has no place in it."])
    }

    @Test("one escaping function: line breaks, escapes and bidi overrides become visible, the rest is kept")
    func escaping() {
        #expect(PrintableText.escape("Dupont & Fils é") == "Dupont & Fils é")
        #expect(PrintableText.escape("a\r\nb\tc\u{1B}[31m\u{202E}d") == "a\\r\\nb\\tc\\u{1B}[31m\\u{202E}d")
        #expect("x\ny".printable == "x\\ny")
    }
}

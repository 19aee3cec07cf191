import RelanceCore
import RelanceImport
import Testing

@Suite("Contacts files")
struct ContactsParserTests {
    func parse(_ name: String) throws -> ParsedImport {
        try ContactsParser().parse(try Fixture.bytes("contacts/" + name), fileName: name)
    }

    @Test("a French contacts export in Windows-1252 with every column")
    func french() throws {
        let parsed = try parse("contacts-fr.csv")
        #expect(parsed.kind == .contacts)
        #expect(parsed.items.isEmpty)
        #expect(parsed.contacts.count == 3)
        let dupont = parsed.contacts[0]
        #expect(dupont == ContactRecord(
            customer: "411DUP", name: "Dupont & Fils", address: ["12 rue de la Paix", "75002 Paris"], siren: "732829320",
            vatNumber: "FR40732829320", emailsTo: ["compta@dupont.fr"], emailsCc: ["dg@dupont.fr"],
            phones: ["01 23 45 67 89", "06 11 22 33 44"], language: .french, paymentTerms: PaymentTerms(days: 45, endOfMonth: true),
            policy: "standard", doNotRemind: false, note: "Paie toujours en retard", stepReached: "second-reminder",
            lastContact: date("2026-11-03"), source: SourcePosition(file: "contacts-fr.csv", line: 2)))
        let loewe = parsed.contacts[1]
        #expect(loewe.name == "Lœwe d’Arc")
        #expect(loewe.address == ["Bâtiment B", "3 allée des Tilleuls", "69003 Lyon"])
        #expect(loewe.siren == "732829320", "a SIRET gives its SIREN")
        #expect(loewe.emailsTo == ["a@loewe.fr", "b@loewe.fr"])
        #expect(loewe.language == .english)
        #expect(loewe.paymentTerms == PaymentTerms(days: 30))
        #expect(loewe.doNotRemind)
        #expect(loewe.source?.line == 3)
        #expect(parsed.contacts[2].paymentTerms == PaymentTerms(days: 0))
        #expect(parsed.contacts[2].source?.line == 5, "the quoted address of line 3 spans two physical lines")
    }

    @Test("a file without a column says so, so that the store keeps what it knows instead of clearing it")
    func missingColumnsAreNotEmptyCells() throws {
        let csv = "Code client;Raison sociale;Téléphone\n411BRAS;Brasserie du Port;02 40 00 00 01\n"
        let parsed = try ContactsParser().parse(Array(csv.utf8), fileName: "phones.csv")
        let contact = try #require(parsed.contacts.first)
        #expect(contact.notInFile == Set(CustomerProfile.Field.allCases).subtracting([.name, .phones]))
        #expect(contact.notInFile.contains(.emailsTo))
        #expect(try parse("contacts-steps.csv").contacts.allSatisfy { !$0.notInFile.contains(.emailsTo) })
    }

    @Test("payment terms as people write them", arguments: [
        ("30", 30, false), ("30 jours", 30, false), ("30j", 30, false), ("net 30", 30, false), ("45 jours fin de mois", 45, true),
        ("45 j FDM", 45, true), ("fin de mois 45", 45, true), ("30 days end of month", 30, true), ("60 EOM", 60, true),
        ("à réception", 0, false), ("Comptant", 0, false),
    ])
    func terms(_ text: String, _ days: Int, _ endOfMonth: Bool) {
        #expect(PaymentTerms(text: text) == PaymentTerms(days: days, endOfMonth: endOfMonth))
    }

    @Test("terms that mean nothing are refused", arguments: ["sometimes", "30 60", "", "1000 jours"])
    func badTerms(_ text: String) {
        #expect(PaymentTerms(text: text) == nil)
    }

    @Test("due dates from terms: days, then the end of that month")
    func dueDates() {
        #expect(PaymentTerms(days: 30).dueDate(issued: date("2026-01-31")) == date("2026-03-02"))
        #expect(PaymentTerms(days: 45, endOfMonth: true).dueDate(issued: date("2026-01-20")) == date("2026-03-31"))
    }

    @Test("rejections name the line, the column and the value", arguments: [
        ("contacts-bad-siren.csv", ImportError.Code.badValue, 3, 6, "\"12345\""),
        ("contacts-bad-terms.csv", .badValue, 2, 6, "\"sometimes\""),
        ("contacts-bad-flag.csv", .badValue, 2, 6, "\"maybe\""),
        ("contacts-duplicate.csv", .duplicate, 3, nil, "line 2"),
        ("contacts-no-header.csv", .missingColumn, 1, nil, "foo | bar"),
        ("contacts-missing-id.csv", .missingValue, 2, nil, "customer code"),
    ] as [(String, ImportError.Code, Int, Int?, String)])
    func rejection(_ file: String, _ code: ImportError.Code, _ line: Int, _ column: Int?, _ mentions: String) throws {
        let bytes = try Fixture.bytes("contacts/" + file)
        let error = try #require(throws: ImportError.self) { try ContactsParser().parse(bytes, fileName: file) }
        #expect(error.code == code)
        #expect(error.position.line == line)
        #expect(error.position.column == column)
        #expect(error.message.contains(mentions), "\(error.message)")
        #expect(error.hint?.isEmpty == false)
    }
}

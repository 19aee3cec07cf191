import RelanceCore
@testable import RelanceImport
import Testing

/// Issue #11, "Customers and columns": the account-code titles of real exports, the choice of
/// the id column said out loud, the column mapping, exports keyed by name (Xero), shared FEC
/// piece references, and contacts' "step reached" as people write it.
@Suite("Customer columns, mapping and identity")
struct CustomerColumnsTests {
    /// The error a parse throws (typed throws: no cast needed), or nil when it succeeds.
    func refusal(_ body: () throws(ImportError) -> ParsedImport) -> ImportError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    func rows(_ parsed: ParsedImport) -> [String] {
        parsed.items.map {
            "\($0.customer)|\($0.customerName ?? "-")|\($0.invoice)|\($0.issued?.iso8601 ?? "-")|\($0.due?.iso8601 ?? "-")|\($0.open.decimalString)"
        }
    }

    @Test("a Sage échéancier in Windows-1252 keys customers by \"N° compte tiers\", with \"Intitulé\" as the name")
    func sageCompteTiers() throws {
        let name = "sage-echeancier-compte-tiers-cp1252.csv"
        let parsed = try ImportParser.parse(bytes: try Fixture.bytes("csv/" + name), fileName: name)
        #expect(parsed.kind == .openInvoices)
        #expect(rows(parsed) == [
            "411BRAS|Brasserie du Port|FA-2026-101|2026-09-02|2026-10-02|1092.00",
            "411BRAS|Brasserie du Port|AV-2026-007|2026-10-15|-|-180.00",
            "411CHAR|Charcuterie Émile|FA-2026-114|2026-09-18|2026-10-18|1376.80",
            "411DUPO|Dupont & Fils|FA-2026-120|2026-09-25|2026-10-25|540.00",
        ])
        #expect(!parsed.customersByName)
        #expect(parsed.asOf == date("2026-11-30"))
    }

    @Test("account-code titles of French and English tools are read as the customer's code", arguments: [
        "N° compte tiers", "Compte tiers", "Compte auxiliaire", "N° compte auxiliaire", "Code tiers", "N° tiers", "N° client",
        "Code client", "Account code", "Customer ID", "Account number", "Customer account", "Debtor code", "CompAuxNum",
    ])
    func accountCodeTitles(title: String) throws {
        let csv = "\(title);Intitulé;N° facture;Échéance;Reste dû\nC-77;Brasserie du Port;F-1;20/10/2026;10,00\n"
        let parsed = try ImportParser.parse(bytes: Array(csv.utf8), fileName: "t.csv")
        #expect(rows(parsed) == ["C-77|Brasserie du Port|F-1|-|2026-10-20|10.00"])
        #expect(parsed.warnings.map(\.description).isEmpty, "\(parsed.warnings.map(\.description))")
    }

    @Test("two columns that could hold the customer's code: the more specific is taken, and the report says which and why")
    func ambiguousIdColumnIsReported() throws {
        let name = "customer-code-two-candidates.csv"
        let parsed = try ImportParser.parse(bytes: try Fixture.bytes("csv/" + name), fileName: name)
        #expect(parsed.items.map(\.customer) == ["411BRAS", "411CHAR"])
        let note = try #require(parsed.warnings.map(\.description).first { $0.contains("customer code") })
        #expect(note.contains("\"N° compte tiers\""))
        #expect(note.contains("\"Compte\""))
        #expect(note.contains("more precisely"))
        #expect(note.contains("[creditors.ID.columns] customer"))
    }

    @Test("the column mapping comes before any guess: it can pick the other column")
    func mappingWinsOverGuess() throws {
        let name = "customer-code-two-candidates.csv"
        let mapping = ColumnMapping(columns: [.customer: "compte", .customerName: "INTITULE"])
        let parsed = try ImportParser.parse(bytes: try Fixture.bytes("csv/" + name), fileName: name,
                                            options: ImportOptions(columnMapping: mapping))
        #expect(parsed.items.map(\.customer) == ["411000", "411000"])
    }

    @Test("a mapping with amount and paid computes what is left when the export has no open column")
    func mappingAmountAndPaid() throws {
        let csv = "Tiers;Doc;Le;Pour le;Facturé;Encaissé\nT1;D-1;01/02/2026;13/04/2026;100,00;30,00\n"
        let mapping = ColumnMapping(columns: [.customer: "Tiers", .invoice: "Doc", .issued: "Le", .due: "Pour le",
                                              .total: "Facturé", .paid: "Encaissé"])
        let parsed = try ImportParser.parse(bytes: Array(csv.utf8), fileName: "m.csv", options: ImportOptions(columnMapping: mapping))
        #expect(rows(parsed) == ["T1|-|D-1|2026-02-01|2026-04-13|70.00"])
    }

    @Test("a contacts file still reads as contacts when the creditor has a column mapping")
    func contactsDespiteMapping() throws {
        let mapping = ColumnMapping(columns: [.customer: "Tiers", .invoice: "Doc", .open: "Du"])
        let parsed = try ImportParser.parse(bytes: try Fixture.bytes("contacts/contacts-steps.csv"), fileName: "c.csv",
                                            options: ImportOptions(columnMapping: mapping))
        #expect(parsed.kind == .contacts)
    }

    @Test("the advice for a missing column names the real setting, [creditors.ID.columns]")
    func adviceNamesTheRealSetting() throws {
        let csv = "Pièce;Montant dû\nF-1;10,00\n"
        let error = try #require(refusal { () throws(ImportError) in try ImportParser.parse(bytes: Array(csv.utf8), fileName: "m.csv") })
        #expect(error.hint?.contains("[creditors.ID.columns]") == true, "\(error)")
        #expect(error.hint?.contains("customer = ") == true, "\(error)")
        #expect(!error.description.contains("column mapping of the configuration"))
    }

    @Test("Xero: no customer code, one row per invoice LINE: the name is the identity and each invoice counts once")
    func xeroInvoiceLines() throws {
        let name = "xero-invoice-lines.csv"
        let parsed = try ImportParser.parse(bytes: try Fixture.bytes("csv/" + name), fileName: name)
        #expect(rows(parsed) == [
            "Brasserie du Port|Brasserie du Port|INV-0001|2026-10-15|2026-11-14|1200.00",
            "Charcuterie Émile|Charcuterie Émile|INV-0002|2026-10-20|2026-11-19|280.00",
            "Brasserie du Port|Brasserie du Port|INV-0003|2026-11-02|2026-12-02|360.00",
        ])
        #expect(parsed.items[0].total == eur("1200.00"))
        #expect(parsed.items[0].emails == ["compta@brasserie-port.example"])
        #expect(parsed.customersByName)
        #expect(parsed.warnings.map(\.description).contains { $0.contains("identified by its name") && $0.contains("\"ContactName\"") })
        #expect(parsed.warnings.map(\.description).contains { $0.contains("counted once") })
    }

    @Test("rows of one invoice that repeat different amounts due are refused, not added up")
    func repeatedAmountsMustAgree() throws {
        let csv = """
            ContactName,InvoiceNumber,DueDate,InvoiceAmountDue,Quantity,LineAmount
            A,INV-1,2026-11-14,100.00,1,60.00
            A,INV-1,2026-11-14,90.00,1,40.00

            """
        #expect(throws: ImportError.self) { try ImportParser.parse(bytes: Array(csv.utf8), fileName: "x.csv") }
    }

    @Test("FEC: two sales entries sharing the piece reference \"VE  0623\" (different numbers and dates) are two invoices")
    func fecSharedPieceReference() throws {
        let name = "shared-piece-ref.txt"
        let parsed = try FECParser().parse(try Fixture.bytes("fec/" + name), fileName: name)
        #expect(rows(parsed) == [
            "CPRO00|PROSOL GESTION|VE  0623|2023-06-02|-|1015.44",
            "CPRO00|PROSOL GESTION|VE  0623/212|2023-06-20|-|1233.96",
            "CDISCO|EURO DISCOUNT FRAIS|VE  0623|2023-06-27|-|150.00",
        ])
        let note = try #require(parsed.warnings.map(\.description).first { $0.contains("VE  0623") })
        #expect(note.contains("CPRO00") && note.contains("entry 145 dated 2 Jun 2023") && note.contains("entry 212 dated 20 Jun 2023"))
        #expect(!parsed.warnings.map(\.description).contains { $0.contains("CDISCO") }, "two lines of one entry stay one invoice")
    }

    @Test("contacts: \"Étape atteinte\" as people write it is read as the ladder's step; postcode and town on one line")
    func stepsAsWritten() throws {
        let parsed = try ContactsParser().parse(try Fixture.bytes("contacts/contacts-steps.csv"), fileName: "contacts-steps.csv")
        #expect(parsed.contacts.map { $0.stepReached ?? "-" } == [
            "first-reminder", "second-reminder", "final-reminder", "registered-letter", "formal-notice", "registered-letter", "-",
        ])
        #expect(parsed.contacts[0].address == ["4 quai de la Fosse", "44000 Nantes"])
        #expect(parsed.contacts[4].address == ["Zone industrielle", "44800 Saint-Herblain"])
    }

    @Test("the step names of the creditor's own policies are accepted as written")
    func ownPolicySteps() throws {
        let csv = "Code client;Email;Étape atteinte\n411A;a@a.example;Relance douce\n"
        let parsed = try ContactsParser(options: ImportOptions(knownSteps: ["relance-douce"])).parse(Array(csv.utf8), fileName: "c.csv")
        #expect(parsed.contacts[0].stepReached == "relance-douce")
    }

    @Test("an unknown step is refused with its row, its cell and the accepted values")
    func unknownStepRefused() throws {
        let bytes = try Fixture.bytes("contacts/contacts-bad-step.csv")
        let error = try #require(refusal { () throws(ImportError) in try ContactsParser().parse(bytes, fileName: "contacts-bad-step.csv") })
        #expect(error.code == .badValue)
        #expect(error.position.line == 3)
        #expect(error.message.contains("\"Relance 7\""))
        #expect(error.hint?.contains("\"Registered letter\"") == true)
        #expect(error.hint?.contains("\"Formal notice\"") == true)
        // In French, the French names only, between guillemets.
        let french = error.text(in: .french)
        #expect(french.contains("«\u{00A0}Lettre recommandée\u{00A0}», «\u{00A0}Mise en demeure\u{00A0}»"), "\(french)")
        #expect(!french.contains("Registered letter") && !french.contains("registered-letter"), "\(french)")
    }

    @Test("contacts as JSON: one object per customer with every field, in order")
    func contactsJSON() throws {
        let parsed = try ContactsParser().parse(try Fixture.bytes("contacts/contacts-steps.csv"), fileName: "contacts-steps.csv")
        let json = ContactsJSON.encode(Array(parsed.contacts.prefix(1)))
        #expect(json == """
            [
              {"customer": "411BRAS", "name": "Brasserie du Port", "emails": ["compta@brasserie-port.example"], "cc": [], \
            "phones": ["02 40 00 00 01"], "address": ["4 quai de la Fosse", "44000 Nantes"], "terms": "30 days", "language": null, \
            "do_not_remind": false, "step_reached": "first-reminder", "last_contact": "2026-11-02"}
            ]

            """)
    }
}

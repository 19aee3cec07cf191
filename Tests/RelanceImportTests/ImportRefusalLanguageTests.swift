import RelanceCore
@testable import RelanceImport
import Testing

/// An accountant reads why a file was refused in the creditor's language (#13): the refusals of
/// the everyday drops — the open-invoice report, the contacts file, CSV and the workbook as a
/// whole — are worded in French for a French creditor, and in English, word for word as before,
/// for an English one.
@Suite struct ImportRefusalLanguageTests {
    static func refusal(_ text: String, file: String = "export.csv") -> ImportError? {
        do {
            _ = try ImportParser.parse(bytes: Array(text.utf8), fileName: file)
            return nil
        } catch {
            return error
        }
    }

    static let header = "customer;name;email;invoice;issue_date;due_date;amount\n"

    @Test func anUnreadableAmountIsExplainedInFrenchWithWhatToDo() throws {
        let error = try #require(Self.refusal(Self.header + "C1;Boulangerie;x@example.com;FA-9;01/12/2026;01/01/2027;mille euros\n"))
        #expect(error.text(in: .french) == """
            export.csv, ligne 2, caractère 57 : «\u{00A0}mille euros\u{00A0}» dans la colonne «\u{00A0}amount\u{00A0}» n'est pas un montant [bad-amount]
              À faire : Écrivez les montants en chiffres avec un seul séparateur décimal, par exemple «\u{00A0}1234,56\u{00A0}», «\u{00A0}1\u{202F}234,56\u{00A0}€\u{00A0}», «\u{00A0}-12,50\u{00A0}» ou «\u{00A0}(12,50)\u{00A0}».
            """)
        #expect(error.text(in: .english) == """
            export.csv:2:57: "mille euros" in column "amount" is not an amount [bad-amount]
              What to do: Write amounts as digits with one decimal mark, such as 1234,56, 1 234,56 €, -12,50 or (12,50).
            """)
        #expect(error.description == error.text(in: .english), "the log keeps English")
    }

    /// A long cell is cut after 80 characters inside the language's quotes: French quotes it with
    /// the wording's one `quoted` (guillemets, U+00A0 inside), the column name too.
    @Test func aLongCellIsCutInsideTheLanguagesQuotes() throws {
        let cell = String(repeating: "mille ", count: 20)  // 120 characters, trimmed to 119
        let error = try #require(Self.refusal(Self.header + "C1;Boulangerie;x@example.com;FA-9;01/12/2026;01/01/2027;\(cell)\n"))
        let cut = String(repeating: "mille ", count: 13) + "mi"
        #expect(error.text(in: .french).hasPrefix(
            "export.csv, ligne 2, caractère 57 : «\u{00A0}\(cut)…\u{00A0}» (119 caractères) dans la colonne «\u{00A0}amount\u{00A0}» n'est pas un montant [bad-amount]"))
        #expect(error.text(in: .english).hasPrefix("export.csv:2:57: \"\(cut)…\" (119 characters) in column \"amount\" is not an amount [bad-amount]"))
    }

    /// English advice writes a date's pattern in English letters (DD/MM/YYYY), not the French JJ/MM/AAAA.
    @Test func englishAdviceSpellsDatePatternsInEnglish() throws {
        let error = try #require(Self.refusal(Self.header + "C1;N;x@example.com;F1;32/12/2026;01/01/2027;10,00\n"))
        #expect(error.text(in: .english).hasSuffix(
            "What to do: Write dates as DD/MM/YYYY or YYYY-MM-DD (this file's slashed dates are read as DD/MM), and check that the day exists."),
                "\(error.text(in: .english))")
        for drop in Self.hostileDrops {
            let text = Self.refusal(drop.text, file: drop.file)?.text(in: .english) ?? ""
            #expect(!text.contains("JJ") && !text.contains("AAAA"), "\(drop.name): \(text)")
        }
    }

    /// Two rows of one invoice that disagree name both values as the language writes them.
    @Test func rowsThatDisagreeSayTheirValuesInTheLanguage() throws {
        let error = try #require(Self.refusal(Self.header
            + "C1;N;x@example.com;F1;01/12/2026;01/01/2027;10,00\nC1;N;x@example.com;F1;02/12/2026;01/01/2027;10,00\n"))
        #expect(error.text(in: .french).contains(
            "la facture F1 du client C1 figure à la ligne 2 et ici avec des dates de facture différentes (01/12/2026 et 02/12/2026)"),
                "\(error.text(in: .french))")
        #expect(error.text(in: .english).contains("invoice F1 of C1 appears on line 2 and here with different invoice dates (1 Dec 2026 and 2 Dec 2026)"),
                "\(error.text(in: .english))")
        let amounts = ImportProblem.invoiceRowsDisagree(invoice: "F1", customer: "C1", firstLine: 2, .amountsDue, "1092.00 EUR", "-1000.00 EUR")
        #expect(Language.french.importWords.words(for: amounts).what
            == "la facture F1 du client C1 figure à la ligne 2 et ici avec des restes dus différents (1\u{202F}092,00\u{00A0}€ et \u{2212}1\u{202F}000,00\u{00A0}€)")
        #expect(Language.english.importWords.words(for: amounts).what
            == "invoice F1 of C1 appears on line 2 and here with different amounts due (€1,092.00 and \u{2212}€1,000.00)")
    }

    /// One file per refusal the everyday drops can meet; none of their French reports may keep an
    /// English word (the English sentences' own words are the sentinels).
    static let hostileDrops: [(name: String, file: String, text: String)] = [
        ("empty", "a.csv", ""),
        ("unknown", "a.csv", "\u{1}\u{2}\u{3}"),
        ("no rows", "a.csv", "\n\n"),
        ("no header", "a.csv", "a;b;c\n1;2;3\n"),
        ("missing column", "a.csv", "customer;invoice\nC1;F1\n"),
        ("missing invoice", "a.csv", header + "C1;N;x@example.com;;01/12/2026;01/01/2027;10,00\n"),
        ("bad date", "a.csv", header + "C1;N;x@example.com;F1;32/12/2026;01/01/2027;10,00\n"),
        ("bad currency", "a.csv", "customer;name;email;invoice;issue_date;due_date;amount;currency\nC1;N;x@example.com;F1;01/12/2026;01/01/2027;10,00;Euros\n"),
        ("decimals", "a.csv", header + "C1;N;x@example.com;F1;01/12/2026;01/01/2027;10,1234\n"),
        ("mixed dates", "a.csv", header + "C1;N;x@example.com;F1;25/11/2026;01/01/2027;10,00\nC1;N;x@example.com;F2;11/25/2026;01/01/2027;10,00\n"),
        ("conflict", "a.csv", header + "C1;N;x@example.com;F1;01/12/2026;01/01/2027;10,00\nC1;N;x@example.com;F1;02/12/2026;01/01/2027;10,00\n"),
        ("quote", "a.csv", header + "C1;\"N;x@example.com;F1;01/12/2026;01/01/2027;10,00\n"),
        ("contact code", "c.csv", "Code client;Email\n;a@a.example\n"),
        ("contact twice", "c.csv", "Code client;Email\n411A;a@a.example\n411A;b@a.example\n"),
        ("contact step", "c.csv", "Code client;Email;Étape atteinte\n411A;a@a.example;Relance 9\n"),
        ("contact siren", "c.csv", "Code client;Email;SIREN\n411A;a@a.example;12345\n"),
        ("contact terms", "c.csv", "Code client;Email;Conditions de paiement\n411A;a@a.example;quand il veut\n"),
        ("contact yes/no", "c.csv", "Code client;Email;Ne pas relancer\n411A;a@a.example;peut-être\n"),
        ("contact date", "c.csv", "Code client;Email;Dernier contact\n411A;a@a.example;hier\n"),
    ]

    static let englishWords = [" the ", " is ", " in column ", "What to do", " not ", " has ", " with ", " and here", "Write ",
                               "Export ", " Fill ", "Check ", "Add ", "Keep "]

    @Test(arguments: hostileDrops.map(\.name))
    func everyEverydayRefusalReadsInFrench(_ name: String) throws {
        let drop = try #require(Self.hostileDrops.first { $0.name == name })
        let error = try #require(Self.refusal(drop.text, file: drop.file), "\(name) must be refused")
        let french = error.text(in: .french)
        for word in Self.englishWords { #expect(!french.contains(word), "\(name): \(french)") }
        #expect(french.contains("À faire : "), "\(name): \(french)")
    }

    @Test func aRowRefusedForItsDatesReadsInFrenchInTheJournal() throws {
        let parsed = try ImportParser.parse(bytes: Array((Self.header + "C1;N;x@example.com;F1;01/12/2026;30/11/2026;10,00\n").utf8),
                                            fileName: "a.csv")
        let row = try #require(parsed.refusedRows.first)
        #expect(Language.french.wording.refusedRow(row).hasSuffix(
            ": facture F1 (client C1) refusée : l'échéance 30/11/2026 précède la date de facture 01/12/2026 ; vérifiez les deux cellules"))
        #expect(row.description.hasSuffix(": invoice F1 (customer C1) refused: the due date 30 Nov 2026 is before the issue date 1 Dec 2026; check both cells"))
    }
}

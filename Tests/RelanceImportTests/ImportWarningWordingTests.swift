import RelanceCore
@testable import RelanceImport
import RelanceTesting
import Testing
import Foundation

/// #13, "French throughout": a parser's warnings are typed notes worded at the edge; a French
/// creditor reads every one of them in French, with French dates and amounts, and an English
/// one in English. Each family (report, contacts, FEC, bank, e-invoice) is worded in both.
@Suite struct ImportWarningWordingTests {
    static func euros(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .euro) }
    static let day = CivilDate(iso8601: "2026-12-07")!

    /// One warning of every kind, with the values its sentence needs.
    static let every: [ImportWarning] = [
        ImportWarning(.worksheetSkipped(read: "Détail", skipped: ["Synthèse"])),
        ImportWarning(.identityCleaned(original: "Dupont\nSA", cleaned: "Dupont SA", field: .customerName, column: "Nom"),
                      at: SourcePosition(file: "a.xlsx", line: 3, column: 2)),
        ImportWarning(.emailCellRefused(text: "a@b.fr c@d.fr", column: "Courriel"), at: SourcePosition(file: "a.csv", line: 3, column: 4)),
        ImportWarning(.dateOrderGuessed(order: .dayFirst, reason: .frenchTitles)),
        ImportWarning(.emptyOpenReadAsZero(line: 4, column: "Reste dû")),
        ImportWarning(.invoiceLinesFolded(rows: 12, invoices: 4, column: "Solde")),
        ImportWarning(.customerColumnChosen(chosen: "N° compte tiers", others: ["Compte"], moreSpecific: true)),
        ImportWarning(.customersByName(column: "Raison sociale")),
        ImportWarning(.unknownLanguage(line: 5, text: "klingon")),
        ImportWarning(.fec(.noCustomerAccount(prefix: "411"))),
        ImportWarning(.fec(.unbalanced(difference: euros(237_680)))),
        ImportWarning(.fec(.sharedPieceReference(customer: "411BRAS", reference: "VE 0623",
                                                 entries: [.init(number: 12, date: day), .init(number: nil, date: day)],
                                                 labels: ["VE 0623", "VE 0623/2"]))),
        ImportWarning(.bank(.camtUntestedVersion(kind: "053", version: "14"))),
        ImportWarning(.bank(.camtUnbookedLeftOut(count: 3))),
        ImportWarning(.bank(.camtTransactionsDisagree(count: 2, total: euros(100_000), entry: euros(237_680))),
                      at: SourcePosition(file: "r.xml", path: "/Document/BkToCstmrStmt/Stmt/Ntry[2]")),
        ImportWarning(.bank(.camtTransactionsDisagree(count: 2, total: nil, entry: euros(237_680)))),
        ImportWarning(.bank(.cfonbBalanceUnclosed(account: "FR76…", date: day, line: 9, cutShort: true))),
        ImportWarning(.bank(.cfonbOperationOutsideBalance(account: "FR76…", line: 4))),
        ImportWarning(.bank(.cfonbDetailWithoutOperation(line: 6))),
        ImportWarning(.bank(.cfonbBalanceGap(account: "FR76…", previous: euros(100_000), previousLine: 1, operations: euros(237_680),
                                             new: euros(337_000), line: 8, gap: euros(-680)))),
        ImportWarning(.bank(.cfonbNewBalanceWithoutPrevious(account: "FR76…", line: 8))),
        ImportWarning(.eInvoice(.dueFromTerms(due: day, terms: "30 jours fin de mois"))),
    ]

    @Test func everyWarningReadsFrenchForAFrenchCreditor() {
        for warning in Self.every {
            // The configuration's keys (`customer = "…"`) are not prose.
            let text = warning.text(in: .french).replacingOccurrences(of: "customer = \"…\"", with: "")
            #expect(LanguageLeaks.englishIn(text).isEmpty, "English in \(warning.code): \(text)")
            #expect(warning.text(in: .french) != warning.text(in: .english), "\(warning.code) falls back to English")
        }
    }

    @Test func everyWarningReadsEnglishForAnEnglishCreditor() {
        for warning in Self.every {
            let text = warning.text(in: .english)
            #expect(LanguageLeaks.frenchIn(text).isEmpty, "French in \(warning.code): \(text)")
        }
    }

    @Test func everyKindHasItsOwnCode() {
        let codes = Self.every.map(\.code)
        #expect(Set(codes).count == 21, "\(codes)")
        #expect(codes.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "-" } })
    }

    @Test func frenchWarningsUseFrenchDatesAmountsAndPlaces() {
        let french = Self.every.map { $0.text(in: .french) }
        #expect(french[1].hasPrefix("a.xlsx, cellule B3 : le nom du client de la colonne «\u{00A0}Nom\u{00A0}»"), "\(french[1])")
        #expect(french[2].hasPrefix("a.csv, ligne 3, caractère 4 : la cellule de courriel"), "\(french[2])")
        #expect(french[10].contains("2\u{202F}376,80\u{A0}€"), "\(french[10])")
        #expect(french[11].contains("écriture 12 du 07/12/2026"), "\(french[11])")
        #expect(french[14].hasPrefix("r.xml, chemin /Document/BkToCstmrStmt/Stmt/Ntry[2] : "), "\(french[14])")
        #expect(french[16].contains("le solde du 07/12/2026"), "\(french[16])")
        #expect(french[21].contains("le 07/12/2026 a été lu"), "\(french[21])")
    }

    /// The English warnings say a day as every English line does (`7 Dec 2026`), not `2026-12-07`.
    @Test func englishWarningsSayDaysInWords() {
        let english = Self.every.map { $0.text(in: .english) }
        #expect(english[11].contains("(entry 12 dated 7 Dec 2026, entry ? dated 7 Dec 2026)"), "\(english[11])")
        #expect(english[16].contains("account FR76…: the balance of 7 Dec 2026 has no closing record 07 (line 9)"), "\(english[16])")
        #expect(english[21].hasSuffix("No due date (BT-9): 7 Dec 2026 was read from the payment terms \"30 jours fin de mois\"."), "\(english[21])")
        for text in english { #expect(!text.contains("2026-12-07"), "\(text)") }
    }

    /// The English warnings write amounts as every English line does (`€2,376.80`, `−€6.80`),
    /// not the machine's `2376.80 EUR`.
    @Test func englishWarningsWriteAmountsAsEnglishLinesDo() {
        let english = Self.every.map { $0.text(in: .english) }
        #expect(english[10].contains("total debit minus total credit is €2,376.80;"), "\(english[10])")
        #expect(english[14].contains("the entry's 2 transactions add up to €1,000.00, not the entry's €2,376.80;"), "\(english[14])")
        #expect(english[19].contains("previous balance €1,000.00 (line 1) + operations €2,376.80 ≠ new balance €3,370.00 (line 8); "
            + "the gap is \u{2212}€6.80:"), "\(english[19])")
        for text in english { #expect(!text.contains(" EUR"), "\(text)") }
    }

    /// A real file read for a French creditor: the report's guesses come out in French.
    @Test func aFrenchReportsGuessesAreWordedInFrench() throws {
        let parsed = try OpenInvoiceReportParser(options: ImportOptions())
            .parse(try Fixture.bytes("csv/ambiguous-dates-fr.csv"), fileName: "ambiguous-dates-fr.csv")
        let french = parsed.warnings.map { $0.text(in: .french) }
        #expect(parsed.warnings.map(\.code).contains("date-order-guessed"), "\(parsed.warnings)")
        #expect(french.contains { $0.contains("jour d'abord (JJ/MM)") }, "\(french)")
        for text in french { #expect(LanguageLeaks.englishIn(text).isEmpty, "\(text)") }
    }

    @Test func sourcePositionsAreSaidInFrench() {
        #expect(SourcePosition(file: "a.csv", line: 3, column: 4).text(in: .french) == "a.csv, ligne 3, caractère 4")
        #expect(SourcePosition(file: "a.xlsx", line: 3, column: 2).text(in: .french) == "a.xlsx, cellule B3")
        #expect(SourcePosition(file: "f.xml", path: "/Invoice").text(in: .french) == "f.xml, chemin /Invoice")
        #expect(SourcePosition(file: "a.csv", line: 3, column: 4).text(in: .english) == "a.csv:3:4")
        #expect(SourcePosition(file: "a.xlsx", line: 3, column: 2).text(in: .english) == "a.xlsx:3:2 (cell B3)")
    }

    @Test func aFrenchRefusalSaysWhereInFrench() {
        let error = ImportError(.badDate, at: SourcePosition(file: "a.xlsx", line: 12, column: 5), .fileEmpty)
        #expect(error.text(in: .french).hasPrefix("a.xlsx, cellule E12 : le fichier est vide"), "\(error.text(in: .french))")
    }
}

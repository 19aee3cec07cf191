import Foundation
import RelanceCore
import Testing
@testable import RelanceMail

/// What a French reviewer found wrong in what the debtor reads (letters, emails, the collection
/// dossier), each pinned on the shipped templates and the real context builders: the formal
/// notice's case of LetterDocumentTests (two invoices demanded, one other outstanding, an email
/// and a call recalled), the sample context for the emails.
/// `scripts/render-demands.sh` takes pictures of the pages kept here.
@Suite("Printed documents: French wording the debtor reads")
struct FrenchLetterWordingTests {
    static func renderer() throws -> TemplateRenderer { try TemplateRenderer(files: try OutboundSupport.shippedTemplates()) }

    static func letter(_ task: PlannedTask, language: Language = .french) throws -> PrintableLetter {
        var task = task
        task.customer.language = language
        return try DocumentComposer(renderer: try renderer(), creditor: LetterDocumentTests.creditor, language: language)
            .letter(task, today: LetterDocumentTests.today)
    }

    static func withMissingRates(_ semesters: [Semester]) throws -> PlannedTask {
        var task = try LetterDocumentTests.plannedTask()
        var breakdown = try #require(task.breakdown)
        breakdown.missingRates = semesters.map { MissingRate(semester: $0, table: "ECB") }
        task.breakdown = breakdown
        return task
    }

    static let s2026 = Semester(year: 2026, half: 2)!
    static let s2027 = Semester(year: 2027, half: 1)!

    // MARK: - Formal notice: the deadline and the sentences that refer to it

    @Test("a formal notice without a deadline has no sentence pointing to a delay or a date it never gave")
    func formalNoticeWithoutDeadline() throws {
        var task = try LetterDocumentTests.plannedTask()
        task.paymentDeadline = nil
        let french = try Self.letter(task)
        try DemandFiguresTests.keepForRendering(french.html, as: "letter-formal-notice-no-deadline.html")
        for body in [french.html, french.text] {
            #expect(!body.contains("dans ce délai") && !body.contains("avant cette date") && !body.contains("au plus tard le"))
            #expect(body.contains("À défaut de règlement, nous pourrons engager sans autre avis une procédure judiciaire"))
            #expect(body.contains("merci de nous en indiquer le motif par retour de courrier."))
        }
        let english = try Self.letter(task, language: .english)
        for body in [english.html, english.text] {
            #expect(!body.contains("by that date") && !body.contains("before that date"))
            #expect(body.contains("Failing payment, we may start legal recovery proceedings"))
            #expect(body.contains("please let us know why by return."))
        }
    }

    @Test("with a deadline, the formal notice keeps its sentences, and its subject states the same last day")
    func formalNoticeWithDeadline() throws {
        let task = try LetterDocumentTests.plannedTask()
        let french = try Self.letter(task)
        #expect(french.subject.hasSuffix("au plus tard le 29 juillet 2026"))
        for body in [french.html, french.text] {
            #expect(body.contains("au plus tard le 29\u{00A0}juillet\u{00A0}2026, soit dans un délai de 8 jours."))
            #expect(body.contains("À défaut de règlement dans ce délai, nous pourrons"))
            #expect(body.contains("merci de nous en indiquer le motif par écrit avant cette date."))
        }
        let english = try Self.letter(task, language: .english)
        for body in [english.html, english.text] {
            #expect(body.contains("Failing payment by that date, we may") && body.contains("please let us know why in writing before that date."))
        }
    }

    // MARK: - Missing rates: semesters named in words

    @Test("the semesters of missing rates, as a sentence names them", arguments: [
        ([s2026], Language.french, "le 2e\u{00A0}semestre\u{00A0}2026"),
        ([s2026, s2027], .french, "le 2e\u{00A0}semestre\u{00A0}2026 et le 1er\u{00A0}semestre\u{00A0}2027"),
        ([Semester(year: 2026, half: 1)!, s2026, s2026, s2027], .french, "le 1er\u{00A0}semestre\u{00A0}2026, le 2e\u{00A0}semestre\u{00A0}2026 et le 1er\u{00A0}semestre\u{00A0}2027"),
        ([s2026], .english, "the second half of 2026"),
        ([s2026, s2027], .english, "the second half of 2026 and the first half of 2027"),
    ])
    func periods(semesters: [Semester], language: Language, expected: String) {
        #expect(LetterContextBuilder.periods(semesters, language: language) == expected)
    }

    @Test("a letter with a missing rate names the semester in words, never 2026-S2")
    func missingRateInWords() throws {
        let one = try Self.letter(try Self.withMissingRates([Self.s2026]))
        try DemandFiguresTests.keepForRendering(one.html, as: "letter-formal-notice-missing-rate.html")
        #expect(one.html.contains("Les pénalités de retard n'ont pas pu être calculées pour le 2e\u{00A0}semestre\u{00A0}2026, faute de taux publié à ce jour ; elles restent dues."))
        #expect(one.text.contains("  Pénalités de retard non calculées pour le 2e\u{00A0}semestre\u{00A0}2026, faute de taux publié à ce jour ; elles restent dues.\n"))
        let two = try Self.letter(try Self.withMissingRates([Self.s2026, Self.s2027]))
        #expect(two.html.contains("calculées pour le 2e\u{00A0}semestre\u{00A0}2026 et le 1er\u{00A0}semestre\u{00A0}2027, faute de taux publié"))
        let english = try Self.letter(try Self.withMissingRates([Self.s2026]), language: .english)
        #expect(english.html.contains("Interest could not be computed for the second half of 2026, as no rate has been published yet; it remains due."))
        #expect(english.text.contains("  Interest not computed for the second half of 2026, as no rate has been published yet; it remains due.\n"))
        for body in [one.html, one.text, two.html, two.text, english.html, english.text] {
            #expect(!body.contains("2026-S2") && !body.contains("2027-S1") && !body.contains("période couverte") && !body.contains("period covered"))
        }
    }

    // MARK: - The collection dossier

    static func dossier(_ task: PlannedTask, language: Language) -> String {
        var task = task
        task.kind = .legalAction
        task.proposedProcedure = .smallClaims
        return DossierComposer(creditor: LetterDocumentTests.creditor, language: language).summaryHTML(task, today: LetterDocumentTests.today)
    }

    @Test("the French dossier is all French: semesters in words, plural when several rates are missing, no configuration line")
    func frenchDossier() throws {
        let one = Self.dossier(try Self.withMissingRates([Self.s2026]), language: .french)
        try DemandFiguresTests.keepForRendering(one, as: "dossier-summary-missing-rate.html")
        #expect(one.contains("<p class=\"warning\">Pénalités de retard non calculées pour le 2e\u{00A0}semestre\u{00A0}2026 (taux manquant) : le montant ci-dessus n&#39;en tient pas compte.</p>"))
        let two = Self.dossier(try Self.withMissingRates([Self.s2026, Self.s2027]), language: .french)
        #expect(two.contains("<p class=\"warning\">Pénalités de retard non calculées pour le 2e\u{00A0}semestre\u{00A0}2026 et le 1er\u{00A0}semestre\u{00A0}2027 (taux manquants) : le montant ci-dessus n&#39;en tient pas compte.</p>"))
        for summary in [one, two] {
            for english in ["2026-S2", "[penalties]", "ECB", "refinancing", " the ", "Relance adds", "Intérêts de retard"] {
                #expect(!summary.contains(english), "found \(english)")
            }
            #expect(summary.contains("<tr><th>Pénalités de retard</th>"))
            // Amounts as the Money formatter writes them: U+202F between thousands, U+00A0 before €.
            #expect(summary.contains("Seuil de la procédure simplifiée : 5\u{202F}000,00\u{00A0}€ en principal et intérêts"))
            #expect(summary.contains("Indemnités forfaitaires (40\u{00A0}€ par facture)"))
            #expect(summary.contains("Factures réclamées : F2026-0100, F2026-0110<br>Autre facture impayée (non réclamée ici) : F2026-0130"))
        }
        var single = try Self.withMissingRates([])
        single.invoices.removeLast()
        single.alsoOutstanding.append(single.alsoOutstanding[0])
        let singular = Self.dossier(single, language: .french)
        #expect(singular.contains("Facture réclamée : F2026-0100<br>Autres factures impayées (non réclamées ici) : F2026-0130, F2026-0130"))
        #expect(!singular.contains("class=\"warning\""))
    }

    @Test("the English dossier names the semester in words, with no configuration line (EnglishDebtorWordingTests)")
    func englishDossier() throws {
        let summary = Self.dossier(try Self.withMissingRates([Self.s2026]), language: .english)
        #expect(summary.contains("<p class=\"warning\">Late-payment interest not computed for the second half of 2026 (rate not yet published): the amounts above do not include it.</p>"))
        #expect(summary.contains("Ceiling of the simplified procedure: €5,000.00 in principal and interest (art. R125-1 CPCE)"))
        #expect(summary.contains("<tr><th>Late-payment interest</th>") && summary.contains("Fixed recovery indemnities (€40 per invoice)"))
        // One other invoice: in the singular, as the French says it.
        #expect(summary.contains("Invoices claimed: F2026-0100, F2026-0110<br>Other unpaid invoice (not claimed here): F2026-0130"))
    }

    // MARK: - Words and typography in the templates

    @Test("a printed invoice line reads “restant dû”", arguments: ["formal-letter", "registered-letter", "formal-notice"])
    func restantDu(template: String) throws {
        var task = try LetterDocumentTests.plannedTask()
        task.step = PolicyStep(name: template, channel: .formalNotice, trigger: .afterPrevious(days: 10))
        let letter = try Self.letter(task)
        try DemandFiguresTests.keepForRendering(letter.html, as: "letter-\(template).html")
        #expect(letter.text.contains("  - facture F2026-0110 du 15/05/2026, échue le 14/06/2026 : 800,00\u{00A0}€ restant dû (37 jours de retard)\n"))
        #expect(!letter.text.contains("restant dus"))
    }

    @Test("a disputed invoice waits for the dispute to be resolved, not “settled” as an accountant settles")
    func disputeResolved() throws {
        let renderer = try Self.renderer()
        let rendered = try renderer.render("formal-notice", language: .french, context: ReminderContext.sample(language: .french))
        for body in [rendered.text, try #require(rendered.html)] {
            #expect(body.contains("est exclue de la présente demande jusqu'à la résolution du litige :"))
            #expect(!body.contains("règlement de la contestation"))
        }
    }

    @Test("every French message and letter writes 40 € with a no-break space, straight apostrophes, and lower case after “le … :”")
    func frenchTypography() throws {
        let renderer = try Self.renderer()
        var sample = ReminderContext.sample(language: .french)
        sample.paymentQR = "cid:epc-qr@relance"
        var bodies: [(String, String)] = []
        for name in TemplateChecker.defaultTemplateNames + TemplateChecker.defaultDocumentNames {
            let rendered = try renderer.render(name, language: .french, context: sample)
            bodies += [(name, rendered.subject), (name, rendered.text), (name, rendered.html ?? "")]
        }
        let notice = try Self.letter(try LetterDocumentTests.plannedTask())
        bodies += [("formal-notice (planned)", notice.text), ("formal-notice (planned)", notice.html)]
        for (name, body) in bodies {
            #expect(!body.contains("40 €") && !body.contains("40 euros"), "\(name): 40 € without a no-break space")
            #expect(!body.contains("\u{2019}"), "\(name): a curly apostrophe among straight ones")
            #expect(!body.contains("Code de commerce L441"), "\(name): article written after the code")
            // After "le 5 juin 2026 : " a French description goes on in lower case.
            for line in body.split(separator: "\n") where line.contains("le ") && line.contains(" : ") {
                guard let range = line.range(of: #"le \d{1,2}(er)? [a-zéû]+ \d{4} : "#, options: .regularExpression),
                      let first = line[range.upperBound...].first else { continue }
                #expect(!first.isUppercase, "\(name): \(line)")
            }
        }
        #expect(bodies.contains { $0.0 == "second-reminder" && $0.1.contains("frais de recouvrement de 40\u{00A0}€ par facture.") })
        #expect(bodies.contains { $0.0 == "final-reminder" && $0.1.contains("  - le 2\u{00A0}novembre\u{00A0}2026 : relance par courriel\n") })
        #expect(notice.html.contains("<li>le 5\u{00A0}juin\u{00A0}2026 : relance par courriel (facture F2026-0100)</li>"))
        #expect(notice.html.contains("<li>le 29\u{00A0}juin\u{00A0}2026 : appel téléphonique : sans réponse (factures F2026-0100, F2026-0110)</li>"))
        #expect(notice.html.contains("Scannez ce code avec l'application de votre banque"))
        let english = try Self.letter(try LetterDocumentTests.plannedTask(), language: .english)
        #expect(english.html.contains("<li>5 June 2026: Reminder sent by email (invoice F2026-0100)</li>"))
    }
}

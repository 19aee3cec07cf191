import Foundation
import RelanceCore
import RelanceMail
import Testing

/// A French formal notice for a case checked by hand, produced by the real planner:
/// two invoices reach the formal notice (one partly paid, with a credit set against it), a
/// third is only due for its first reminder, and the late period crosses 1 July 2026 with a
/// 2026-S2 rate given as an override (ECB 2.00 % → 12.00 %).
///
/// By hand (2026 has 365 days; S1 = 2.15 % + 10 = 12.15 %, S2 = 12.00 %), on 21 July 2026:
/// - F2026-0100: open 2,000.00 less credit AV2026-0007 500.00 = 1,500.00, due 31 May, 51 days late
///   (30 in June, 21 in July): 1,500 × (12.15 % × 30 + 12.00 % × 21) / 365 = 25.3356… → 25.34
/// - F2026-0110: 800.00, due 14 June, 37 days late (16 + 21): 800 × (12.15 % × 16 + 12.00 % × 21) / 365
///   = 9.7841… → 9.78
/// - principal 2,300.00, interest 35.12, indemnities 2 × 40.00 = 80.00, total 2,415.12
/// - deadline: 21 July + 8 days = 29 July 2026
@Suite("Printed documents: letters and dossiers")
struct LetterDocumentTests {
    static let today = CivilDate(iso8601: "2026-07-21")!
    static let hostileName = "<script>alert('x')</script> Ébène & Fils"

    static let policy = Policy(name: "fast", steps: [
        PolicyStep(name: "first-reminder", channel: .email, trigger: .afterDue(days: 5)),
        PolicyStep(name: "phone-call", channel: .phone, trigger: .afterPrevious(days: 7)),
        PolicyStep(name: "formal-notice", channel: .formalNotice, trigger: .afterPrevious(days: 10)),
    ])

    static let terms = LatePaymentTerms(referenceRates: RateTable.ecbMainRefinancingRate.overriding(with: [
        DatedRate(semester: Semester(year: 2026, half: 2)!, basisPoints: 200, source: "test override"),
    ]))

    static func day(_ text: String) -> CivilDate { CivilDate(iso8601: text)! }
    static func euros(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .euro) }

    static let customer = CustomerSummary(id: 7, externalID: "C042", name: hostileName, language: .french,
                                          emails: [EmailAddress("compta@ebene.example")!])

    static func receivables() -> [Receivable] {
        let noAnswer = StepTaken(step: "phone-call", on: day("2026-06-29"), messageState: .sent, channel: .phone, outcome: .noAnswer)
        return [
            Receivable(invoiceID: 1, number: "F2026-0100", customer: customer, issued: day("2026-05-01"), due: day("2026-05-31"),
                       open: euros(200_000), total: euros(300_000), history: [
                           // Cancelled before it left: never sent, so never recalled.
                           StepTaken(step: "first-reminder", on: day("2026-06-04"), messageState: .cancelled),
                           StepTaken(step: "first-reminder", on: day("2026-06-05"), messageState: .sent),
                           noAnswer,
                       ]),
            Receivable(invoiceID: 2, number: "F2026-0110", customer: customer, issued: day("2026-05-15"), due: day("2026-06-14"),
                       open: euros(80_000), total: euros(80_000), history: [
                           StepTaken(step: "first-reminder", on: day("2026-06-19"), messageState: .sent),
                           noAnswer,
                       ]),
            Receivable(invoiceID: 3, number: "F2026-0130", customer: customer, issued: day("2026-06-01"), due: day("2026-07-01"),
                       open: euros(60_000), total: euros(60_000), history: []),
            Receivable(invoiceID: 4, number: "AV2026-0007", customer: customer, issued: day("2026-06-10"), due: nil,
                       open: euros(-50_000), total: nil, history: []),
        ]
    }

    static func plannedTask() throws -> PlannedTask {
        let plan = Planner.plan(PlanningInput(
            creditor: CreditorID("atelier")!, today: today, policy: policy, receivables: receivables(),
            customers: [7: CustomerState(phoneNumbers: ["+33 4 00 00 00 00"], postalAddress: ["4 place des Terreaux", "69001 Lyon"])],
            terms: terms))
        #expect(plan.contacts.isEmpty)
        return try #require(plan.tasks.first { $0.kind == .formalNotice }, "no formal notice planned: \(plan.decisions.map(\.reason))")
    }

    static let creditor = CreditorProfile(
        legalName: "Atelier Lumière SARL", addressLines: ["12 rue de l'Épée", "69002 Lyon"], siren: "812 345 678",
        vatNumber: "FR45812345678", iban: "FR7630006000011234567890189", bic: "AGRIFRPPXXX", phone: "+33 4 78 00 00 00",
        email: EmailAddress("compta@atelier-lumiere.fr"), signature: "Élodie Martin, service comptabilité",
        rcs: "RCS Lyon 812 345 678")

    static func composer() throws -> DocumentComposer {
        DocumentComposer(renderer: try TemplateRenderer(files: try OutboundSupport.shippedTemplates()), creditor: creditor, language: .french)
    }

    @Test("the context splits demanded and also-outstanding invoices, with the hand-checked amounts")
    func context() throws {
        let task = try Self.plannedTask()
        let context = LetterContextBuilder.build(task: task, language: .french, today: Self.today, creditor: Self.creditor)
        let letter = try #require(context.letter)
        #expect(letter.demanded.map(\.number) == ["F2026-0100", "F2026-0110"])
        #expect(letter.alsoOutstanding.map(\.number) == ["F2026-0130"])
        #expect(letter.demanded.map(\.claimed) == ["1\u{202F}500,00\u{00A0}€", "800,00\u{00A0}€"])
        #expect(letter.demanded.map(\.daysLate) == ["51", "37"])
        #expect(letter.demanded.map(\.interest) == ["25,34\u{00A0}€", "9,78\u{00A0}€"])
        #expect(letter.demanded[0].isPartlyPaid && letter.demanded[0].hasCredit && !letter.demanded[1].hasCredit)
        #expect(letter.alsoOutstanding[0].interest == nil && letter.alsoOutstanding[0].indemnity == nil)
        #expect(letter.credits == [ReminderContext.Letter.Credit(credit: "AV2026-0007", invoice: "F2026-0100", amount: "500,00\u{00A0}€",
                                                                              date: "10/06/2026", longDate: "10\u{00A0}juin\u{00A0}2026")])
        #expect(letter.principal == "2\u{202F}300,00\u{00A0}€")
        #expect(letter.interest == "35,12\u{00A0}€")
        #expect(letter.indemnities == "80,00\u{00A0}€")
        #expect(letter.total == "2\u{202F}415,12\u{00A0}€")
        #expect(letter.rates.map(\.rate) == ["12,15\u{00A0}%", "12,00\u{00A0}%"])
        #expect(letter.rates.map(\.semester) == ["1er\u{00A0}semestre\u{00A0}2026", "2e\u{00A0}semestre\u{00A0}2026"])
        #expect(letter.missingRates == nil)
        #expect(letter.deadline == "29\u{00A0}juillet\u{00A0}2026" && letter.deadlineDays == "8")
        #expect(letter.place == "Lyon")
        #expect(context.customer.addressLines == ["4 place des Terreaux", "69001 LYON"])
        // Only what happened: the two emails sent and the call with its outcome, not the cancelled email.
        #expect(context.priorActions.map(\.date) == ["5\u{00A0}juin\u{00A0}2026", "19\u{00A0}juin\u{00A0}2026", "29\u{00A0}juin\u{00A0}2026"])
        #expect(context.priorActions[2].description == "appel téléphonique : sans réponse (factures F2026-0100, F2026-0110)")
    }

    @Test("the French formal notice is one self-contained, printable, escaped HTML page")
    func formalNoticePage() throws {
        let task = try Self.plannedTask()
        let document = try #require(try Self.composer().compose(task, today: Self.today))
        guard case .letter(let letter) = document else { Issue.record("a formal notice is a letter"); return }
        let html = letter.html
        #expect(letter.language == .french)
        // The subject is one line of plain spaces (TemplateRenderer.singleLine), for a mail client or a title.
        #expect(letter.subject == "Mise en demeure de payer – 2 415,12 € au plus tard le 29 juillet 2026")
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("@page { size: A4;"))
        for external in ["http://", "https://", "<link", "<script", "url("] {
            #expect(!html.contains(external), "the page must not load or run anything: found \(external)")
        }
        // The one image is the payment QR code, inside the page (a data: URI).
        #expect(html.components(separatedBy: "src=").count == 2 && html.contains(#"<img src="data:image/svg+xml;base64,"#))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Ébène &amp; Fils"))
        #expect(html.contains("Lyon, le 21\u{00A0}juillet\u{00A0}2026"))
        #expect(html.contains("RCS Lyon 812 345 678<br>SIREN 812 345 678 – TVA intracommunautaire FR45812345678"))
        #expect(html.contains("4 place des Terreaux<br>"))
        #expect(html.contains("mettons en demeure de nous régler la somme de 2\u{202F}415,12\u{00A0}€ au plus tard le 29\u{00A0}juillet\u{00A0}2026, soit dans un délai de 8 jours."))
        #expect(html.contains("sans autre avis une procédure judiciaire"))
        #expect(html.contains("40\u{00A0}€") && html.contains("D. 441-5"))
        #expect(html.contains("<td class=\"num\">35,12\u{00A0}€</td>") && html.contains("<td class=\"num\">80,00\u{00A0}€</td>"))
        #expect(html.contains("AV2026-0007 du 10/06/2026 (500,00\u{00A0}€) imputé sur la facture F2026-0100"))
        #expect(html.contains("12,00\u{00A0}% pour le 2e\u{00A0}semestre\u{00A0}2026"))
        #expect(html.contains("IBAN : <strong>FR76 3000 6000 0112 3456 7890 189</strong>"))
        #expect(!html.contains("4\u{00A0}juin\u{00A0}2026"))
        // The invoice only outstanding comes after the sentence saying it is not demanded (one: in the singular).
        let notDemanded = try #require(html.range(of: "la facture suivante est également échue et reste à régler ; elle ne fait pas l'objet de la présente demande"))
        let other = try #require(html.range(of: "F2026-0130"))
        #expect(other.lowerBound > notDemanded.upperBound)
        #expect(!html.contains("{{"))
    }

    @Test("every letter template renders in both languages")
    func everyLetter() throws {
        let renderer = try TemplateRenderer(files: try OutboundSupport.shippedTemplates())
        var task = try Self.plannedTask()
        for (kind, step) in [(PlannedTask.Kind.letter, "formal-letter"), (.registeredLetter, "registered-letter"), (.formalNotice, "formal-notice")] {
            task.kind = kind
            task.step = PolicyStep(name: step, channel: kind.channel!, trigger: .afterPrevious(days: 10))
            for language in Language.allCases {
                let composer = DocumentComposer(renderer: renderer, creditor: Self.creditor, language: language)
                var localized = task
                localized.customer.language = language
                let letter = try composer.letter(localized, today: Self.today)
                #expect(letter.language == language)
                #expect(letter.html.contains(language == .french ? "2\u{202F}415,12\u{00A0}€" : "€2,415.12"))
                #expect(letter.html.contains("F2026-0100") && letter.text.contains("F2026-0110"))
                #expect(!letter.html.contains("{{") && !letter.text.contains("{{") && !letter.subject.isEmpty)
                let registered = language == .french ? "Lettre recommandée avec accusé de réception" : "Registered letter with acknowledgement of receipt"
                #expect(letter.html.contains(registered) == (kind != .letter))
            }
        }
    }

    @Test("a legal action gets a dossier: invoices and actions as CSV, a summary with the procedure")
    func dossier() throws {
        var task = try Self.plannedTask()
        task.kind = .legalAction
        task.step = PolicyStep(name: "legal-action", channel: .legalAction, trigger: .afterPrevious(days: 15))
        task.proposedProcedure = LegalProcedure.proposed(for: try #require(task.breakdown))
        let document = try #require(try Self.composer().compose(task, today: Self.today))
        guard case .dossier(let files) = document else { Issue.record("a legal action is a dossier"); return }
        #expect(files.map(\.name) == ["invoices.csv", "actions.csv", "summary.html"])
        let invoices = files[0].contents.components(separatedBy: "\r\n")
        #expect(invoices[0] == "number,issue_date,due_date,currency,total,open,claimed,days_late,interest,indemnity,demanded")
        #expect(invoices[1] == "F2026-0100,2026-05-01,2026-05-31,EUR,3000.00,2000.00,1500.00,51,25.34,40.00 EUR,yes")
        #expect(invoices[2] == "F2026-0110,2026-05-15,2026-06-14,EUR,800.00,800.00,800.00,37,9.78,40.00 EUR,yes")
        #expect(invoices[3] == "F2026-0130,2026-06-01,2026-07-01,EUR,600.00,600.00,600.00,20,,,no")
        let actions = files[1].contents.components(separatedBy: "\r\n")
        #expect(actions == ["date,action,channel,outcome,invoices", "2026-06-05,first-reminder,email,,F2026-0100",
                            "2026-06-19,first-reminder,email,,F2026-0110", "2026-06-29,phone-call,phone,no answer,F2026-0100 F2026-0110", ""])
        let summary = files[2].contents
        #expect(summary.contains("procédure simplifiée de recouvrement des petites créances"))
        #expect(summary.contains("2\u{202F}415,12\u{00A0}€") && summary.contains("@page { size: A4;"))
        #expect(summary.contains("&lt;script&gt;") && !summary.contains("<script"))
    }

    @Test("a big claim proposes an injonction de payer")
    func orderForPayment() throws {
        var task = try Self.plannedTask()
        task.kind = .legalAction
        task.proposedProcedure = .orderForPayment
        let summary = DossierComposer(creditor: Self.creditor, language: .french).summaryHTML(task, today: Self.today)
        #expect(summary.contains("injonction de payer devant le tribunal de commerce"))
    }

    @Test("a breakdown with a missing rate still renders, and says so")
    func missingRate() throws {
        var task = try Self.plannedTask()
        let missing = MissingRate(semester: Semester(year: 2026, half: 2)!, table: "ECB")
        var breakdown = try #require(task.breakdown)
        breakdown.missingRates = [missing]
        breakdown.lines = breakdown.lines.map { var line = $0; line.interest = nil; return line }
        task.breakdown = breakdown
        let letter = try Self.composer().letter(task, today: Self.today)
        #expect(letter.html.contains("n'ont pas pu être calculées pour le 2e\u{00A0}semestre\u{00A0}2026, faute de taux publié à ce jour ; elles restent dues."))
        #expect(letter.html.contains("2\u{202F}380,00\u{00A0}€"))
    }

    @Test("the shipped templates pass the check with the letter documents required")
    func checkerRequiresDocuments() throws {
        var files = try OutboundSupport.shippedTemplates()
        #expect(TemplateChecker(requiredDocuments: TemplateChecker.defaultDocumentNames).check(files: files).isEmpty)
        files["en/formal-notice.html.mustache"] = nil
        let problems = TemplateChecker(requiredDocuments: TemplateChecker.defaultDocumentNames).check(files: files)
        #expect(problems.map(\.file) == ["en/formal-notice.html.mustache"])
        #expect(problems.first?.code == .missingTemplate)
    }
}

@Suite("Printed documents: how prior actions are recalled")
struct PriorActionTextTests {
    static let day = CivilDate(iso8601: "2026-10-05")!

    @Test("outcomes in the letter's language, internal wording left out", arguments: [
        (TaskOutcome.promisedToPay(on: CivilDate(iso8601: "2026-10-20")!), PolicyStep.Channel.phone,
         "appel téléphonique : promesse de paiement pour le 20\u{00A0}octobre\u{00A0}2026", "Phone call: promised to pay on 20 October 2026"),
        (.promisedToPay(on: CivilDate(iso8601: "2027-01-15")!, amount: Money(minorUnits: 91_200, currency: .euro)), .phone,
         "appel téléphonique : promesse de paiement de 912,00\u{00A0}€ pour le 15\u{00A0}janvier\u{00A0}2027", "Phone call: promised to pay €912.00 on 15 January 2027"),
        (.letterSent(trackingNumber: "1A23456789012"), .registeredLetter,
         "lettre recommandée avec accusé de réception : envoyée sous le n°\u{00A0}1A23456789012",
         "Registered letter with acknowledgement of receipt: sent under tracking number 1A23456789012"),
        (.acknowledged(on: CivilDate(iso8601: "2026-10-09")!), .formalNotice,
         "mise en demeure : accusé de réception signé le 9\u{00A0}octobre\u{00A0}2026", "Formal notice: acknowledgement of receipt signed on 9 October 2026"),
        (.done(note: "internal note"), .letter, "lettre de relance", "Reminder letter"),
        // An English customer reads what was noted, not « disputes invoice … » with no subject.
        (.dispute(invoices: ["F2026-0100"]), .phone, "appel téléphonique : contestation de la facture F2026-0100",
         "Phone call: invoice F2026-0100 disputed"),
        (.dispute(invoices: ["F2026-0100", "F2026-0110"]), .phone, "appel téléphonique : contestation des factures F2026-0100, F2026-0110",
         "Phone call: invoices F2026-0100, F2026-0110 disputed"),
        (.dispute(invoices: []), .phone, "appel téléphonique : contestation des factures", "Phone call: invoices disputed"),
        (.noAnswer, .phone, "appel téléphonique : sans réponse", "Phone call: no answer"),
        (.wrongNumber(), .phone, "appel téléphonique : numéro erroné", "Phone call: wrong number"),
        (.paid(), .phone, "appel téléphonique : règlement annoncé", "Phone call: payment announced"),
        // A letter sent without its number: nothing more to say than the letter itself.
        (.letterSent(trackingNumber: nil), .letter, "lettre de relance", "Reminder letter"),
    ])
    func outcomes(outcome: TaskOutcome, channel: PolicyStep.Channel, french: String, english: String) {
        let action = RelanceCore.PriorAction(on: Self.day, step: "x", channel: channel, invoices: [], detail: outcome.summary)
        #expect(PriorActionText.describe(action, language: .french) == french)
        #expect(PriorActionText.describe(action, language: .english) == english)
    }

    @Test("a contact made by hand says nothing of where it was recorded")
    func manualContact() {
        let action = RelanceCore.PriorAction(on: Self.day, step: "contact", channel: nil, invoices: [],
                                             detail: "contact made by hand before Relance (contacts file)")
        #expect(PriorActionText.describe(action, language: .french) == "prise de contact")
        #expect(PriorActionText.describe(action, language: .english) == "Contact")
    }
}

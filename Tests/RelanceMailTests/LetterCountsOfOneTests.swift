import Foundation
import RelanceCore
import Testing
@testable import RelanceMail

/// What a French reviewer found in the letters and reminders, each line pinned word for word in
/// both languages: a count of one is singular (a one-day deadline, one credit deducted, one
/// invoice demanded or also outstanding), the customer's account code is labelled as ours for
/// them (not "Vos références", which is the recipient's own), a promise is "pour le" a date, and
/// the fixed recovery indemnity comes from the amount formatter (`40 €` / `€40`, never
/// "40 euros"). `scripts/render-demands.sh` takes pictures of the pages kept here.
@Suite("Printed documents and reminders: counts of one, references, the indemnity")
struct LetterCountsOfOneTests {
    static let one = LetterDocumentTests.day("2026-07-21")

    /// LetterDocumentTests' case with one invoice demanded (F2026-0100, with the credit note set
    /// against it), one other outstanding, and a formal notice giving one day to pay.
    static func oneOfEach() throws -> PlannedTask {
        var policy = LetterDocumentTests.policy
        policy.formalNoticeDeadlineDays = 1
        let plan = Planner.plan(PlanningInput(
            creditor: CreditorID("atelier")!, today: LetterDocumentTests.today, policy: policy,
            receivables: LetterDocumentTests.receivables().filter { $0.number != "F2026-0110" },
            customers: [7: CustomerState(phoneNumbers: ["+33 4 00 00 00 00"], postalAddress: ["4 place des Terreaux", "69001 Lyon"])],
            terms: LetterDocumentTests.terms))
        return try #require(plan.tasks.first { $0.kind == .formalNotice }, "no formal notice planned: \(plan.decisions.map(\.reason))")
    }

    static func letter(_ task: PlannedTask, _ language: Language, step: String = "formal-notice") throws -> PrintableLetter {
        var task = task
        task.step = PolicyStep(name: step, channel: .formalNotice, trigger: .afterPrevious(days: 10))
        return try FrenchLetterWordingTests.letter(task, language: language)
    }

    @Test("the case: one invoice demanded, one credit, one other outstanding, one day to pay")
    func theCase() throws {
        let task = try Self.oneOfEach()
        #expect(task.invoices.map(\.receivable.number) == ["F2026-0100"])
        #expect(task.alsoOutstanding.map(\.receivable.number) == ["F2026-0130"])
        #expect(task.demand.credits.map(\.credit) == ["AV2026-0007"])
        #expect(task.paymentDeadline == LetterDocumentTests.day("2026-07-22"))
    }

    // MARK: - (a) A one-day deadline

    @Test("a formal notice giving one day says “1 jour” / “1 day”")
    func oneDay() throws {
        let task = try Self.oneOfEach()
        let french = try Self.letter(task, .french)
        try DemandFiguresTests.keepForRendering(french.html, as: "letter-formal-notice-one-of-each.html")
        for body in [french.text, french.html] {
            #expect(body.contains("nous régler la somme de 1\u{202F}565,34\u{00A0}€ au plus tard le 22\u{00A0}juillet\u{00A0}2026, soit dans un délai de 1 jour."))
            #expect(!body.contains("délai de 1 jours"))
        }
        let english = try Self.letter(task, .english)
        try DemandFiguresTests.keepForRendering(english.html, as: "letter-formal-notice-one-of-each-en.html")
        for body in [english.text, english.html] {
            #expect(body.contains("to pay the sum of €1,565.34 by 22 July 2026 at the latest, that is within 1 day."))
        }
    }

    @Test("eight days stay “8 jours” / “8 days”")
    func eightDays() throws {
        let task = try LetterDocumentTests.plannedTask()
        for body in [try Self.letter(task, .french).text, try Self.letter(task, .french).html] {
            #expect(body.contains("au plus tard le 29\u{00A0}juillet\u{00A0}2026, soit dans un délai de 8 jours."))
        }
        for body in [try Self.letter(task, .english).text, try Self.letter(task, .english).html] {
            #expect(body.contains("by 29 July 2026 at the latest, that is within 8 days."))
        }
    }

    // MARK: - (b) One credit deducted, one invoice demanded, one other outstanding

    @Test("one credit, one demanded invoice, one other outstanding: singular in every letter", arguments: [
        "formal-letter", "registered-letter", "formal-notice",
    ])
    func singular(step: String) throws {
        let task = try Self.oneOfEach()
        let french = try Self.letter(task, .french, step: step)
        #expect(french.html.contains("<p class=\"note\">L'avoir ou règlement non affecté suivant a été déduit :\nAV2026-0007 du 10/06/2026 (500,00\u{00A0}€) imputé sur la facture F2026-0100.\n</p>"))
        #expect(french.html.contains("<tr><th>Indemnité forfaitaire pour frais de recouvrement (40\u{00A0}€ par facture)</th><td class=\"num\">40,00\u{00A0}€</td></tr>"))
        #expect(french.text.contains("\n  Indemnité forfaitaire pour frais de recouvrement (40\u{00A0}€ par facture) : 40,00\u{00A0}€\n"))
        // One invoice demanded has one due date (the note read « du lendemain de chaque échéance »).
        #expect(french.html.contains("<p class=\"note\">Pénalités de retard calculées du lendemain de l'échéance au 21\u{00A0}juillet\u{00A0}2026 inclus, au taux annuel de\n"))
        for body in [french.text, french.html] {
            #expect(body.contains("Pour information, la facture suivante est également échue et reste à régler ; elle ne fait pas l'objet de la présente demande :"))
            #expect(!body.contains("avoirs et règlements non affectés suivants") && !body.contains("Indemnités forfaitaires"))
        }
        let english = try Self.letter(task, .english, step: step)
        #expect(english.html.contains("<p class=\"note\">The following credit note or unapplied payment has been deducted:\nAV2026-0007 dated 10 June 2026 (€500.00) set against invoice F2026-0100.\n</p>"))
        #expect(english.html.contains("<tr><th>Fixed recovery indemnity (€40 per invoice)</th><td class=\"num\">€40.00</td></tr>"))
        #expect(english.text.contains("\n  Fixed recovery indemnity (€40 per invoice): €40.00\n"))
        #expect(english.html.contains("<p class=\"note\">Interest runs from the day after the due date up to and including 21 July 2026, at the annual rate of\n"))
        for body in [english.text, english.html] {
            #expect(body.contains("For your information, the following invoice is also past due and remains unpaid; it is not the subject of this letter:"))
        }
    }

    @Test("two credits and two invoices stay plural; one credit note set against two invoices is one credit")
    func plural() throws {
        let renderer = try FrenchLetterWordingTests.renderer()
        for (language, several, one) in [
            (Language.french, "<p class=\"note\">Les avoirs et règlements non affectés suivants ont été déduits :",
             "<p class=\"note\">L'avoir ou règlement non affecté suivant a été déduit :"),
            (.english, "<p class=\"note\">The following credit notes and unapplied payments have been deducted:",
             "<p class=\"note\">The following credit note or unapplied payment has been deducted:"),
        ] {
            var context = ReminderContext.sample(language: language)
            let first = try #require(context.letter?.credits.first)
            context.letter?.credits.append(.init(credit: "AV2026-0011", invoice: "F2026-0117", amount: first.amount))
            #expect(try #require(try renderer.render("formal-notice", language: language, context: context).html).contains(several))
            context.letter?.credits[1].credit = first.credit
            #expect(try #require(try renderer.render("formal-notice", language: language, context: context).html).contains(one))
        }
        let task = try LetterDocumentTests.plannedTask()
        let french = try Self.letter(task, .french)
        #expect(french.text.contains("\n  Indemnités forfaitaires pour frais de recouvrement (40\u{00A0}€ par facture) : 80,00\u{00A0}€\n"))
        let english = try Self.letter(task, .english)
        #expect(english.text.contains("\n  Fixed recovery indemnities (€40 per invoice): €80.00\n"))
        #expect(french.html.contains("<p class=\"note\">Pénalités de retard calculées du lendemain de chaque échéance au 21\u{00A0}juillet\u{00A0}2026 inclus"))
        #expect(english.html.contains("<p class=\"note\">Interest runs from the day after each due date up to and including 21 July 2026"))
    }

    // MARK: - (c) The customer's account is ours for them

    @Test("the account code is labelled “Votre compte client n°”, the reference to quote “Nos références” when it is another")
    func references() throws {
        let task = try Self.oneOfEach()
        // The default reference is the account code: shown once, not twice.
        let french = try Self.letter(task, .french)
        #expect(french.html.contains("<p class=\"refs\">Votre compte client n°&nbsp;C042</p>"))
        #expect(french.text.contains("\nVotre compte client n°\u{00A0}C042\n"))
        let english = try Self.letter(task, .english)
        #expect(english.html.contains("<p class=\"refs\">Your customer account no. C042</p>"))
        #expect(english.text.contains("\nYour customer account no. C042\n"))
        // An RF creditor reference (one invoice demanded) is another: named after the account.
        var creditor = LetterDocumentTests.creditor
        creditor.paymentReference = .rf
        var rfTask = task
        rfTask.customer.language = .french
        let rf = try DocumentComposer(renderer: try FrenchLetterWordingTests.renderer(), creditor: creditor, language: .french)
            .letter(rfTask, today: LetterDocumentTests.today)
        let reference = PaymentReferenceStyle.rf.reference(customer: "C042", invoices: ["F2026-0100"])
        #expect(reference.hasPrefix("RF"))
        #expect(rf.text.contains("\nVotre compte client n°\u{00A0}C042 – Nos références : \(reference)\n"), "\(rf.text)")
        #expect(rf.html.contains("<p class=\"refs\">Votre compte client n°&nbsp;C042<br>Nos références : \(reference)</p>"))
        for body in [french.text, french.html, english.text, english.html, rf.text] {
            #expect(!body.contains("Vos références") && !body.contains("Your reference"))
        }
    }

    // MARK: - (e) The fixed recovery indemnity, from the amount formatter

    @Test("the second reminder states the indemnity as the amounts are written: “40 €” / “€40”")
    func secondReminderIndemnity() throws {
        let renderer = try FrenchLetterWordingTests.renderer()
        let english = try renderer.render("second-reminder", language: .english, context: ReminderContext.sample(language: .english))
        try DemandFiguresTests.keepForRendering(try #require(english.html), as: "email-second-reminder-en.html")
        for body in [english.text, try #require(english.html)] {
            #expect(body.contains("late payment automatically incurs late-payment interest and a fixed recovery indemnity of €40 per invoice."))
            #expect(!body.contains("euros"))
        }
        let french = try renderer.render("second-reminder", language: .french, context: ReminderContext.sample(language: .french))
        for body in [french.text, try #require(french.html)] {
            #expect(body.contains("ainsi qu'à une indemnité forfaitaire pour frais de recouvrement de 40\u{00A0}€ par facture."))
        }
    }

    @Test("no shipped template writes the indemnity's amount itself")
    func noHardCodedIndemnity() throws {
        for (path, text) in try OutboundSupport.shippedTemplates() {
            for written in ["40\u{00A0}€", "40 €", "€40", "40 euros", "40 EUR"] {
                #expect(!text.contains(written), "\(path) writes \(written)")
            }
        }
    }

    // MARK: - The emails: one invoice, one credit

    /// The sample's first invoice alone, with its credit note.
    static func oneInvoiceContext(_ language: Language) -> ReminderContext {
        let sample = ReminderContext.sample(language: language)
        let euro = Currency.euro
        return ReminderContextBuilder.build(
            language: language, today: CivilDate(year: 2026, month: 11, day: 30)!, creditor: LetterDocumentTests.creditor,
            customerID: "C042", customerName: sample.customer.name,
            invoices: [OpenItem(customer: "C042", customerName: sample.customer.name, invoice: "F2026-0117",
                                issued: CivilDate(year: 2026, month: 9, day: 15), due: CivilDate(year: 2026, month: 10, day: 15),
                                open: Money(minorUnits: 123_456, currency: euro), total: Money(minorUnits: 153_456, currency: euro))],
            paymentReference: "C042",
            statutory: StatutoryAmounts(interest: [Money(minorUnits: 1_587, currency: euro)], indemnity: Money(minorUnits: 4_000, currency: euro)),
            allocations: [CreditAllocation(credit: "AV2026-0009", invoice: "F2026-0117", amount: Money(minorUnits: 10_000, currency: euro),
                                           creditIssued: CivilDate(year: 2026, month: 10, day: 20))])
    }

    @Test("a reminder about one invoice with one credit says so in its totals and its indemnity")
    func emailsSingular() throws {
        let renderer = try FrenchLetterWordingTests.renderer()
        let french = try renderer.render("final-reminder", language: .french, context: Self.oneInvoiceContext(.french))
        try DemandFiguresTests.keepForRendering(try #require(french.html), as: "email-final-reminder-one-invoice.html")
        #expect(french.text.contains("\n  Restant dû sur la facture : 1\u{202F}234,56\u{00A0}€ ; avoir déduit : −100,00\u{00A0}€\n"))
        #expect(french.text.contains("\n  - indemnité forfaitaire pour frais de recouvrement : 40,00\u{00A0}€\n"))
        let frenchHTML = try #require(french.html)
        #expect(frenchHTML.contains("<td colspan=\"2\">Restant dû sur la facture</td>") && frenchHTML.contains("<td colspan=\"2\">Avoir déduit</td>"))
        #expect(frenchHTML.contains("<li>indemnité forfaitaire pour frais de recouvrement : 40,00\u{00A0}€</li>"))
        let english = try renderer.render("final-reminder", language: .english, context: Self.oneInvoiceContext(.english))
        #expect(english.text.contains("\n  Outstanding on the invoice: €1,234.56; credit deducted: −€100.00\n"))
        #expect(english.text.contains("\n  - fixed recovery indemnity: €40.00\n"))
        let englishHTML = try #require(english.html)
        #expect(englishHTML.contains("<td colspan=\"2\">Outstanding on the invoice</td>") && englishHTML.contains("<td colspan=\"2\">Credit deducted</td>"))
    }

    @Test("a reminder about two invoices keeps its plurals")
    func emailsPlural() throws {
        let renderer = try FrenchLetterWordingTests.renderer()
        let french = try renderer.render("final-reminder", language: .french, context: ReminderContext.sample(language: .french))
        #expect(french.text.contains("\n  Restant dû sur les factures : 1\u{202F}714,56\u{00A0}€ ; avoir déduit : −100,00\u{00A0}€\n"))
        #expect(french.text.contains("\n  - indemnités forfaitaires pour frais de recouvrement : 80,00\u{00A0}€\n"))
        let english = try renderer.render("final-reminder", language: .english, context: ReminderContext.sample(language: .english))
        #expect(english.text.contains("\n  Outstanding on the invoices: €1,714.56; credit deducted: −€100.00\n"))
        #expect(english.text.contains("\n  - fixed recovery indemnities: €80.00\n"))
    }

    // MARK: - The collection dossier

    @Test("the dossier names one invoice, one other and one indemnity in the singular, in both languages")
    func dossierSingular() throws {
        var task = try Self.oneOfEach()
        task.kind = .legalAction
        task.proposedProcedure = .smallClaims
        let french = DossierComposer(creditor: LetterDocumentTests.creditor, language: .french).summaryHTML(task, today: LetterDocumentTests.today)
        #expect(french.contains("<tr><th>Indemnité forfaitaire (40\u{00A0}€ par facture)</th><td>40,00\u{00A0}€</td></tr>"))
        #expect(french.contains("Facture réclamée : F2026-0100<br>Autre facture impayée (non réclamée ici) : F2026-0130</p>"))
        let english = DossierComposer(creditor: LetterDocumentTests.creditor, language: .english).summaryHTML(task, today: LetterDocumentTests.today)
        #expect(english.contains("<tr><th>Fixed recovery indemnity (€40 per invoice)</th><td>€40.00</td></tr>"))
        #expect(english.contains("Invoice claimed: F2026-0100<br>Other unpaid invoice (not claimed here): F2026-0130</p>"))
    }
}

import Foundation
import RelanceCore
import Testing
@testable import RelanceMail

/// What an English-speaking credit controller found in what an English debtor reads, each line
/// pinned word for word on the shipped templates and the real composers: an invoice is "dated"
/// a day (not "of" it, a French « du »), the French law is cited one way everywhere ("Article
/// L. 441-10", as the emails already did), "please disregard this letter" cannot be read as
/// "disregard your payment", and the French set phrases (« relances successives », « nous
/// restons à votre disposition ») are said as an English letter says them. The collection
/// dossier names a missing rate's semester in words, without the relance.toml line an agency
/// cannot act on.
@Suite("What an English debtor reads: emails, letters, the dossier")
struct EnglishDebtorWordingTests {
    static func email(_ name: String) throws -> RenderedReminder {
        try FrenchLetterWordingTests.renderer().render(name, language: .english, context: ReminderContext.sample(language: .english))
    }

    static func letter(_ step: String, task: PlannedTask? = nil) throws -> PrintableLetter {
        var task = try task ?? LetterDocumentTests.plannedTask()
        task.step = PolicyStep(name: step, channel: .formalNotice, trigger: .afterPrevious(days: 10))
        return try FrenchLetterWordingTests.letter(task, language: .english)
    }

    @Test("an email dates its invoices and credit notes with “dated”")
    func emailsDateInvoices() throws {
        let first = try Self.email("first-reminder")
        #expect(first.text.contains("  - Invoice F2026-0117 dated 15 Sep 2026, due 15 Oct 2026: €1,234.56 outstanding (of €1,534.56), 46 days overdue\n"))
        #expect(first.text.contains("      credit note AV2026-0009 dated 20 Oct 2026 deducted: −€100.00\n"))
        #expect(try #require(first.html).contains("Credit note AV2026-0009 <span style=\"white-space: nowrap;\">dated 20 Oct 2026</span></td>"))
        let courtesy = try Self.email("courtesy-reminder")
        #expect(courtesy.text.contains("  - Invoice F2026-0117 dated 15 Sep 2026: €1,234.56, payable by 15 Oct 2026\n"))
        for body in [first.text, try #require(first.html), courtesy.text, try #require(courtesy.html)] {
            #expect(!body.contains(" of 15 Sep") && !body.contains(" of 20 Oct"))
        }
    }

    /// One word per meaning, as the digest, the tasks and the console say them: « Phone: » (the
    /// letterhead said « Tel. », the signature « Phone: »), « Due date » (the emails' table said
    /// « Due », the letters « Due date »).
    @Test("emails and letters say « Phone: » and « Due date »", arguments: ["first-reminder", "formal-notice"])
    func oneWordPerMeaning(step: String) throws {
        let html = try #require(try Self.email(step).html)
        #expect(html.contains("<th>Due date</th>"), "\(html)")
        #expect(html.contains("Phone: +33 4 78 00 00 00"), "\(html)")
        #expect(!html.contains("<th>Due</th>") && !html.contains("Tel."), "\(html)")
    }

    @Test("the emails' closing sentences are English set phrases")
    func emailSetPhrases() throws {
        let first = try Self.email("first-reminder")
        for body in [first.text, try #require(first.html)] {
            #expect(body.contains("If you have any questions about these amounts, simply reply to this email."))
        }
        let courtesy = try Self.email("courtesy-reminder")
        for body in [courtesy.text, try #require(courtesy.html)] {
            #expect(body.contains("If payment has already been scheduled, thank you, and please disregard this message. Please do not hesitate to contact us if you have any questions."))
        }
        let final = try Self.email("final-reminder")
        for body in [final.text, try #require(final.html)] {
            #expect(body.contains("Despite our repeated reminders, the following invoices remain unpaid:"))
            #expect(body.contains("Under Articles L. 441-10 and D. 441-5 of the French Commercial Code, these amounts are automatically increased by:"))
        }
    }

    @Test("the payment QR code's line names the beneficiary as the bank details above it do")
    func paymentQRLine() throws {
        var context = ReminderContext.sample(language: .english)
        context.paymentQR = "cid:epc-qr@relance"
        let html = try #require(try FrenchLetterWordingTests.renderer().render("first-reminder", language: .english, context: context).html)
        #expect(html.contains("Beneficiary: Atelier Lumière SARL<br>"))
        #expect(html.contains("Scan this code with your banking app to fill in the transfer (beneficiary, IBAN, amount and reference).</p>"))
        #expect(!html.contains("payee"))
    }

    @Test("every letter cites the French Commercial Code as the emails do", arguments: [
        ("formal-letter", "Under our terms of sale and Articles L. 441-10 and D. 441-5 of the French Commercial Code, late payment"),
        ("registered-letter", "Under Articles L. 441-10 and D. 441-5 of the French Commercial Code, these amounts"),
        ("formal-notice", "Under Article L. 441-10 of the French Commercial Code, these amounts automatically bear late-payment interest, and each invoice paid late gives rise to a fixed indemnity of €40 for recovery costs (Article D. 441-5 of the French Commercial Code)."),
    ])
    func lawCited(step: String, sentence: String) throws {
        let letter = try Self.letter(step)
        for body in [letter.text, letter.html] {
            #expect(body.contains(sentence))
            #expect(!body.contains("L441") && !body.contains("D441") && !body.contains("article "))
            // "disregard it" after "your payment" read as "disregard your payment".
            #expect(body.contains("If your payment and this letter have crossed in the post, please disregard this letter."))
        }
    }

    @Test("a letter dates its credits with “dated”, and the interest runs “up to and including” the day")
    func lettersDateCredits() throws {
        let letter = try Self.letter("formal-notice", task: try LetterCountsOfOneTests.oneOfEach())
        // The HTML letter recalls its credits in a sentence: the month in full, as the deadline is said.
        #expect(letter.html.contains("AV2026-0007 dated 10 June 2026 (€500.00) set against invoice F2026-0100.\n"))
        #expect(letter.text.contains("  (credit AV2026-0007 dated 10 Jun 2026, €500.00, deducted from invoice F2026-0100)\n"))
        #expect(letter.text.contains("  - invoice F2026-0100 dated "))
        #expect(letter.html.contains("<p class=\"note\">Interest runs from the day after the due date up to and including 21 July 2026, at the annual rate of\n"))
    }

    @Test("two missing rates are not said in the singular; the final reminder's total is a sentence")
    func missingRatesAndTotal() throws {
        let task = try FrenchLetterWordingTests.withMissingRates([FrenchLetterWordingTests.s2026, FrenchLetterWordingTests.s2027])
        let two = try FrenchLetterWordingTests.letter(task, language: .english)
        #expect(two.html.contains("<p class=\"warning\">Interest could not be computed for the second half of 2026 and the first half of 2027, as no rate has been published yet; it remains due.</p>"))
        #expect(two.text.contains("  Interest not computed for the second half of 2026 and the first half of 2027, as no rate has been published yet; it remains due.\n"))
        let final = try Self.email("final-reminder")
        #expect(final.text.contains("\nThat makes a total due of €1,710.43.\n"))
        #expect(try #require(final.html).contains("<p>That makes a total due of <strong>€1,710.43</strong>.</p>"))
    }

    @Test("the dossier names missing semesters in words, singular and plural, without a setting")
    func dossierMissingRates() throws {
        let one = FrenchLetterWordingTests.dossier(try FrenchLetterWordingTests.withMissingRates([FrenchLetterWordingTests.s2026]), language: .english)
        #expect(one.contains("<p class=\"warning\">Late-payment interest not computed for the second half of 2026 (rate not yet published): the amounts above do not include it.</p>"))
        let two = FrenchLetterWordingTests.dossier(
            try FrenchLetterWordingTests.withMissingRates([FrenchLetterWordingTests.s2026, FrenchLetterWordingTests.s2027]), language: .english)
        #expect(two.contains("<p class=\"warning\">Late-payment interest not computed for the second half of 2026 and the first half of 2027 (rates not yet published): the amounts above do not include it.</p>"))
        for summary in [one, two] {
            #expect(!summary.contains("[penalties]") && !summary.contains("2026-S2"))
        }
    }
}

import Foundation
import RelanceCore
import Testing
@testable import RelanceMail

/// The reminder after a broken promise says so, with the day and amount promised, in the
/// message's language; a reminder without one says nothing of it (#13).
@Suite struct BrokenPromiseTemplateTests {
    static func context(_ language: Language, promise: PromiseNotKept?) -> ReminderContext {
        let sample = ReminderContext.sample(language: language)
        let item = OpenItem(customer: "C042", customerName: "Boulangerie Ébène", invoice: "F2026-0117",
                            issued: CivilDate(iso8601: "2026-09-15"), due: CivilDate(iso8601: "2026-10-15"),
                            open: Money(minorUnits: 123_456, currency: .euro), total: nil)
        var context = ReminderContextBuilder.build(
            language: language, today: CivilDate(iso8601: "2026-11-30")!, creditor: CreditorProfile(legalName: sample.creditor.legalName,
                                                                                                      signature: "Élodie Martin"),
            customerID: "C042", customerName: "Boulangerie Ébène", demand: Demand(items: [item], allocations: []),
            paymentReference: "C042", brokenPromise: promise)
        context.statutory = sample.statutory
        return context
    }

    static let promise = PromiseNotKept(promisedFor: CivilDate(iso8601: "2026-11-20")!, amount: Money(minorUnits: 50_000, currency: .euro))

    @Test(arguments: ["first-reminder", "second-reminder", "final-reminder"])
    func theNextReminderSaysThePromiseWasNotKept(step: String) throws {
        let renderer = try TemplateRenderer(files: try OutboundSupport.shippedTemplates())
        let french = try renderer.render(step, language: .french, context: Self.context(.french, promise: Self.promise))
        #expect(french.text.contains("Malgré votre engagement de nous régler 500,00\u{00A0}€ au plus tard le 20\u{00A0}novembre\u{00A0}2026, ce règlement ne nous est pas parvenu : votre promesse de paiement n'a pas été tenue."))
        #expect(try #require(french.html).contains("<strong>Promesse de paiement non tenue.</strong> Malgré votre engagement de nous régler 500,00\u{00A0}€ au plus tard le 20\u{00A0}novembre\u{00A0}2026"))
        let english = try renderer.render(step, language: .english, context: Self.context(.english, promise: Self.promise))
        #expect(english.text.contains("Despite your commitment to pay €500.00 by 20 November 2026, we have not received this payment: your promise to pay was not kept."))
        #expect(try #require(english.html).contains("<strong>Promise to pay not kept.</strong>"))

        // Without an amount (a promise read in a reply), the date alone.
        let dateOnly = PromiseNotKept(promisedFor: CivilDate(iso8601: "2026-11-20")!, amount: nil)
        let plain = try renderer.render(step, language: .french, context: Self.context(.french, promise: dateOnly))
        #expect(plain.text.contains("Malgré votre engagement de nous régler au plus tard le 20\u{00A0}novembre\u{00A0}2026,"))

        // No promise: not a word of one, and no blank line left behind.
        let none = try renderer.render(step, language: .french, context: Self.context(.french, promise: nil))
        #expect(!none.text.contains("Malgré votre engagement") && !(none.html ?? "").contains("Promesse de paiement"))
        #expect(none.text.contains(try Regex("restant dû : [^\\n]+\\n\\n[^\\n]")))
    }
}

import Foundation
import RelanceCore
import Testing
@testable import RelanceMail

/// A reminder must be readable on a phone (390 px) in a mail client that ignores media queries:
/// its tables keep at most three columns, each holding a value that does not wrap (a number, a
/// date, an amount) with the rest on a second line, so that a 12-digit invoice number, a
/// 1 234 567,89 € amount and 3-digit days late fit beside each other. Six columns did not fit
/// in French: « Retard » was cut off. The pixels themselves are checked by
/// scripts/screenshots.sh (headless Chromium), from the HTML this test writes.
@Suite struct ReminderPhoneWidthTests {
    static let steps = TemplateChecker.defaultTemplateNames

    /// The longest values a reminder shows: a 12-digit invoice number, more than a million euros,
    /// 122 days late, a 60-character creditor name, two credits, a broken promise.
    static func longValues(_ language: Language) -> ReminderContext {
        let sample = ReminderContext.sample(language: language)
        let euros = { (minorUnits: Int64) in Money(minorUnits: minorUnits, currency: .euro) }
        let name = "Société Coopérative des Imprimeurs et Relieurs du Rhône SCOP"   // 60 characters
        let customer = "Établissements Hôteliers et Restaurants du Vieux-Lyon Réunis"  // 60 characters
        let items = [
            OpenItem(customer: "C042", customerName: customer, invoice: "202607012345",
                     issued: CivilDate(iso8601: "2026-07-01"), due: CivilDate(iso8601: "2026-07-31"),
                     open: euros(123_456_789), total: euros(123_456_789)),
            OpenItem(customer: "C042", customerName: customer, invoice: "202609154321",
                     issued: CivilDate(iso8601: "2026-09-15"), due: CivilDate(iso8601: "2026-10-15"),
                     open: euros(98_765_432), total: euros(123_456_789)),
        ]
        let credits = [CreditAllocation(credit: "AV202610200001", invoice: "202607012345", amount: euros(1_234_567),
                                        creditIssued: CivilDate(iso8601: "2026-10-20")),
                       CreditAllocation(credit: "AV202611020002", invoice: "202609154321", amount: euros(987_654),
                                        creditIssued: CivilDate(iso8601: "2026-11-02"))]
        var context = ReminderContextBuilder.build(
            language: language, today: CivilDate(iso8601: "2026-11-30")!,
            creditor: CreditorProfile(legalName: name, addressLines: ["Zone artisanale des Grandes Terres, bâtiment C", "69100 Villeurbanne"],
                                      siren: "812 345 678", vatNumber: "FR45812345678", iban: "FR7630006000011234567890189",
                                      bic: "AGRIFRPPXXX", phone: "+33 4 78 00 00 00",
                                      email: EmailAddress("service.comptabilite.recouvrement@imprimeurs-du-rhone.example"),
                                      signature: "Marie-Hélène Vercingétorix-Delacroix, responsable du recouvrement"),
            customerID: "C042", customerName: customer, demand: Demand(items: items, allocations: credits),
            paymentReference: "RF18 2026 0701 2345 C042",
            priorActions: sample.priorActions.map { RelanceMail.PriorAction(date: CivilDate(iso8601: "2026-11-02")!, description: $0.description) },
            statutory: StatutoryAmounts(interest: [euros(4_567_890)], indemnity: euros(8_000)),
            brokenPromise: PromiseNotKept(promisedFor: CivilDate(iso8601: "2026-11-20")!, amount: euros(123_456_789)))
        context.paymentQR = sample.paymentQR
        return context
    }

    /// The widest row of each table in `html`, in columns (a cell spanning two counts two).
    static func columnsPerTable(_ html: String) throws -> [Int] {
        let table = try Regex(#"<table[^>]*>(?s:.*?)</table>"#)
        let row = try Regex(#"<tr[^>]*>(?s:.*?)</tr>"#)
        let cell = try Regex(#"<t[dh](?:\s[^>]*)?>"#)
        let span = try Regex(#"colspan="(\d+)""#)
        return html.matches(of: table).map { match in
            let table = String(html[match.range])
            return table.matches(of: row).map { rowMatch in
                let text = String(table[rowMatch.range])
                return text.matches(of: cell).reduce(0) { count, cellMatch in
                    let tag = String(text[cellMatch.range])
                    let spanned = tag.firstMatch(of: span).flatMap { $0.output[1].substring.flatMap { Int($0) } } ?? 1
                    return count + spanned
                }
            }.max() ?? 0
        }
    }

    @Test(arguments: steps)
    func everyTableOfEveryReminderHasAtMostThreeColumns(step: String) throws {
        let renderer = try TemplateRenderer(files: try OutboundSupport.shippedTemplates())
        for language in Language.allCases {
            for (kind, context) in [("sample", ReminderContext.sample(language: language)), ("long", Self.longValues(language))] {
                let html = try #require(try renderer.render(step, language: language, context: context).html)
                let columns = try Self.columnsPerTable(html)
                #expect(columns.allSatisfy { $0 <= 3 }, "\(language.rawValue)/\(step) (\(kind)): \(columns) columns")
                if let folder = ProcessInfo.processInfo.environment["RELANCE_SCREENSHOT_FOLDER"] {
                    let file = "email-\(step)-\(language.rawValue)" + (kind == "sample" ? ".html" : "-long.html")
                    try Data(html.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(file))
                }
            }
        }
    }

    /// Fewer columns, the same figures: every invoice's number, dates, amounts and days late, and
    /// every credit, still in the HTML, invoices in the same order.
    @Test(arguments: steps)
    func everyFigureIsStillShown(step: String) throws {
        let renderer = try TemplateRenderer(files: try OutboundSupport.shippedTemplates())
        for language in Language.allCases {
            for context in [ReminderContext.sample(language: language), Self.longValues(language)] {
                let html = try #require(try renderer.render(step, language: language, context: context).html)
                let numbers = context.invoices.compactMap { html.range(of: $0.number)?.lowerBound }
                #expect(numbers.count == context.invoices.count && numbers == numbers.sorted(), "\(language.rawValue)/\(step)")
                for invoice in context.invoices {
                    var figures = [invoice.open] + [invoice.issued, invoice.due].compactMap { $0 }
                    figures += invoice.credits.flatMap { [$0.number, $0.amount] + [$0.date].compactMap { $0 } }
                    // The courtesy reminder, before the due date, lists what is left to pay, never a delay.
                    if step != "courtesy-reminder" { figures += [invoice.amount] + (invoice.isOverdue ? [invoice.lateBy] : []) }
                    for figure in figures {
                        #expect(html.contains(figure), "\(language.rawValue)/\(step): \(invoice.number) \(figure)")
                    }
                }
            }
        }
    }
}

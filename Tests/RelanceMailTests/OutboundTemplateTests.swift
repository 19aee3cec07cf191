import Foundation
import RelanceCore
import Testing
@testable import RelanceMail

@Suite("Outbound: templates")
struct OutboundTemplateTests {
    /// A minimal valid template set for one step in one language, to break in each test.
    static let minimal: [String: String] = [
        "fr/first-reminder.subject.mustache": "Relance {{customer.name}}\n",
        "fr/first-reminder.text.mustache": "Bonjour,\n{{#invoices}}\n- {{number}} : {{open}}\n{{/invoices}}\n{{> partials/signature}}\n",
        "fr/first-reminder.html.mustache": "<p>{{customer.name}}</p>\n{{> partials/signature}}\n",
        "fr/partials/signature.text.mustache": "{{creditor.signature}}\n",
        "fr/partials/signature.html.mustache": "<p>{{creditor.signature}}</p>\n",
    ]

    static func check(_ files: [String: String]) -> [TemplateProblem] {
        TemplateChecker(requiredTemplates: ["first-reminder"], languages: [.french]).check(files: files)
    }

    @Test("the shipped templates pass the check in both languages")
    func shippedTemplatesAreClean() throws {
        let files = try OutboundSupport.shippedTemplates()
        #expect(files.count >= 32)
        let problems = TemplateChecker().check(files: files)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("the minimal set is clean, so the failures below come from what each test breaks")
    func minimalIsClean() {
        #expect(Self.check(Self.minimal).isEmpty)
    }

    @Test("an unknown variable is reported with its file, line and column")
    func unknownVariable() throws {
        var files = Self.minimal
        files["fr/first-reminder.text.mustache"] = "Bonjour,\n\nMontant : {{totals.opne}}\n"
        let problems = Self.check(files)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.code == .unknownVariable)
        #expect(problem.file == "fr/first-reminder.text.mustache")
        #expect(problem.line == 3)
        #expect(problem.column == 11)
        #expect(problem.description.hasPrefix("fr/first-reminder.text.mustache:3:11: unknown variable 'totals.opne'"))
    }

    @Test("names resolve by Mustache scope: invoice fields only inside the invoices section")
    func scoping() throws {
        var files = Self.minimal
        files["fr/first-reminder.text.mustache"] = "{{#invoices}}{{number}} {{creditor.iban}} {{customer.name}}{{/invoices}}\n{{number}}\n"
        let problems = Self.check(files)
        #expect(problems.map(\.code) == [.unknownVariable])
        #expect(problems.first?.line == 2)
    }

    @Test("a mistake inside a partial is reported in the partial, in the scope it is included from")
    func partialScope() throws {
        var files = Self.minimal
        files["fr/partials/row.text.mustache"] = "{{number}}\n{{numero}}\n"
        files["fr/first-reminder.text.mustache"] = "{{#invoices}}\n{{> partials/row}}\n{{/invoices}}\n"
        let problems = Self.check(files)
        #expect(problems.count == 1)
        #expect(problems.first?.file == "fr/partials/row.text.mustache")
        #expect(problems.first?.line == 2)
    }

    @Test("missing templates and partials are reported")
    func missing() {
        var files = Self.minimal
        files["fr/first-reminder.subject.mustache"] = nil
        files["fr/partials/signature.html.mustache"] = nil
        let problems = Self.check(files)
        #expect(problems.contains { $0.code == .missingTemplate && $0.file == "fr/first-reminder.subject.mustache" && $0.line == nil })
        #expect(problems.contains { $0.code == .missingPartial && $0.file == "fr/first-reminder.html.mustache" && $0.line == 2 })
        #expect(problems.count == 2)
    }

    @Test("unescaped values in HTML, unsupported tags, unbalanced sections and misplaced files are refused")
    func otherProblems() {
        var files = Self.minimal
        files["fr/first-reminder.html.mustache"] = "<p>{{{customer.name}}}</p>\n<p>{{&customer.id}}</p>\n{{=<% %>=}}\n"
        files["fr/first-reminder.text.mustache"] = "{{#invoices}}\n{{number}}\n"
        files["fr/first-reminder.txt.mustache"] = "x"
        let codes = Self.check(files).map(\.code)
        #expect(codes.filter { $0 == .unescapedInHTML }.count == 2)
        #expect(codes.contains(.unsupportedTag))
        #expect(codes.contains(.syntax))
        #expect(codes.contains(.missingTemplate))
    }

    @Test("a subject that renders to nothing with the sample context is reported")
    func emptySubject() {
        var files = Self.minimal
        files["fr/first-reminder.subject.mustache"] = "{{#statutory}}{{^statutory}}x{{/statutory}}{{/statutory}}\n"
        let problems = Self.check(files)
        #expect(problems.map(\.code) == [.emptyOutput])
        #expect(problems.first?.file == "fr/first-reminder.subject.mustache")
    }

    @Test("wrong kinds and transforms are refused; list positions are accepted only in lists")
    func kindsAndTransforms() {
        var files = Self.minimal
        files["fr/first-reminder.text.mustache"] = "{{invoices}}\n{{#invoices}}{{^last()}}, {{/last()}}{{uppercased(number)}}{{/invoices}}\n{{#first()}}x{{/first()}}\n{{count(customer.name)}}\n"
        let problems = Self.check(files)
        #expect(problems.map(\.code) == [.wrongKind, .unknownTransform, .unknownTransform])
        #expect(problems.map(\.line) == [1, 3, 4])
    }

    @Test("first reminder in French: accents intact, nothing HTML-escaped in subject and text, escaped in HTML")
    func frenchFirstReminder() throws {
        let renderer = try TemplateRenderer(files: try OutboundSupport.shippedTemplates())
        var context = ReminderContext.sample(language: .french)
        context.customer.name = "L'Atelier <Ébène> & Fils"
        context.invoices[0].number = "F<1>&'2'"
        context.invoices.removeLast()
        context.totals.severalInvoices = false
        let rendered = try renderer.render("first-reminder", language: .french, context: context)
        #expect(rendered.subject == "Relance : facture F<1>&'2' en attente de règlement – Atelier Lumière SARL")
        #expect(rendered.text.hasPrefix("Madame, Monsieur,\n\nSauf erreur de notre part, nous n'avons pas encore reçu le règlement de la facture suivante, arrivée à échéance :\n"))
        #expect(rendered.text.contains("  - Facture n°\u{00A0}F<1>&'2' du 15/09/2026, échéance le 15/10/2026 : 1\u{202F}234,56\u{00A0}€ restant dû (sur 1\u{202F}534,56\u{00A0}€), 46 jours de retard\n"))
        #expect(rendered.text.contains("IBAN : FR76 3000 6000 0112 3456 7890 189\n"))
        #expect(rendered.text.contains("12 rue de l'Épée\n"))
        for part in [rendered.subject, rendered.text] {
            #expect(!part.contains("&amp;") && !part.contains("&#39;") && !part.contains("&lt;"))
        }
        let html = try #require(rendered.html)
        #expect(html.contains("<span style=\"white-space: nowrap;\">F&lt;1&gt;&amp;&#39;2&#39;</span>"))
        #expect(html.contains("12 rue de l&#39;Épée"))
        #expect(!html.contains("F<1>"))
    }

    @Test("first reminder in English, several invoices")
    func englishFirstReminder() throws {
        let renderer = try TemplateRenderer(files: try OutboundSupport.shippedTemplates())
        let rendered = try renderer.render("first-reminder", language: .english, context: ReminderContext.sample(language: .english))
        #expect(rendered.subject == "Reminder: 2 invoices awaiting payment – Atelier Lumière SARL")
        #expect(rendered.text.contains("  - Invoice F2026-0117 dated 15 Sep 2026, due 15 Oct 2026: €1,234.56 outstanding (of €1,534.56), 46 days overdue\n"))
        // The sample's credit note AV2026-0009 (€100.00) is deducted from the total demanded.
        #expect(rendered.text.contains("      credit note AV2026-0009 dated 20 Oct 2026 deducted: −€100.00\n"))
        #expect(rendered.text.contains("Total outstanding: €1,614.56\n"))
        #expect(rendered.text.contains("\nYours faithfully,\n\nÉlodie Martin, service comptabilité\n"))
    }

    @Test("a subject renders to one line even when a value carries line breaks")
    func subjectSingleLine() throws {
        let renderer = try TemplateRenderer(files: try OutboundSupport.shippedTemplates())
        var context = ReminderContext.sample(language: .french)
        context.creditor.legalName = "Atelier\r\nBcc: victim@example.com\u{0085}\tLumière"
        let subject = try renderer.render("second-reminder", language: .french, context: context).subject
        #expect(subject == "Deuxième relance : 2 factures impayées – Atelier Bcc: victim@example.com Lumière")
        #expect(!subject.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test("every step renders in both languages, and rendering is deterministic")
    func allSteps() throws {
        let renderer = try TemplateRenderer(files: try OutboundSupport.shippedTemplates())
        for name in TemplateChecker.defaultTemplateNames {
            #expect(renderer.languages(for: name) == [.french, .english])
            for language in Language.allCases {
                let context = ReminderContext.sample(language: language)
                let first = try renderer.render(name, language: language, context: context)
                #expect(try renderer.render(name, language: language, context: context) == first)
                #expect(!first.subject.isEmpty && first.html != nil)
                #expect(first.text.contains(context.creditor.legalName))
                #expect(!first.text.contains("{{") && !(first.html ?? "").contains("{{"))
            }
        }
        let final = try renderer.render("final-reminder", language: .french, context: ReminderContext.sample(language: .french))
        #expect(final.text.contains("  - pénalités de retard arrêtées au 30\u{00A0}novembre\u{00A0}2026 : 15,87\u{00A0}€\n"))
        #expect(final.text.contains("Soit un total dû de 1\u{202F}710,43\u{00A0}€.\n"))   // net of the 100,00 € credit
        #expect(final.text.contains("  - le 2\u{00A0}novembre\u{00A0}2026 : relance par courriel\n"))
    }

    @Test("language choice falls back to the next preference; a missing template throws")
    func languageChoice() throws {
        var files = Self.minimal
        files["en/second-reminder.subject.mustache"] = "S"
        files["en/second-reminder.text.mustache"] = "T"
        let renderer = try TemplateRenderer(files: files)
        #expect(renderer.language(for: "first-reminder", preferring: [.english, .french]) == .french)
        #expect(renderer.language(for: "second-reminder", preferring: [.french, .english]) == .english)
        #expect(renderer.language(for: "final-reminder", preferring: [.french, .english]) == nil)
        let error = #expect(throws: TemplateError.self) {
            try renderer.render("final-reminder", language: .french, context: ReminderContext.sample(language: .french))
        }
        #expect(error?.problems.first?.code == .missingTemplate)
    }

    @Test("a syntax error is reported at its real line, not shifted by the TEXT pragma")
    func syntaxLine() throws {
        var files = Self.minimal
        files["fr/first-reminder.text.mustache"] = "Bonjour\n\n{{#invoices}}\n{{/customer}}\n"
        let error = #expect(throws: TemplateError.self) { try TemplateRenderer(files: files) }
        let problem = try #require(error?.problems.first)
        #expect(problem.file == "fr/first-reminder.text.mustache")
        #expect(problem.line == 4)
    }

    @Test("the README documents every variable the templates can use")
    func readmeDocumentsEveryVariable() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("mail-templates/README.md"), encoding: .utf8)
        let paths = TemplateSchema.reminder.paths
        #expect(paths.count > 30)
        for path in paths {
            let last = path.split(separator: ".").last.map(String.init) ?? path
            #expect(readme.contains("`\(path)`") || readme.contains("`\(last)`"), "README does not document \(path)")
        }
    }
}

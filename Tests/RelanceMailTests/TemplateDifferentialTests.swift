import Foundation
import Mustache
import RelanceCore
import Testing
@testable import RelanceMail

/// The outbound renderer (`TemplateCompiler` + `TemplateEngine` over the typed
/// `templateContext`) against swift-mustache over the `[String: Any]` view it was given before
/// issue #17, built as `TemplateRenderer` built it then: every output compared byte for byte.
@Suite("Outbound: templates rendered as swift-mustache renders them")
struct TemplateDifferentialTests {
    /// swift-mustache, set up as the renderer set it up until issue #17.
    struct Reference {
        var text: [Language: MustacheLibrary] = [:]
        var html: [Language: MustacheLibrary] = [:]

        init(files: [String: String]) throws {
            for (path, contents) in files {
                guard let file = TemplateFile(path: path) else { continue }
                let source = TemplateFile.normalized(contents)
                if file.format != .html {
                    text[file.language, default: MustacheLibrary()]
                        .register(try MustacheTemplate(string: TemplateRenderer.textPragma + source), named: file.libraryKey)
                } else {
                    html[file.language, default: MustacheLibrary()].register(try MustacheTemplate(string: source), named: file.libraryKey)
                }
            }
        }

        func render(_ name: String, language: Language, context: ReminderContext) -> RenderedReminder? {
            guard let library = text[language], let subject = library.getTemplate(named: "\(name).subject"),
                  let body = library.getTemplate(named: "\(name).text") else { return nil }
            let value = context.templateValue
            let htmlLibrary = html[language]
            return RenderedReminder(subject: TemplateRenderer.singleLine(subject.render(value, library: library)),
                                    text: body.render(value, library: library),
                                    html: htmlLibrary?.getTemplate(named: "\(name).html")?.render(value, library: htmlLibrary))
        }
    }

    /// Renders every template of `files` in every language with `context` both ways; returns how many were compared.
    @discardableResult
    static func compare(_ files: [String: String], context: (Language) -> ReminderContext,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let renderer = try TemplateRenderer(files: files)
        let reference = try Reference(files: files)
        var compared = 0
        let names = Set(files.keys.compactMap(TemplateFile.init(path:)).filter { !$0.isPartial && $0.format == .subject }.map(\.name))
        for name in names.sorted() {
            for language in renderer.languages(for: name) {
                let ours = try renderer.render(name, language: language, context: context(language))
                let theirs = try #require(reference.render(name, language: language, context: context(language)), sourceLocation: sourceLocation)
                #expect(Array(ours.subject.utf8) == Array(theirs.subject.utf8), "\(language.rawValue)/\(name) subject", sourceLocation: sourceLocation)
                #expect(Array(ours.text.utf8) == Array(theirs.text.utf8), "\(language.rawValue)/\(name) text", sourceLocation: sourceLocation)
                #expect(ours.html.map { Array($0.utf8) } == theirs.html.map { Array($0.utf8) }, "\(language.rawValue)/\(name) html",
                        sourceLocation: sourceLocation)
                if ours != theirs { Self.showFirstDifference(ours, theirs) }
                compared += 1
            }
        }
        return compared
    }

    private static func showFirstDifference(_ ours: RenderedReminder, _ theirs: RenderedReminder) {
        for (a, b) in [(ours.subject, theirs.subject), (ours.text, theirs.text), (ours.html ?? "", theirs.html ?? "")] where a != b {
            let common = zip(a, b).prefix { $0 == $1 }.count
            print("ours:   …" + String(a.dropFirst(max(0, common - 40)).prefix(120)).debugDescription)
            print("theirs: …" + String(b.dropFirst(max(0, common - 40)).prefix(120)).debugDescription)
        }
    }

    // MARK: - Contexts

    /// Every optional present, two invoices, credits, prior actions, letter, broken promise.
    static func full(_ language: Language) -> ReminderContext { .sample(language: language) }

    /// Characters HTML escapes, a combining accent on an `&`, line breaks in values.
    static func hostile(_ language: Language) -> ReminderContext {
        var context = ReminderContext.sample(language: language)
        context.customer.name = "L'Oréal & Fils <x>"
        context.customer.id = "C\"42\" & 'co'"
        context.creditor.legalName = "Dupont &\u{301} Fils \"Lumière\" <SAS>"
        context.creditor.signature = "Élodie Martin\nService <comptabilité> & recouvrement\n"
        context.creditor.addressLines = ["12 rue de l'Épée & du Pont", "69002 Lyon <cedex>"]
        context.invoices[0].number = "F<1>&'2'\"3\""
        context.paymentReference = "REF&<>'\""
        context.letter?.place = "Saint-Étienne & <Lyon>"
        context.letter?.demanded[0].number = "L<1>&'2'"
        return context
    }

    /// No optional value, no credits, no prior action, one invoice without dates, blank signature.
    static func sparse(_ language: Language) -> ReminderContext {
        var context = ReminderContext.sample(language: language)
        context.creditor = ReminderContext.Creditor(legalName: "ACME", signature: "  ")
        context.customer.addressLines = []
        context.invoices = [context.invoices[1]]
        context.invoices[0].issued = nil
        context.invoices[0].due = nil
        context.invoices[0].credits = []
        context.credits = []
        context.totals = ReminderContext.Totals(open: context.invoices[0].open, currency: "EUR", invoiceCount: "1", severalInvoices: false)
        context.priorActions = []
        context.statutory = nil
        context.paymentQR = nil
        context.brokenPromise = nil
        context.letter?.alsoOutstanding = []
        context.letter?.disputed = []
        context.letter?.credits = []
        context.letter?.rates = []
        context.letter?.missingRates = nil
        context.letter?.deadline = nil
        context.letter?.deadlineDays = nil
        context.letter?.procedure = nil
        context.letter?.place = nil
        context.letter?.paymentQR = nil
        context.letter?.demanded[0].interest = nil
        context.letter?.demanded[0].indemnity = nil
        return context
    }

    /// Empty lists everywhere, a broken promise without amount, several disputed invoices, no letter.
    static func empty(_ language: Language) -> ReminderContext {
        var context = sparse(language)
        context.invoices = []
        context.customer.name = ""
        context.brokenPromise = ReminderContext.BrokenPromise(date: "20/11/2026", amount: nil)
        if var letter = context.letter {
            letter.demanded = []
            let disputed = ReminderContext.sample(language: language).letter!.disputed[0]
            letter.disputed = [disputed, disputed]
            context.letter = letter
        }
        return context
    }

    /// Three invoices, credits on two, the letter's lists long.
    static func many(_ language: Language) -> ReminderContext {
        var context = ReminderContext.sample(language: language)
        var third = context.invoices[1]
        third.number = "F2026-0200"
        third.credits = [ReminderContext.Credit(number: "AV-2", date: nil, invoice: "F2026-0200", amount: "1,00 €")]
        context.invoices.append(third)
        context.credits.append(third.credits[0])
        context.priorActions.append(.init(date: "3 novembre 2026", description: "Appel & relance <tél>"))
        if var letter = context.letter {
            letter.demanded.append(letter.alsoOutstanding[0])
            letter.rates.append(letter.rates[0])
            context.letter = letter
        }
        return context
    }

    // MARK: - Bundled templates

    @Test("every bundled template, both languages, renders byte for byte as swift-mustache rendered it",
          arguments: ["full", "hostile", "sparse", "empty", "many"])
    func bundledTemplates(contextName: String) throws {
        let contexts: [String: (Language) -> ReminderContext] = [
            "full": Self.full, "hostile": Self.hostile, "sparse": Self.sparse, "empty": Self.empty, "many": Self.many,
        ]
        let files = try OutboundSupport.shippedTemplates()
        let compared = try Self.compare(files, context: contexts[contextName]!)
        // 4 emails and 3 letters, in French and English.
        #expect(compared == 14)
    }

    // MARK: - Mustache edge cases

    /// `template` as the text and HTML parts of a step (subject `S`), with `partials`, in French.
    static func edgeFiles(_ template: String, partials: [String: String] = [:]) -> [String: String] {
        var files = ["fr/edge.subject.mustache": "S {{customer.name}}\n", "fr/edge.text.mustache": template, "fr/edge.html.mustache": template]
        for (name, source) in partials {
            files["fr/partials/\(name).text.mustache"] = source
            files["fr/partials/\(name).html.mustache"] = source
        }
        return files
    }

    static let edgeCases: [(String, [String: String])] = [
        // Standalone tags leave no line; blanks around them go with them.
        ("Avant\n  {{#invoices}}\n  - {{number}}\n  {{/invoices}}\nAprès\n", [:]),
        ("{{#invoices}}\n{{number}}\n{{/invoices}}", [:]),
        ("\t{{^credits}}  \naucun\n\t{{/credits}}\t\nfin", [:]),
        ("a\n  {{! un commentaire }}\nb {{! en ligne }} c\n{{!\nsur deux lignes\n}}\nd\n", [:]),
        ("x {{#invoices}}{{number}} {{/invoices}} y\n  {{#invoices}} {{number}}\n  {{/invoices}}  \n", [:]),
        ("{{#invoices}}  \n{{number}}\n{{/invoices}}  ", [:]),
        ("ligne\r\n  {{#invoices}}\r\n{{number}}\r\n  {{/invoices}}\r\nfin\r\n", [:]),
        ("\n\n  \n{{customer.name}}\n\n", [:]),
        // Partials: standalone ones indent each line they write, inline ones do not.
        ("Début\n    {{> partials/p}}\nFin {{> partials/p}} !\n", ["p": "{{creditor.signature}}\n{{#invoices}}\n  {{number}}\n{{/invoices}}\n{{#creditor.address_lines}}{{.}}\n{{/creditor.address_lines}}"]),
        ("  {{> partials/outer}}\n", ["outer": "o1\n  {{> partials/inner}}\no2\n", "inner": "i1\ni2 {{customer.name}}\n"]),
        ("{{#invoices}}\n  {{> partials/row}}\n{{/invoices}}\n", ["row": "{{number}}{{#first()}} first{{/first()}}{{^first()}} not-first{{/first()}}\n"]),
        ("{{> partials/missing}}x\n", [:]),
        // List positions, lost in a text section and in a partial, kept in a flag section.
        ("{{#invoices}}{{index()}}{{#first()}}F{{/first()}}{{^last()}}, {{/last()}}{{#last()}}.{{/last()}}{{#even()}}E{{/even()}}{{#odd()}}O{{/odd()}}{{/invoices}}\n", [:]),
        ("{{#invoices}}{{#due}}[{{#first()}}X{{/first()}}{{^first()}}Y{{/first()}}{{.}}]{{/due}}{{#is_overdue}}{{index()}}{{/is_overdue}}{{/invoices}}\n", [:]),
        ("{{#first()}}outside{{/first()}}{{^first()}}none{{/first()}}{{index()}}\n", [:]),
        // Transforms.
        ("{{count(invoices)}} {{uppercased(customer.name)}} {{capitalized(customer.name)}} {{lowercased(creditor.legal_name)}} {{reversed(customer.name)}}\n", [:]),
        ("{{#empty(credits)}}none{{/empty(credits)}}{{^empty(invoices)}}some{{/empty(invoices)}} {{#first(invoices)}}{{number}}{{/first(invoices)}} {{#last(invoices)}}{{number}}{{/last(invoices)}}\n", [:]),
        ("{{#reversed(invoices)}}{{number}} {{/reversed(invoices)}}{{count(reversed(invoices))}} {{uppercased(reversed(customer.name))}} {{empty(customer.name)}}\n", [:]),
        ("{{#sorted(creditor.address_lines)}}{{.}};{{/sorted(creditor.address_lines)}} {{count(customer)}} {{nope(customer.name)}} {{plusone(count(invoices))}}\n", [:]),
        // Scopes: outer names from inside a list, the current value, names anchored to it, absent names.
        ("{{#invoices}}{{number}} {{customer.name}} {{today}} {{totals.open}}\n{{/invoices}}{{#customer}}{{.name}} {{name}} {{.id}}{{/customer}} {{#creditor.address_lines}}<{{.}}>{{/creditor.address_lines}}\n", [:]),
        ("[{{nope}}][{{#nope}}x{{/nope}}][{{^nope}}y{{/nope}}][{{customer.nope}}][{{#invoices}}{{nope}}{{/invoices}}][{{customer.name.nope}}]\n", [:]),
        // Values of other kinds written as text; empty text is still a value in a section.
        ("{{totals.has_credits}} {{totals.several_invoices}} {{creditor.address_lines}} {{#totals.credited}}[{{.}}]{{/totals.credited}}{{^totals.credited}}none{{/totals.credited}}\n", [:]),
        // Unescaped forms, text that looks like tags, nested sections of one name.
        ("{{{customer.name}}} {{&customer.name}} {{ customer.name }} a { b } {x} }} {\n{{#invoices}}{{#invoices}}{{number}}{{/invoices}}|{{/invoices}}\n", [:]),
        // Delimiter changes and the content type pragma (the checker refuses both; the renderer follows them).
        ("{{=<% %>=}}\n<% customer.name %> {{customer.name}}\n<%={{ }}=%>\n{{customer.name}}\n", [:]),
        ("{{customer.name}}\n{{% CONTENT_TYPE: TEXT }}\n{{customer.name}}\n{{% CONTENT_TYPE: HTML }}\n{{customer.name}}\n", [:]),
    ]

    @Test("Mustache edge cases render as swift-mustache renders them, in text and in HTML",
          arguments: Array(edgeCases.indices))
    func edgeCase(index: Int) throws {
        let (template, partials) = Self.edgeCases[index]
        for context in [Self.hostile, Self.sparse, Self.empty, Self.many] {
            #expect(try Self.compare(Self.edgeFiles(template, partials: partials), context: context) == 1)
        }
    }

    @Test("a standalone tag leaves no blank line, an inline one keeps its line")
    func standaloneLines() throws {
        let renderer = try TemplateRenderer(files: Self.edgeFiles("Avant\n  {{#invoices}}\n  - {{number}}\n  {{/invoices}}\nAprès {{#invoices}}{{number}} {{/invoices}}\n"))
        let text = try renderer.render("edge", language: .french, context: .sample(language: .french)).text
        #expect(text == "Avant\n  - F2026-0117\n  - F2026-0142\nAprès F2026-0117 F2026-0142 \n")
    }

    @Test("parents, blocks and dynamic partials are refused at load with their line and column")
    func unsupportedTags() throws {
        for (template, line, column) in [("a\n b {{<parent}}{{/parent}}\n", 2, 4), ("{{$block}}x{{/block}}", 1, 1), ("x\n{{>*dynamic}}\n", 2, 1)] {
            let error = #expect(throws: TemplateError.self) { try TemplateRenderer(files: Self.edgeFiles(template)) }
            let problem = try #require(error?.problems.first)
            #expect(problem.code == .unsupportedTag)
            #expect(problem.line == line && problem.column == column)
        }
    }

    @Test("the checker reports an unsupported tag once, where the renderer and its own scan both find it")
    func unsupportedOnce() throws {
        var files = try OutboundSupport.shippedTemplates()
        files["fr/first-reminder.text.mustache"]! += "{{<parent}}{{/parent}}\n"
        let problems = TemplateChecker().check(files: files)
        #expect(problems.filter { $0.code == .unsupportedTag }.count == 1)
    }

    @Test("the schema of the typed view is the schema of swift-mustache's view")
    func schema() {
        for language in Language.allCases {
            #expect(TemplateSchema(value: ReminderContext.sample(language: language).templateContext)
                == Self.schema(of: ReminderContext.sample(language: language).templateValue))
        }
    }

    /// `TemplateSchema` as it was derived from the `[String: Any]` view.
    static func schema(of value: Any) -> TemplateSchema {
        switch value {
        case is Bool: return .flag
        case let dictionary as [String: any Sendable]: return .object(dictionary.mapValues { schema(of: $0) })
        case let array as [any Sendable]: return .list(array.map { schema(of: $0) }.reduce(nil) { $0?.merged(with: $1) ?? $1 } ?? .text)
        default: return .text
        }
    }
}

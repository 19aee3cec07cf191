public import RelanceCore

/// Turns a planned task into what a person prints or hands over: a letter, a registered
/// letter or a formal notice rendered from the step's template, or the dossier of a legal
/// action or hand-off. Pure: no clock, no file system; the daemon writes the result.
public struct DocumentComposer: Sendable {
    public let renderer: TemplateRenderer
    public let creditor: CreditorProfile
    /// The creditor's language: used when the customer's has no template, and for dossiers.
    public let language: Language

    public init(renderer: TemplateRenderer, creditor: CreditorProfile, language: Language) {
        self.renderer = renderer
        self.creditor = creditor
        self.language = language
    }

    /// Nil for a task that prints nothing (a call).
    public func compose(_ task: PlannedTask, today: CivilDate) throws(TemplateError) -> ComposedDocument? {
        switch task.kind {
        case .letter, .registeredLetter, .formalNotice:
            return .letter(try letter(task, today: today))
        case .legalAction, .handOff:
            return .dossier(DossierComposer(creditor: creditor, language: language).files(for: task, today: today))
        case .call, .readReply, .reviewMessage, .fixConfiguration, .identifyCustomer, .checkPayment:
            return nil
        }
    }

    public func letter(_ task: PlannedTask, today: CivilDate) throws(TemplateError) -> PrintableLetter {
        let template = task.step.template
        let preferences = [task.customer.language, language].compactMap { $0 } + Language.allCases
        guard let chosen = renderer.language(for: template, preferring: preferences) else {
            throw TemplateError(problems: [TemplateProblem(
                code: .missingTemplate, file: "\(language.rawValue)/\(template).html.mustache",
                message: "no template '\(template)' in any language: add its .subject, .text and .html files to mail-templates/")])
        }
        let context = LetterContextBuilder.build(task: task, language: chosen, today: today, creditor: creditor)
        let rendered = try renderer.render(template, language: chosen, context: context)
        return PrintableLetter(language: chosen, subject: rendered.subject, text: rendered.text,
                               html: rendered.html ?? Self.page(title: rendered.subject, text: rendered.text, language: chosen))
    }

    /// A template without an HTML part still prints: its text, escaped, in a plain A4 page.
    static func page(title: String, text: String, language: Language) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head><meta charset="utf-8"><title>\(AgedBalanceHTML.escapeText(title))</title>
        <style>@page { size: A4; margin: 20mm; } body { font-family: Georgia, serif; font-size: 11pt; } pre { white-space: pre-wrap; font-family: inherit; }</style>
        </head>
        <body><pre>\(AgedBalanceHTML.escapeText(text))</pre></body>
        </html>

        """
    }
}

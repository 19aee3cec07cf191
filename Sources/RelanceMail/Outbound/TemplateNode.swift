/// One piece of a compiled template: what `TemplateCompiler` makes of a template file once, at
/// load, and `TemplateEngine` walks for every reminder.
indirect enum TemplateNode: Sendable {
    case text(String)
    case variable(TemplatePath, escaped: Bool)
    case section(TemplatePath, [TemplateNode])
    case inverted(TemplatePath, [TemplateNode])
    /// `{{> partials/x}}`; `indentation` is the blank before a partial tag alone on its line
    /// (nil when the tag shares its line), prefixed to each line the partial writes.
    case partial(name: String, indentation: String?)
    /// `{{% CONTENT_TYPE: TEXT }}` (true) or `HTML` (false): whether values are HTML-escaped from here on.
    case contentType(isText: Bool)
}

/// A tag's name, split once at load and resolved to interned keys and transforms
/// (`TemplateKey`, `TemplateTransform`): `creditor.legal_name`, `.`, `uppercased(number)`, `first()`.
struct TemplatePath: Sendable {
    enum Anchor: Sendable, Hashable {
        /// `.`, or a name whose parts are all empty: the current value.
        case current
        /// `first()`, `index()`: the position in the list being rendered.
        case position
        /// `.name`: looked up in the current value only.
        case currentOnly
        /// `name.child`: the first part in the innermost value that has it, the rest strictly inside.
        case stack
        /// A part or a transform no context has: absent wherever it is rendered, as swift-mustache
        /// found nothing under a name no value had.
        case absent
    }

    let anchor: Anchor
    let parts: [TemplateKey]
    /// Outermost first, as written: `outer(inner(name))` is `[.outer, .inner]`; applied innermost first.
    let transforms: [TemplateTransform]

    /// As swift-mustache's `getChild` reads a name.
    init(name: String, transforms: [String]) {
        let names = name.split(separator: ".").map(String.init)
        let parts = names.compactMap(TemplateKey.init(rawValue:))
        let resolved = transforms.compactMap(TemplateTransform.init(rawValue:))
        self.parts = parts
        self.transforms = resolved
        if parts.count < names.count || resolved.count < transforms.count {
            anchor = .absent
        } else if name == "." {
            anchor = .current
        } else if name.isEmpty, !transforms.isEmpty {
            anchor = .position
        } else if name.first == "." {
            anchor = .currentOnly
        } else {
            anchor = parts.isEmpty ? .current : .stack
        }
    }
}

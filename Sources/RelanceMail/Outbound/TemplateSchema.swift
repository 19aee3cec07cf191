/// The shape of the template variables, derived from `ReminderContext.templateContext` of a
/// context whose optional parts are all present, so the schema can never drift from what the
/// renderer really renders from.
indirect enum TemplateSchema: Sendable, Equatable {
    case text
    case flag
    case list(TemplateSchema)
    case object([String: TemplateSchema])

    static let reminder = TemplateSchema(value: ReminderContext.sample(language: .french).templateContext)

    init(value: TemplateValue) {
        switch value {
        case .flag:
            self = .flag
        case .object:
            self = .object(Dictionary(uniqueKeysWithValues: value.presentFields.map { ($0.key.rawValue, TemplateSchema(value: $0.value)) }))
        case .list(let items):
            // Elements share one shape; merging keeps every key any element has.
            self = .list(items.map { TemplateSchema(value: $0) }.reduce(nil) { $0?.merged(with: $1) ?? $1 } ?? .text)
        case .text, .number:
            self = .text
        }
    }

    func merged(with other: TemplateSchema) -> TemplateSchema {
        if case .object(let lhs) = self, case .object(let rhs) = other {
            return .object(lhs.merging(rhs) { $0.merged(with: $1) })
        }
        return self
    }

    func child(_ name: String) -> TemplateSchema? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }

    var kindName: String {
        switch self {
        case .text: "text"
        case .flag: "a yes/no flag"
        case .list: "a list"
        case .object: "a group of values"
        }
    }

    /// Every variable path (`creditor.legal_name`, `invoices.number`…), for documentation checks.
    var paths: [String] {
        switch self {
        case .text, .flag: return []
        case .list(let element): return element.paths
        case .object(let fields):
            return fields.keys.sorted().flatMap { key -> [String] in
                let nested = fields[key]!.paths
                return nested.isEmpty ? [key] : [key] + nested.map { "\(key).\($0)" }
            }
        }
    }
}

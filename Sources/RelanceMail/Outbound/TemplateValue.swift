import Foundation

/// A value a reminder template sees, typed: rendering reads it with a `switch`, where
/// swift-mustache looked each name up through `Any`, dynamic casts and `Mirror` (most of the
/// composition time of a reminder, issue #17).
///
/// An absent optional is an absent key of its object, as it was an absent key of the
/// `[String: Any]` view swift-mustache was given: `{{#creditor.iban}}` shows its block only
/// when there is an IBAN. Objects are their literal pairs with interned keys (`TemplateKey`), a
/// nil value standing for an absent key: building one is a single allocation, and looking a key
/// up compares small integers (issue #17: dictionaries of string keys, and a box for every value
/// of an `indirect` enum, were most of building and reading a reminder's context).
enum TemplateValue: Sendable {
    case text(String)
    case flag(Bool)
    /// Only made by transforms: `count(invoices)`, `index()`.
    case number(Int)
    case list([TemplateValue])
    case object(KeyValuePairs<TemplateKey, TemplateValue?>)

    static func optional(_ text: String?) -> TemplateValue? { text.map(TemplateValue.text) }

    static func texts(_ texts: [String]) -> TemplateValue { .list(texts.map(TemplateValue.text)) }

    /// A key looked up in this value: only objects have named children, and only for keys with a value.
    func child(_ key: TemplateKey) -> TemplateValue? {
        guard case .object(let fields) = self else { return nil }
        for field in fields where field.key == key { return field.value }
        return nil
    }

    /// The keys of an object that have a value, with their values, in the order written.
    var presentFields: [(key: TemplateKey, value: TemplateValue)] {
        guard case .object(let fields) = self else { return [] }
        return fields.compactMap { field in field.value.map { (field.key, $0) } }
    }

    /// swift-mustache's transforms for the kinds of value a template sees (its `Transform.swift`):
    /// nil when the transform does not apply, which renders as an absent value.
    func transformed(_ transform: TemplateTransform) -> TemplateValue? {
        switch self {
        case .text(let text):
            switch transform {
            case .empty: return .flag(text.isEmpty)
            case .capitalized: return .text(text.capitalized)
            case .lowercased: return .text(text.lowercased())
            case .uppercased: return .text(text.uppercased())
            case .reversed: return .text(String(text.reversed()))
            default: return nil
            }
        case .list(let items):
            switch transform {
            case .first: return items.first
            case .last: return items.last
            case .reversed: return .list(items.reversed())
            case .count: return .number(items.count)
            case .empty: return .flag(items.isEmpty)
            case .sorted:
                // swift-mustache sorts lists of comparable elements only: here, lists of texts.
                var texts: [String] = []
                for item in items {
                    guard case .text(let text) = item else { return nil }
                    texts.append(text)
                }
                return .texts(texts.sorted())
            default: return nil
            }
        case .object(let fields):
            switch transform {
            case .count: return .number(fields.count(where: { $0.value != nil }))
            case .empty: return .flag(!fields.contains { $0.value != nil })
            default: return nil // `enumerated` and `sorted` of objects: not offered to templates
            }
        case .number(let number):
            switch transform {
            case .equalzero: return .flag(number == 0)
            case .plusone: return .number(number + 1)
            case .minusone: return .number(number - 1)
            case .even: return .flag(number & 1 == 0)
            case .odd: return .flag(number & 1 == 1)
            default: return nil
            }
        case .flag:
            return nil
        }
    }

    /// The text `{{x}}` writes, before escaping: as swift-mustache's `String(describing:)`.
    var renderedText: String {
        switch self {
        case .text(let text): return text
        case .flag(let flag): return flag ? "true" : "false"
        case .number(let number): return String(number)
        case .list(let items):
            // `["a", "b"]` for a list of texts, as Swift describes `[String]`; the checker refuses
            // a list written as a value, so no other list reaches here from a checked template.
            return "[" + items.map { item in
                if case .text(let text) = item { return String(reflecting: text) }
                return item.renderedText
            }.joined(separator: ", ") + "]"
        case .object:
            return "" // refused by the checker (wrong kind); swift-mustache's text would be unordered
        }
    }
}

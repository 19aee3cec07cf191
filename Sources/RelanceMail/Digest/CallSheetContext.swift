/// The call work sheet attached to the digest: each call with its number, reason, details and
/// full script, to print or open on a phone. Texts are finished; the template places them.
public struct CallSheetContext: Sendable, Hashable {
    public struct Detail: Sendable, Hashable {
        public var label: String
        public var value: String
    }

    public struct Call: Sendable, Hashable {
        public var number: String
        public var customer: String
        public var amount: String?
        public var phone: String?
        public var phoneLink: String?
        public var reason: String?
        public var details: [Detail]
        public var script: [String]
        public var outcomeHint: String
    }

    public var language: String
    public var title: String
    public var phoneLabel: String
    public var scriptLabel: String
    public var calls: [Call]
}

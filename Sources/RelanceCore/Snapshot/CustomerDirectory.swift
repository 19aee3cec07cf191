/// The creditor's customers in memory for one import: one read instead of one per item, and
/// the identity rules (issue #3, "Identity") in one place for both stores. Each store reads its
/// customers its own way and `add`s them.
public struct CustomerDirectory: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: Int64
        public var externalID: String
        public var terms: PaymentTermsRule?
        public var needsIdentification: Bool
        public var hasUsableContact: Bool

        public init(id: Int64, externalID: String, terms: PaymentTermsRule?, needsIdentification: Bool, hasUsableContact: Bool) {
            self.id = id
            self.externalID = externalID
            self.terms = terms
            self.needsIdentification = needsIdentification
            self.hasUsableContact = hasUsableContact
        }
    }

    public private(set) var byExternal: [String: Entry] = [:]
    private var byID: [Int64: String] = [:]
    private var bySIREN: [String: Int64?] = [:]
    private var byVAT: [String: Int64?] = [:]
    /// nil value: two customers share the name, so a name alone decides nothing.
    private var byName: [String: Int64?] = [:]

    public init() {}

    public mutating func add(_ entry: Entry, name: String?, siren: String?, vat: String?) {
        byExternal[entry.externalID] = entry
        byID[entry.id] = entry.externalID
        // Placeholders (customers nobody identified yet) never attract other invoices by id or name.
        guard !entry.needsIdentification else { return }
        if let vat = vat.flatMap(BusinessIdentifier.init) {
            Self.insert(entry.id, for: vat.normalized, into: &byVAT)
            if let fromVAT = vat.siren { Self.insert(entry.id, for: fromVAT, into: &bySIREN) }
        }
        if let siren = siren.flatMap(BusinessIdentifier.init)?.siren { Self.insert(entry.id, for: siren, into: &bySIREN) }
        if let name = name.map(Self.nameKey), !name.isEmpty { Self.insert(entry.id, for: name, into: &byName) }
    }

    private static func insert(_ id: Int64, for key: String, into map: inout [String: Int64?]) {
        if let existing = map[key] {
            if existing != id { map[key] = .some(nil) }
        } else {
            map[key] = id
        }
    }

    public mutating func markContactable(_ id: Int64) {
        if let external = byID[id] { byExternal[external]?.hasUsableContact = true }
    }

    public func entry(id: Int64) -> Entry? { byID[id].flatMap { byExternal[$0] } }

    /// The customer the creditor's id, else a SIREN / VAT / buyer identifier, else the exact
    /// name designates; nil when nothing (or more than one customer) matches.
    public func resolve(customer: String, identifiers: [String], name: String?) -> (Entry, how: String)? {
        if let entry = byExternal[customer], !entry.needsIdentification { return (entry, "customer id") }
        for text in [customer] + identifiers {
            guard let identifier = BusinessIdentifier(text) else { continue }
            if case .some(.some(let id)) = byVAT[identifier.normalized], let entry = entry(id: id) { return (entry, "VAT number \(text)") }
            if let siren = identifier.siren, case .some(.some(let id)) = bySIREN[siren], let entry = entry(id: id) {
                return (entry, "SIREN \(siren)")
            }
        }
        if let name = name.map(Self.nameKey), case .some(.some(let id)) = byName[name], let entry = entry(id: id) {
            return (entry, "name")
        }
        return nil
    }

    /// Exact match, apart from surrounding and repeated spaces and letter case.
    public static func nameKey(_ name: String) -> String {
        // Most names are ASCII words with single spaces: nothing to collapse, and splitting
        // and joining them cost more per new customer than the INSERT.
        var afterSpace = true
        var plain = true
        for byte in name.utf8 {
            if byte >= 0x80 || (0x09...0x0D).contains(byte) || (byte == 0x20 && afterSpace) { plain = false; break }
            afterSpace = byte == 0x20
        }
        if plain && !afterSpace { return name.lowercased() }
        return name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }
}

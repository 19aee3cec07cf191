/// Who an item belongs to (issue #3, "Identity"), decided from the creditor's customers in memory.
///
/// The ledger (authoritative) names its customers by their code: they are created as needed,
/// and a placeholder it names becomes a real customer. Other files resolve theirs (code, SIREN,
/// VAT number, exact name); an invoice already known keeps its customer; what matches nobody
/// goes to a placeholder a person must identify.
public struct CustomerChoice: Sendable {
    public enum Target: Sendable, Hashable {
        case existing(CustomerDirectory.Entry)
        /// The store inserts this customer, then calls `created`.
        case create(externalID: String, name: String?, placeholder: Bool)
    }

    public var target: Target
    /// A placeholder the ledger names: the store marks it identified and closes its open
    /// `identify-customer` tasks, then calls `identified`.
    public var identifies = false
    /// The name the ledger gives the customer, written unless it already is its name.
    public var rename: String?
    /// Lines written before anything else of the item.
    public var events: [NewEvent] = []

    init(_ target: Target) { self.target = target }

    /// `known`: the customer of the invoice when the store already holds it.
    public static func decide(_ item: OpenItem, details: InvoiceDetails, known: Int64?, importID: Int64, rules: SnapshotRules,
                              tally: inout SnapshotImportTally, receipt: inout ImportReceipt) -> CustomerChoice {
        let snapshot = rules.snapshot, words = rules.words, directory = tally.directory
        if !snapshot.isAuthoritative, let known, let entry = directory.entry(id: known) {
            return CustomerChoice(.existing(entry))
        }
        if snapshot.isAuthoritative {
            // A file without customer codes names its customers: a known customer of that exact
            // name (the contacts file's, keyed by its code) is the one meant.
            if snapshot.customersByName == true, let entry = directory.resolve(customer: "", identifiers: [], name: item.customer)?.0,
               entry.externalID != item.customer {
                var choice = CustomerChoice(.existing(entry))
                if tally.named.insert(entry.id).inserted {
                    choice.events.append(rules.event("invoice.customer-resolved", customerID: entry.id, importID: importID,
                                                     words.customerResolvedByName(name: item.customer, file: rules.fileName, customer: entry.externalID)))
                    receipt.warnings.append(words.receiptCustomerMatchedByName(name: item.customer, file: rules.fileName, customer: entry.externalID))
                }
                return choice
            }
            if let entry = directory.byExternal[item.customer] {
                var choice = CustomerChoice(.existing(entry))
                choice.identifies = entry.needsIdentification
                if tally.named.insert(entry.id).inserted, let name = item.customerName, !name.isEmpty { choice.rename = name }
                return choice
            }
            receipt.newCustomers += 1
            return CustomerChoice(.create(externalID: item.customer, name: item.customerName, placeholder: false))
        }
        if let (entry, how) = directory.resolve(customer: item.customer, identifiers: details.buyerIdentifiers, name: item.customerName) {
            var choice = CustomerChoice(.existing(entry))
            if how != "customer id" {
                choice.events.append(rules.event("invoice.customer-resolved", customerID: entry.id, importID: importID,
                                                 "Invoice \(item.invoice) of \(rules.fileName) belongs to customer \(entry.externalID), found by \(how)."))
            }
            return choice
        }
        if let entry = directory.byExternal[item.customer] ?? directory.byExternal[SnapshotRules.placeholderID(item)] {
            return CustomerChoice(.existing(entry))
        }
        receipt.newCustomers += 1
        return CustomerChoice(.create(externalID: item.customer.isEmpty ? SnapshotRules.placeholderID(item) : item.customer,
                                      name: item.customerName, placeholder: true))
    }

    /// The customer the store inserted for a `.create` target, with its id: known from now on;
    /// a placeholder's line says a person must identify it.
    public static func created(id: Int64, externalID: String, name: String?, placeholder: Bool, importID: Int64, rules: SnapshotRules,
                               tally: inout SnapshotImportTally) -> (CustomerDirectory.Entry, NewEvent?) {
        let entry = CustomerDirectory.Entry(id: id, externalID: externalID, terms: nil, needsIdentification: placeholder, hasUsableContact: false)
        tally.directory.add(entry, name: name, siren: nil, vat: nil)
        tally.named.insert(entry.id)
        guard placeholder else { return (entry, nil) }
        return (entry, rules.event("customer.unidentified", customerID: entry.id, importID: importID,
                                   rules.words.buyerUnidentified(buyer: SnapshotRules.printable(name ?? externalID), file: rules.fileName)))
    }

    /// The placeholder the ledger named is a customer now; `closedTasks`: its `identify-customer`
    /// tasks the store closed (with `words.namedByTheLedger()` as their note).
    public static func identified(_ entry: inout CustomerDirectory.Entry, name: String?, closedTasks: [Int64], importID: Int64,
                                  rules: SnapshotRules, tally: inout SnapshotImportTally) -> NewEvent {
        entry.needsIdentification = false
        tally.directory.add(entry, name: name, siren: nil, vat: nil)
        return rules.event("customer.identified", customerID: entry.id, importID: importID,
                           rules.words.customerIdentified(customer: entry.externalID, file: rules.fileName, closedTasks: closedTasks))
    }
}

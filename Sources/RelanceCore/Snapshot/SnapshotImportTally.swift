/// What one import learns along the way, whichever the store: the creditor's customers, the
/// invoices it saw, who owes without a contact, who must be identified, and the receipt's warnings.
public struct SnapshotImportTally: Sendable {
    public var directory: CustomerDirectory
    /// The creditor's invoice numbers in the store before this import.
    public var storedNumbers: Set<String>
    public var seenNumbers = Set<String>()
    /// Customers with positive open items in this file, for the "no usable contact" check.
    public var owingCustomers = Set<Int64>()
    public var unresolved: [Int64: [String]] = [:]
    public var beyondCap: [String] = []
    /// Invoices whose sources gave different due dates, each with what every source said.
    public var dueDisagreements: [DueDisagreement] = []
    public var emailsWritten = Set<Int64>()
    /// Customers whose name this file already set: one rename per customer, not per invoice.
    public var named = Set<Int64>()
    /// A large first load: the invoices opened are journaled one line per customer, at the end.
    public var journalsOpenedAtEnd = false

    public init(directory: CustomerDirectory, storedNumbers: Set<String>) {
        self.directory = directory
        self.storedNumbers = storedNumbers
    }

    /// From how many new invoices a first load journals one line per customer instead of one
    /// per invoice: a person reads one line per customer, not 100,000 lines nobody reads.
    public static let summaryMinimumDefault = 1_000

    /// Whether this import is a large first load of the creditor's book.
    public static func isFirstLoad(storedCount: Int, itemCount: Int, summaryMinimum: Int) -> Bool {
        storedCount == 0 && itemCount >= summaryMinimum
    }

    /// Whether the item's customer gets the item's addresses: the first of its items that has
    /// any, and never a placeholder nobody identified.
    public mutating func writesEmails(of item: OpenItem, to customer: CustomerDirectory.Entry) -> Bool {
        !item.emails.isEmpty && !customer.needsIdentification && emailsWritten.insert(customer.id).inserted
    }

    /// Notes the item once its customer is known; whether its invoice is to identify.
    public mutating func note(_ item: OpenItem, customer: CustomerDirectory.Entry, receipt: inout ImportReceipt) {
        if item.open.minorUnits > 0 { owingCustomers.insert(customer.id) }
        if customer.needsIdentification {
            receipt.unresolvedInvoices += 1
            unresolved[customer.id, default: []].append(item.invoice)
        }
    }

    /// Rows the file refused on their own: one line listing them, one warning each in the
    /// receipt, and their invoices counted as seen so that an authoritative snapshot does not
    /// settle them (a refused row is not a payment).
    public mutating func refusedRows(_ rules: SnapshotRules, importID: Int64, receipt: inout ImportReceipt) -> NewEvent? {
        let refused = rules.snapshot.refusedRows ?? []
        guard !refused.isEmpty else { return nil }
        for row in refused {
            if let invoice = row.invoice { seenNumbers.insert(invoice) }
            receipt.warnings.append(rules.words.receiptRowRefused(row))
        }
        return rules.event("import.rows-refused", importID: importID,
                           rules.words.importRowsRefused(count: refused.count, file: rules.fileName,
                                                         rows: refused.prefix(50).map(rules.words.refusedRow), more: refused.count > 50),
                           detail: ["rows": String(refused.count)])
    }

    /// Whether an authoritative snapshot may leave stored invoices unlisted: only one stored
    /// before this import can be missing from it (every one it inserted is in it).
    public var mayHaveUnlisted: Bool { !storedNumbers.isSubset(of: seenNumbers) }

    /// An `identify-customer` task this import opens for people (one open task per customer).
    public struct IdentifyTask: Sendable, Hashable {
        public var customerID: Int64
        public var dedupKey: String
        public var title: String
        /// The task's detail, as stored (`{"reason":…}`).
        public var detailJSON: String
    }

    /// Unresolved buyers, and owing customers with neither an address nor a phone: they never
    /// get a reminder, a person looks at them. `open`: the dedup keys of the creditor's open ones.
    public func identifyTasks(_ rules: SnapshotRules, unless open: Set<String>) -> [IdentifyTask] {
        var tasks: [IdentifyTask] = []
        func add(_ customerID: Int64, _ title: String, _ reason: String) {
            let key = "identify-customer:\(customerID)"
            guard !open.contains(key) else { return }
            tasks.append(IdentifyTask(customerID: customerID, dedupKey: key, title: title, detailJSON: "{\"reason\":\"\(reason)\"}"))
        }
        for (customerID, invoices) in unresolved.sorted(by: { $0.key < $1.key }) {
            add(customerID, rules.words.identifyBuyerTitle(invoices: Array(invoices.prefix(5)), more: invoices.count > 5, file: rules.fileName),
                "unresolved")
        }
        for customerID in owingCustomers.sorted() where unresolved[customerID] == nil {
            guard let entry = directory.entry(id: customerID), !entry.hasUsableContact else { continue }
            add(customerID, rules.words.customerWithoutContactTitle(customer: entry.externalID), "no-contact")
        }
        return tasks
    }

    public func taskOpenedEvent(_ rules: SnapshotRules, _ task: IdentifyTask, id: Int64, importID: Int64) -> NewEvent {
        rules.event("task.opened", customerID: task.customerID, importID: importID,
                    rules.words.taskOpened(id: id, kind: .identifyCustomer, title: task.title), detail: ["task": String(id)])
    }

    /// The receipt's warnings about due dates, then the import's own lines: applied, and the
    /// parse's warnings.
    public func finish(_ rules: SnapshotRules, importID: Int64, receipt: inout ImportReceipt) -> [NewEvent] {
        let words = rules.words
        if !beyondCap.isEmpty {
            receipt.warnings.append(words.receiptTermsBeyondCap(count: beyondCap.count, invoices: Array(beyondCap.prefix(10)),
                                                                more: beyondCap.count > 10))
        }
        if !dueDisagreements.isEmpty {
            receipt.warnings.append(words.receiptDueDisagreements(count: dueDisagreements.count, invoices: Array(dueDisagreements.prefix(10)),
                                                                  more: dueDisagreements.count > 10))
        }
        var events = [rules.event("import.applied", importID: importID, words.importApplied(
            file: rules.fileName, kind: rules.file.kind, asOf: rules.snapshot.asOf, new: receipt.newInvoices, changed: receipt.updatedInvoices,
            settled: receipt.settledInvoices, unchanged: receipt.unchangedInvoices, toIdentify: receipt.unresolvedInvoices),
            detail: ["sha256": rules.file.sha256, "authoritative": String(rules.snapshot.isAuthoritative)])]
        for (summary, detail) in ImportWarningEvents.events(of: rules.file, words: words) {
            events.append(rules.event("import.warning", importID: importID, summary, detail: detail))
        }
        return events
    }
}

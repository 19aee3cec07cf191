/// Money received, matched to a creditor's open invoices — most certain first, never a guess:
/// 1. a structured reference Relance gave (ISO 11649 RF), or invoice numbers found in the
///    remittance text (normalised by `InvoiceNumberKey`);
/// 2. a payer (IBAN, else name) linked to one customer by an earlier confirmed match, whose
///    amount equals one open invoice of that customer or a set of them (bounded search), net
///    of the customer's credits;
/// 3. otherwise nothing is assumed.
/// Pure and incremental: each match consumes what it paid, so two transfers never pay the
/// same euro twice.
public struct PaymentMatcher: Sendable {
    public struct Invoice: Sendable, Hashable {
        public var id: Int64
        public var number: String
        public var customerID: Int64
        /// What is still to be paid: the ledger's open amount less the payments already matched.
        public var open: Money
        public var due: CivilDate?

        public init(id: Int64, number: String, customerID: Int64, open: Money, due: CivilDate?) {
            self.id = id
            self.number = number
            self.customerID = customerID
            self.open = open
            self.due = due
        }
    }

    public enum Method: String, Sendable, Hashable {
        case reference
        case invoiceNumber = "invoice-number"
        case knownPayer = "known-payer"
    }

    public struct Allocation: Sendable, Hashable {
        public var invoiceID: Int64
        public var number: String
        public var amount: Money
    }

    public struct Match: Sendable, Hashable {
        public var customerID: Int64
        public var method: Method
        public var allocations: [Allocation]
        /// Received beyond what the matched invoices asked: an overpayment to look at.
        public var unallocated: Money
    }

    /// Subsets of a customer's invoices tried at most, so a payer with hundreds of invoices costs a bounded time.
    public static let searchBudget = 50_000
    /// Only the oldest invoices of a customer take part in the subset search.
    public static let searchInvoices = 24

    private var invoices: [Int64: Invoice]
    private var byKey: [String: [Int64]] = [:]
    private var byReference: [String: Int64] = [:]
    private var byCustomer: [Int64: [Int64]] = [:]
    private let payerIBANs: [String: Int64]
    private let payerNames: [String: Int64]

    /// `references`: the RF reference Relance printed for each invoice id. `payerIBANs` and
    /// `payerNames` (see `payerNameKey`): payers already linked to a customer.
    public init(invoices: [Invoice], references: [String: Int64] = [:], payerIBANs: [String: Int64] = [:], payerNames: [String: Int64] = [:]) {
        self.invoices = Dictionary(invoices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for invoice in invoices {
            if let key = InvoiceNumberKey.key(invoice.number) { byKey[key, default: []].append(invoice.id) }
            byCustomer[invoice.customerID, default: []].append(invoice.id)
        }
        for (reference, id) in references { byReference[RFCreditorReference.compact(reference)] = id }
        self.payerIBANs = payerIBANs
        self.payerNames = payerNames
        let all = self.invoices
        for (customer, ids) in byCustomer {
            byCustomer[customer] = ids.sorted { (all[$0]!.due?.daysSinceEpoch ?? .min, $0) < (all[$1]!.due?.daysSinceEpoch ?? .min, $1) }
        }
    }

    /// A payer's name as a key: capitals, letters and digits only, single spaces.
    public static func payerNameKey(_ name: String) -> String {
        name.uppercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }

    public func remaining(_ invoiceID: Int64) -> Money? { invoices[invoiceID]?.open }

    /// Matches one entry; a match consumes the amounts it allocates.
    public mutating func match(_ entry: BankEntry) -> Match? {
        guard entry.amount.minorUnits > 0, !entry.isReversal else { return nil }
        if let found = byReferenceOrNumber(entry) { return allocate(entry.amount, to: found.ids, method: found.method) }
        return byKnownPayer(entry)
    }

    private func byReferenceOrNumber(_ entry: BankEntry) -> (ids: [Int64], method: Method)? {
        if let reference = entry.reference, let id = byReference[RFCreditorReference.compact(reference)], isPayable(id, entry.amount) {
            return ([id], .reference)
        }
        var ids: [Int64] = []
        for key in InvoiceNumberKey.candidates(in: [entry.remittance, entry.reference ?? ""].joined(separator: " ")) {
            // A key two invoices share names neither for sure.
            guard let found = byKey[key], found.count == 1, isPayable(found[0], entry.amount), !ids.contains(found[0]) else { continue }
            ids.append(found[0])
        }
        guard !ids.isEmpty else { return nil }
        // Invoices of several customers in one label: nobody is assumed.
        guard Set(ids.map { invoices[$0]!.customerID }).count == 1 else { return nil }
        return (ids, .invoiceNumber)
    }

    private func isPayable(_ id: Int64, _ amount: Money) -> Bool {
        guard let invoice = invoices[id] else { return false }
        return invoice.open.currency == amount.currency && invoice.open.minorUnits > 0
    }

    private mutating func allocate(_ amount: Money, to ids: [Int64], method: Method) -> Match {
        var left = amount.minorUnits
        var allocations: [Allocation] = []
        for id in ids where left > 0 {
            let invoice = invoices[id]!
            let paid = min(left, invoice.open.minorUnits)
            left -= paid
            invoices[id]!.open.minorUnits -= paid
            allocations.append(Allocation(invoiceID: id, number: invoice.number, amount: Money(minorUnits: paid, currency: amount.currency)))
        }
        return Match(customerID: invoices[ids[0]]!.customerID, method: method, allocations: allocations,
                     unallocated: Money(minorUnits: left, currency: amount.currency))
    }

    /// Matches an entry a person said is `customerID`'s money: that customer's invoices named by
    /// its reference or numbers, else one invoice or a set of that exact amount (as for a known payer).
    public mutating func match(_ entry: BankEntry, forCustomer customerID: Int64) -> Match? {
        guard entry.amount.minorUnits > 0, !entry.isReversal else { return nil }
        if let found = byReferenceOrNumber(entry), invoices[found.ids[0]]!.customerID == customerID {
            return allocate(entry.amount, to: found.ids, method: found.method)
        }
        return byAmount(entry, customer: customerID)
    }

    private mutating func byKnownPayer(_ entry: BankEntry) -> Match? {
        let customer = entry.counterpartyIBAN.flatMap { payerIBANs[$0] }
            ?? entry.counterparty.flatMap { payerNames[Self.payerNameKey($0)] }
        guard let customer else { return nil }
        return byAmount(entry, customer: customer)
    }

    private mutating func byAmount(_ entry: BankEntry, customer: Int64) -> Match? {
        guard let ids = byCustomer[customer] else { return nil }
        let currency = entry.amount.currency
        let debits = ids.filter { invoices[$0]!.open.currency == currency && invoices[$0]!.open.minorUnits > 0 }
        let credits = ids.filter { invoices[$0]!.open.currency == currency && invoices[$0]!.open.minorUnits < 0 }
        let creditTotal = credits.reduce(Int64(0)) { $0 + invoices[$1]!.open.minorUnits }
        // Exactly one invoice of that amount first, then a set, without and then with the credits.
        for target in creditTotal == 0 ? [entry.amount.minorUnits] : [entry.amount.minorUnits, entry.amount.minorUnits - creditTotal] {
            let equal = debits.filter { invoices[$0]!.open.minorUnits == target }
            if equal.count == 1 { return settle(entry.amount, debits: equal, credits: target == entry.amount.minorUnits ? [] : credits) }
            if equal.count > 1 { return nil }
            if let subset = subset(of: Array(debits.prefix(Self.searchInvoices)), summingTo: target) {
                return settle(entry.amount, debits: subset, credits: target == entry.amount.minorUnits ? [] : credits)
            }
        }
        return nil
    }

    /// Debits paid in full (the credits they were netted with stay as the ledger has them).
    private mutating func settle(_ amount: Money, debits: [Int64], credits: [Int64]) -> Match {
        var allocations: [Allocation] = []
        for id in debits {
            let invoice = invoices[id]!
            allocations.append(Allocation(invoiceID: id, number: invoice.number, amount: invoice.open))
            invoices[id]!.open.minorUnits = 0
        }
        return Match(customerID: invoices[debits[0]]!.customerID, method: .knownPayer, allocations: allocations,
                     unallocated: Money.zero(amount.currency))
    }

    /// The one subset summing to `target`, oldest invoices first; nil when none, or when two
    /// different subsets do (nothing is assumed), or past the search budget.
    private func subset(of ids: [Int64], summingTo target: Int64) -> [Int64]? {
        var found: [Int64]?
        var ambiguous = false
        var budget = Self.searchBudget
        var chosen: [Int64] = []
        func search(_ start: Int, _ left: Int64) {
            guard !ambiguous, budget > 0 else { return }
            budget -= 1
            if left == 0, chosen.count > 1 {
                if found == nil { found = chosen } else { ambiguous = true }
                return
            }
            guard left > 0 else { return }
            for index in start..<ids.count {
                let value = invoices[ids[index]]!.open.minorUnits
                guard value <= left else { continue }
                chosen.append(ids[index])
                search(index + 1, left - value)
                chosen.removeLast()
            }
        }
        search(0, target)
        return ambiguous || budget <= 0 ? nil : found
    }
}

/// Receivables with what the bank already shows paid set apart (`Receivable.received`): the
/// one computation behind the planner, the aged balance (CLI, console, CSV, reports), the
/// digest, a customer's page and search in the console and `relance customer`, so that every
/// figure a person reads agrees with what the plan demands. Pure.
extension Receivable {
    /// Each receivable with `received` set from the live bank payments of its invoice, capped
    /// at its open amount (money received beyond it stays on the customer's account, for the
    /// accountant; a credit is never reduced). Payments in another currency are not counted.
    public static func netOfBankPayments(_ receivables: [Receivable], payments: [BankPayment]) -> [Receivable] {
        guard !payments.isEmpty else { return receivables }
        var paid: [Int64: [Money]] = [:]
        for payment in payments { paid[payment.invoiceID, default: []].append(payment.amount) }
        return receivables.map { receivable in
            guard let amounts = paid[receivable.invoiceID], receivable.open.minorUnits > 0 else { return receivable }
            let total = amounts.filter { $0.currency == receivable.open.currency }.reduce(Int64(0)) { $0 + $1.minorUnits }
            guard total > 0 else { return receivable }
            var copy = receivable
            copy.received = Money(minorUnits: min(total, receivable.open.minorUnits), currency: receivable.open.currency)
            return copy
        }
    }
}

/// Reads a creditor's open receivables with the bank's payments set apart.
public enum BankAwareReceivables {
    public static func read(_ creditor: CreditorID, from store: any ReceivablesStore & BankPaymentStore) async throws -> [Receivable] {
        async let receivables = store.openReceivables(of: creditor)
        let payments = try await store.bankPayments(of: creditor)
        return Receivable.netOfBankPayments(try await receivables, payments: payments)
    }

    /// One customer's: the console's customer page and search, and `relance customer`, whose
    /// figures must agree with the aged balance's line for that customer.
    public static func read(_ creditor: CreditorID, customer: Int64,
                            from store: any ReceivablesStore & BankPaymentStore) async throws -> [Receivable] {
        let payments = try await store.bankPayments(of: creditor).filter { $0.customerID == customer }
        return try await read(creditor, customer: customer, payments: payments, from: store)
    }

    /// The same with the customer's payments already read (the console's search reads the
    /// creditor's once for all its hits).
    public static func read(_ creditor: CreditorID, customer: Int64, payments: [BankPayment],
                            from store: any ReceivablesStore) async throws -> [Receivable] {
        Receivable.netOfBankPayments(try await store.openReceivables(of: creditor, customer: customer), payments: payments)
    }
}

/// The ledger's word on the payments a statement showed, after an authoritative snapshot as of
/// `ledgerAsOf`: a payment whose invoice the ledger settled, or whose open amount moved since the
/// match, was taken into account (lettered); one booked at least `waitDays` before and still not
/// lettered is a payment to check — one task per payment for the accountant (not a step of the
/// ladder: a hand-off task would be the customer's one hand-off, and hold its ladder). Both
/// stores read the payments awaiting the ledger and write what this says.
public struct BankPaymentReview: Sendable, Hashable {
    /// A payment still awaiting the ledger, with its invoice as the ledger has it now.
    public struct AwaitingPayment: Sendable, Hashable {
        public var payment: BankPayment
        public var invoiceIsOpen: Bool
        public var invoiceOpenMinor: Int64
        /// The ledger's open amount when the payment was matched.
        public var ledgerOpenMinor: Int64

        public init(_ payment: BankPayment, invoiceIsOpen: Bool, invoiceOpenMinor: Int64, ledgerOpenMinor: Int64) {
            self.payment = payment
            self.invoiceIsOpen = invoiceIsOpen
            self.invoiceOpenMinor = invoiceOpenMinor
            self.ledgerOpenMinor = ledgerOpenMinor
        }

        /// The ledger has spoken: the invoice settled, or its open amount moved since the match.
        public var isLettered: Bool { !invoiceIsOpen || invoiceOpenMinor != ledgerOpenMinor }
    }

    /// A payment to check: the task to open (or find open, by its dedup key), and the payment it reports.
    public struct Check: Sendable, Hashable {
        public var matchID: Int64
        public var task: NewTask
    }

    /// Payments to mark `lettered`.
    public var lettered: [Int64]
    /// In the order of the payments (by match id): each marked `reported` with its task.
    public var checks: [Check]

    /// `awaiting`: the creditor's payments in state `awaiting-ledger`.
    public init(awaiting: [AwaitingPayment], creditor: CreditorID, ledgerAsOf: CivilDate, waitDays: Int, words: any Wording) {
        lettered = awaiting.filter(\.isLettered).map(\.payment.matchID).sorted()
        let latest = ledgerAsOf.adding(days: -waitDays)
        checks = awaiting.filter { !$0.isLettered && $0.payment.booked <= latest }.map(\.payment).sorted { $0.matchID < $1.matchID }.map { payment in
            Check(matchID: payment.matchID, task: NewTask(
                creditor: creditor, customerID: payment.customerID, kind: .checkPayment,
                title: words.paymentNotLetteredTitle(booked: payment.booked, invoice: payment.invoiceNumber, amount: payment.amount),
                detail: ["invoice": payment.invoiceNumber, "amount": payment.amount.description,
                         "booked": payment.booked.iso8601, "label": payment.label, "ledger_as_of": ledgerAsOf.iso8601,
                         "what_to_do": words.paymentNotLetteredAdvice()],
                dedupKey: "bank-payment-not-lettered:\(payment.matchID)", invoiceIDs: [payment.invoiceID]))
        }
    }
}

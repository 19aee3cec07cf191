extension ReminderContext {
    /// The variables only printed documents use (formal letter, registered letter, formal
    /// notice): the invoices demanded apart from those merely listed, the statutory amounts
    /// invoice by invoice, the rates applied, the payment deadline. Every value is formatted
    /// for the document's language, like the rest of the context.
    public struct Letter: Sendable, Hashable, Codable {
        public struct Invoice: Sendable, Hashable, Codable {
            public var number: String
            public var issued: String?
            public var due: String?
            /// The invoice's total (its open amount when the export gives no total).
            public var amount: String
            /// What the ledger says is still open.
            public var open: String
            /// What is claimed: the open amount less the credits allocated to it.
            public var claimed: String
            public var daysLate: String
            public var lateBy: String
            /// Late-payment interest to the document's date; nil when not computed.
            public var interest: String?
            public var indemnity: String?
            public var isPartlyPaid: Bool
            /// A credit was set against it: `claimed` is less than `open`.
            public var hasCredit: Bool

            public init(number: String, issued: String?, due: String?, amount: String, open: String, claimed: String,
                        daysLate: String, lateBy: String, interest: String?, indemnity: String?, isPartlyPaid: Bool, hasCredit: Bool) {
                self.number = number
                self.issued = issued
                self.due = due
                self.amount = amount
                self.open = open
                self.claimed = claimed
                self.daysLate = daysLate
                self.lateBy = lateBy
                self.interest = interest
                self.indemnity = indemnity
                self.isPartlyPaid = isPartlyPaid
                self.hasCredit = hasCredit
            }
        }

        /// A credit note or unapplied payment set against an invoice.
        public struct Credit: Sendable, Hashable, Codable {
            public var credit: String
            public var invoice: String
            public var amount: String
            /// The credit note's date, short form (`20/10/2026`, `20 Oct 2026`), for a list line.
            public var date: String?
            /// The same date as a sentence says it (`20 octobre 2026`, `20 October 2026`): the
            /// HTML letter recalls its credits in running text, where a letter spells the month.
            public var longDate: String?

            public init(credit: String, invoice: String, amount: String, date: String? = nil, longDate: String? = nil) {
                self.credit = credit
                self.invoice = invoice
                self.amount = amount
                self.date = date
                self.longDate = longDate
            }
        }

        /// One rate applied to a stretch of the late period.
        public struct Rate: Sendable, Hashable, Codable {
            /// `2e semestre 2026` / `second half of 2026`.
            public var semester: String
            /// `12,15 %` / `12.15%`.
            public var rate: String
            /// How the rate is made: `taux de refinancement de la BCE (2,15 %) majoré de 10 points`.
            public var basis: String

            public init(semester: String, rate: String, basis: String) {
                self.semester = semester
                self.rate = rate
                self.basis = basis
            }
        }

        /// Only the invoices that reached the document's step: payment is demanded of these.
        public var demanded: [Invoice]
        /// Other unpaid invoices, listed for information; nothing is demanded of them here.
        public var alsoOutstanding: [Invoice]
        /// Invoices the customer disputes: listed as disputed ("contestée"), never demanded.
        public var disputed: [Invoice] = []
        public var severalDemanded: Bool
        public var credits: [Credit]
        /// Totals of the demanded invoices, one amount per currency joined with ` + `.
        public var principal: String
        public var interest: String
        public var indemnities: String
        public var total: String
        public var rates: [Rate]
        /// The semesters whose rate is unknown, when interest could not be computed in full.
        public var missingRates: String?
        /// Formal notice: the day by which payment is demanded, and the number of days given —
        /// as a number (`8`) and in words (`8 jours`, `1 jour` / `8 days`, `1 day`).
        public var deadline: String?
        public var deadlineDays: String?
        public var deadlineIn: String?
        /// Legal action: the procedure proposed.
        public var procedure: String?
        /// The town the letter is written from (`Lyon`), read from the creditor's address.
        public var place: String?
        /// The EPC payment QR code (SEPA credit transfer) as a `data:` URI for an `<img>`;
        /// nil without the creditor's IBAN or when the amount is not one amount in euros.
        public var paymentQR: String?

        public init(demanded: [Invoice], alsoOutstanding: [Invoice] = [], credits: [Credit] = [], principal: String,
                    interest: String, indemnities: String, total: String, rates: [Rate] = [], missingRates: String? = nil,
                    deadline: String? = nil, deadlineDays: String? = nil, deadlineIn: String? = nil, procedure: String? = nil,
                    place: String? = nil) {
            self.demanded = demanded
            self.alsoOutstanding = alsoOutstanding
            self.severalDemanded = demanded.count > 1
            self.credits = credits
            self.principal = principal
            self.interest = interest
            self.indemnities = indemnities
            self.total = total
            self.rates = rates
            self.missingRates = missingRates
            self.deadline = deadline
            self.deadlineDays = deadlineDays
            self.deadlineIn = deadlineIn
            self.procedure = procedure
            self.place = place
        }
    }
}

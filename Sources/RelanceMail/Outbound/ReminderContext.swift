/// The variables a reminder template sees, every value already formatted for the message's
/// language (amounts, dates, counts), so templates hold wording and layout only.
/// Property names are the template names in snake case (`legal_name`); `templateContext`
/// is what the renderer renders from, and `TemplateSchema` derives the list of known
/// variables from it. Documented in `mail-templates/README.md`.
public struct ReminderContext: Sendable, Hashable, Codable {
    public struct Creditor: Sendable, Hashable, Codable {
        public var legalName: String
        public var addressLines: [String]
        public var siren: String?
        public var vatNumber: String?
        public var iban: String?
        public var bic: String?
        public var phone: String?
        public var email: String?
        /// Free text, possibly several lines: who signs the reminder.
        public var signature: String
        /// The trade register entry printed on letterheads: `RCS Lyon 812 345 678`.
        public var rcs: String?
        /// The legal mentions of a business letter on one line, in the message's language:
        /// `SAS au capital de 10 000 € — RCS Nantes 123 456 789`.
        public var legalMention: String?

        public init(legalName: String, addressLines: [String] = [], siren: String? = nil, vatNumber: String? = nil,
                    iban: String? = nil, bic: String? = nil, phone: String? = nil, email: String? = nil, signature: String,
                    rcs: String? = nil, legalMention: String? = nil) {
            self.legalMention = legalMention
            self.legalName = legalName
            self.addressLines = addressLines
            self.siren = siren
            self.rcs = rcs
            self.vatNumber = vatNumber
            self.iban = iban
            self.bic = bic
            self.phone = phone
            self.email = email
            self.signature = signature
        }
    }

    public struct Customer: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        /// The postal address, for the recipient block of a letter; empty when unknown.
        public var addressLines: [String]

        public init(id: String, name: String, addressLines: [String] = []) {
            self.id = id
            self.name = name
            self.addressLines = addressLines
        }
    }

    public struct Invoice: Sendable, Hashable, Codable {
        public var number: String
        public var issued: String?
        public var due: String?
        /// The invoice's total (its open amount when the export gives no total).
        public var amount: String
        public var open: String
        /// Whole days past the due date, `0` when not late.
        public var daysLate: String
        /// Whole days until the due date, `0` when due today or late (courtesy reminders).
        public var daysUntilDue: String
        /// `12 jours`, `1 jour` / `12 days`, `1 day`: the delay with its unit, agreed in number.
        public var lateBy: String
        /// The time left before the due date with its unit, for courtesy reminders.
        public var dueIn: String
        public var isOverdue: Bool
        public var isPartlyPaid: Bool
        /// What is asked for this invoice: `open` less the credits set against it.
        public var claimed: String
        /// The credits set against this invoice (empty for most).
        public var credits: [Credit]

        public init(number: String, issued: String?, due: String?, amount: String, open: String, daysLate: String,
                    daysUntilDue: String, lateBy: String, dueIn: String, isOverdue: Bool, isPartlyPaid: Bool,
                    claimed: String? = nil, credits: [Credit] = []) {
            self.claimed = claimed ?? open
            self.credits = credits
            self.number = number
            self.issued = issued
            self.due = due
            self.amount = amount
            self.open = open
            self.daysLate = daysLate
            self.daysUntilDue = daysUntilDue
            self.lateBy = lateBy
            self.dueIn = dueIn
            self.isOverdue = isOverdue
            self.isPartlyPaid = isPartlyPaid
        }
    }

    /// A credit note or unapplied payment set against an invoice the message lists.
    public struct Credit: Sendable, Hashable, Codable {
        public var number: String
        /// The credit note's date, short form; nil when the export gave none.
        public var date: String?
        public var invoice: String
        /// The part of the credit set against `invoice`, as a positive amount.
        public var amount: String

        public init(number: String, date: String?, invoice: String, amount: String) {
            self.number = number
            self.date = date
            self.invoice = invoice
            self.amount = amount
        }
    }

    public struct Totals: Sendable, Hashable, Codable {
        /// What is asked for, credits deducted: one formatted amount per currency joined with ` + `.
        /// The same figure as the plan's claimed amounts, the letters' principal and the aged balance.
        public var open: String
        /// The listed invoices' open amounts before credits.
        public var beforeCredits: String
        /// The credits deducted.
        public var credited: String
        /// True when a credit is deducted: the templates then show the subtraction.
        public var hasCredits: Bool
        /// The currency code(s): `EUR`, or `EUR, USD` when invoices are in several.
        public var currency: String
        public var invoiceCount: String
        /// True with two invoices or more: picks singular or plural wording.
        public var severalInvoices: Bool
        /// True with two credits or more deducted (counted by number: one credit note set against
        /// two invoices is one): "avoirs déduits" or "avoir déduit".
        public var severalCredits: Bool

        public init(open: String, currency: String, invoiceCount: String, severalInvoices: Bool,
                    beforeCredits: String? = nil, credited: String = "", hasCredits: Bool = false, severalCredits: Bool = false) {
            self.open = open
            self.beforeCredits = beforeCredits ?? open
            self.credited = credited
            self.hasCredits = hasCredits
            self.severalCredits = severalCredits
            self.currency = currency
            self.invoiceCount = invoiceCount
            self.severalInvoices = severalInvoices
        }
    }

    public struct PriorAction: Sendable, Hashable, Codable {
        public var date: String
        public var description: String

        public init(date: String, description: String) {
            self.date = date
            self.description = description
        }
    }

    /// A promise to pay that was not kept: the date and, when given, the amount promised.
    public struct BrokenPromise: Sendable, Hashable, Codable {
        public var date: String
        public var amount: String?

        public init(date: String, amount: String?) {
            self.date = date
            self.amount = amount
        }
    }

    public struct Statutory: Sendable, Hashable, Codable {
        public var interest: String
        public var indemnity: String
        public var total: String

        public init(interest: String, indemnity: String, total: String) {
            self.interest = interest
            self.indemnity = indemnity
            self.total = total
        }
    }

    public var creditor: Creditor
    public var customer: Customer
    public var invoices: [Invoice]
    /// Every credit deducted from the listed invoices.
    public var credits: [Credit]
    public var totals: Totals
    public var paymentReference: String
    /// The EPC payment QR code as the `src` of an `<img>` (`cid:` in an email), when the message
    /// carries one: see `PaymentQR`.
    public var paymentQR: String?
    public var priorActions: [PriorAction]
    /// Set when the customer promised to pay and did not: the message says so.
    public var brokenPromise: BrokenPromise?
    public var statutory: Statutory?
    /// Today in long form: `29 novembre 2026`.
    public var today: String
    /// The fixed recovery indemnity per late invoice as a sentence writes it: `40 €` / `€40`.
    public var recoveryIndemnity: String
    /// What only printed documents (letters, formal notices) need; nil for emails.
    public var letter: Letter?

    public init(creditor: Creditor, customer: Customer, invoices: [Invoice], credits: [Credit] = [], totals: Totals,
                paymentReference: String, priorActions: [PriorAction] = [], statutory: Statutory? = nil, today: String,
                recoveryIndemnity: String, letter: Letter? = nil) {
        self.creditor = creditor
        self.customer = customer
        self.invoices = invoices
        self.credits = credits
        self.totals = totals
        self.paymentReference = paymentReference
        self.priorActions = priorActions
        self.statutory = statutory
        self.today = today
        self.recoveryIndemnity = recoveryIndemnity
        self.letter = letter
    }
}

/// Decides an invoice's due date from every source that speaks of it (issue #3, "Due dates").
///
/// Sources, in order: the export's own due-date column or BT-9 (`stated`), the payment terms
/// text BT-20, what an earlier import stated, the customer's terms from the contacts file,
/// and only when none of those says anything, the creditor's default. The FIRST source that
/// speaks wins (issue #11): the due date the invoice itself states is the legal one (late
/// interest runs from it, Code de commerce L441-10); payment terms only fill a missing date.
/// When sources disagree, `disagreement` lists them all: the importer records it as an event
/// (the customer's timeline, `relance customer`) and a warning of the import report (the CLI's
/// output and the digest's imports) — nothing is resolved in silence.
///
/// A credit note (negative amount) is never due: terms do not give it a due date.
public struct DueDateResolution: Sendable, Hashable {
    public struct Candidate: Sendable, Hashable {
        /// Who said it, for the event: "due-date column", "BT-9", "BT-20 terms text", "customer terms"…
        public var source: String
        public var date: CivilDate

        public init(source: String, date: CivilDate) {
            self.source = source
            self.date = date
        }
    }

    /// nil when nothing says (no due date and no issue date to count terms from).
    public var due: CivilDate?
    public var source: String?
    /// Every source that spoke, in order, when at least two gave different dates.
    public var disagreement: [Candidate]
    /// The due date is later than the legal caps allow (60 days, or 45 days end of month).
    public var beyondLegalCap: Bool

    /// `explicit`: what documents state, in order (the export's column or BT-9, the BT-20 terms
    /// text, what an earlier import stated); `customerTerms` count from `issued`.
    public init(issued: CivilDate?, explicit: [Candidate], customerTerms: PaymentTermsRule?, defaultTerms: PaymentTermsRule,
                isCredit: Bool = false) {
        var candidates = explicit
        if !isCredit, let customerTerms, let issued {
            candidates.append(Candidate(source: "\(DueDateSource.customerTermsPrefix) (\(customerTerms))", date: customerTerms.dueDate(issued: issued)))
        }
        if !isCredit, candidates.isEmpty, let issued {
            candidates.append(Candidate(source: "\(DueDateSource.creditorDefaultPrefix) (\(defaultTerms))", date: defaultTerms.dueDate(issued: issued)))
        }
        // Highest-ranked first: what the invoice states beats what terms compute.
        let chosen = candidates.first
        due = chosen?.date
        source = chosen?.source
        disagreement = Set(candidates.map(\.date)).count > 1 ? candidates : []
        if let due, let issued {
            beyondLegalCap = PaymentTermsRule.isBeyondLegalCap(due: due, issued: issued)
        } else {
            beyondLegalCap = false
        }
    }
}

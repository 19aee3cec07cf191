/// Decides an invoice's due date from every source that speaks of it (issue #3, "Due dates").
///
/// Sources, in order: the export's own due-date column or BT-9 (`stated`), the payment terms
/// text BT-20, the customer's terms from the contacts file, and only when none of those says
/// anything, the creditor's default. When sources disagree the LATER date wins: reminding a
/// customer before the date it agreed to is the mistake that must never happen.
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
    public init(issued: CivilDate?, explicit: [Candidate], customerTerms: PaymentTermsRule?, defaultTerms: PaymentTermsRule) {
        var candidates = explicit
        if let customerTerms, let issued {
            candidates.append(Candidate(source: "customer terms (\(customerTerms))", date: customerTerms.dueDate(issued: issued)))
        }
        if candidates.isEmpty, let issued {
            candidates.append(Candidate(source: "creditor default (\(defaultTerms))", date: defaultTerms.dueDate(issued: issued)))
        }
        // On equal dates the first (highest-ranked) source is the one named.
        let chosen = candidates.reduce(nil as Candidate?) { best, next in
            guard let best else { return next }
            return next.date > best.date ? next : best
        }
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

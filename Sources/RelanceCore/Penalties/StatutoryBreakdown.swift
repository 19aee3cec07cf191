/// What a late customer owes on a date: principal, late-payment interest, recovery
/// indemnities, and the totals per currency. Formal documents print this.
public struct StatutoryBreakdown: Sendable, Hashable, Codable {
    public var asOf: CivilDate
    public var lines: [Line]
    /// Semesters whose rate is unknown: interest was not computed for the lines that need them.
    public var missingRates: [MissingRate]

    public init(asOf: CivilDate, lines: [Line], missingRates: [MissingRate]) {
        self.asOf = asOf
        self.lines = lines
        self.missingRates = missingRates
    }

    /// True when every amount could be computed.
    public var isComplete: Bool { missingRates.isEmpty }

    public struct Line: Sendable, Hashable, Codable {
        public var invoice: String
        /// The amount claimed: the open amount after credits allocated to it.
        public var principal: Money
        public var due: CivilDate
        public var daysLate: Int
        /// Nil when a rate it needs is missing.
        public var interest: Money?
        public var segments: [InterestSegment]
        /// In euros whatever the invoice's currency.
        public var indemnity: Money
        /// The payment term (due − issue date) exceeds the 60-day legal cap of art. L441-10 I.
        public var termExceedsLegalCap: Bool

        public init(invoice: String, principal: Money, due: CivilDate, daysLate: Int, interest: Money?,
                    segments: [InterestSegment], indemnity: Money, termExceedsLegalCap: Bool) {
            self.invoice = invoice
            self.principal = principal
            self.due = due
            self.daysLate = daysLate
            self.interest = interest
            self.segments = segments
            self.indemnity = indemnity
            self.termExceedsLegalCap = termExceedsLegalCap
        }
    }

    /// Principal per currency, sorted by currency code.
    public var principal: [Money] { Self.sum(lines.map(\.principal)) }
    /// Interest per currency (lines with a missing rate count for nothing here).
    public var interest: [Money] { Self.sum(lines.compactMap(\.interest)) }
    /// Recovery indemnities (in euros).
    public var indemnities: [Money] { Self.sum(lines.map(\.indemnity)) }
    /// Principal + interest + indemnities, per currency.
    public var total: [Money] { Self.sum(lines.map(\.principal) + lines.compactMap(\.interest) + lines.map(\.indemnity)) }

    static func sum(_ amounts: [Money]) -> [Money] {
        var totals: [Currency: Int64] = [:]
        for amount in amounts { totals[amount.currency, default: 0] += amount.minorUnits }
        return totals.keys.sorted().map { Money(minorUnits: totals[$0]!, currency: $0) }
    }
}

/// The part of a late period inside one semester, at that semester's rate.
public struct InterestSegment: Sendable, Hashable, Codable {
    public var semester: Semester
    /// First and last late day of the segment, both included.
    public var from: CivilDate
    public var through: CivilDate
    public var days: Int
    public var annualRateBasisPoints: Int
    public var rateExplanation: String

    public init(semester: Semester, from: CivilDate, through: CivilDate, days: Int, annualRateBasisPoints: Int, rateExplanation: String) {
        self.semester = semester
        self.from = from
        self.through = through
        self.days = days
        self.annualRateBasisPoints = annualRateBasisPoints
        self.rateExplanation = rateExplanation
    }
}

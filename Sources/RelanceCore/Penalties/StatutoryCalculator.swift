/// Late-payment interest and recovery indemnities of French B2B law (art. L441-10, D441-5
/// Code de commerce).
///
/// - Period: interest runs from the day after the due date through `asOf`, both included
///   (an invoice due 31 March and paid 10 April is 10 days late).
/// - Rate: the semester's rate (`LatePaymentTerms.annualRate(for:)`), the period being split at
///   1 January and 1 July so that each day bears the rate of its own semester.
/// - Day count: **actual/actual by calendar year** — each late day earns 1/365 of the annual rate,
///   or 1/366 in a leap year. Segments never span two years (they stop at 31 December), so each
///   segment has a single divisor.
/// - Rounding: the exact fractions of all segments are added first (integer arithmetic on a common
///   denominator, no floating point), and the sum is rounded **once per invoice, half up** (half away
///   from zero) to the currency's minor unit.
/// - Principal: the open amount claimed (after credits allocated to the invoice), taken as constant
///   over the period: the ledger does not tell when partial payments arrived.
public enum StatutoryCalculator {
    /// The legal cap on payment terms: 60 days after the issue date (art. L441-10 I).
    public static let maximumPaymentTermDays = 60

    public struct Invoice: Sendable, Hashable {
        public var number: String
        public var principal: Money
        public var issued: CivilDate?
        public var due: CivilDate

        public init(number: String, principal: Money, issued: CivilDate?, due: CivilDate) {
            self.number = number
            self.principal = principal
            self.issued = issued
            self.due = due
        }
    }

    public static func breakdown(_ invoices: [Invoice], asOf: CivilDate, terms: LatePaymentTerms) -> StatutoryBreakdown {
        var missing: Set<MissingRate> = []
        let lines = invoices.map { invoice in
            let daysLate = max(0, invoice.due.days(until: asOf))
            let computed = interest(on: invoice.principal, due: invoice.due, asOf: asOf, terms: terms)
            var segments: [InterestSegment] = []
            var amount: Money?
            switch computed {
            case .success(let result):
                segments = result.segments
                amount = result.interest
            case .failure(let rate):
                missing.insert(rate)
            }
            let term = invoice.issued.map { $0.days(until: invoice.due) } ?? 0
            return StatutoryBreakdown.Line(
                invoice: invoice.number, principal: invoice.principal, due: invoice.due, daysLate: daysLate,
                interest: amount, segments: segments, indemnity: daysLate > 0 ? terms.recoveryIndemnity : .zero(terms.recoveryIndemnity.currency),
                termExceedsLegalCap: term > maximumPaymentTermDays)
        }
        return StatutoryBreakdown(asOf: asOf, lines: lines, missingRates: missing.sorted { $0.semester < $1.semester })
    }

    public struct Interest: Sendable, Hashable {
        public var interest: Money
        public var segments: [InterestSegment]

        public init(interest: Money, segments: [InterestSegment]) {
            self.interest = interest
            self.segments = segments
        }
    }

    /// Interest on `principal` for the days after `due` through `asOf`; the first missing
    /// semester when a rate the period needs is unknown.
    public static func interest(on principal: Money, due: CivilDate, asOf: CivilDate,
                                terms: LatePaymentTerms) -> Result<Interest, MissingRate> {
        var segments: [InterestSegment] = []
        // Σ principal × bp × days / (10 000 × yearDays), on the common denominator 10 000 × 365 × 366.
        var numerator: Int128 = 0
        var start = due.adding(days: 1)
        while start <= asOf {
            let semester = Semester(containing: start)
            let end = min(semester.lastDay, asOf)
            let rate: AppliedRate
            switch terms.annualRate(for: semester) {
            case .success(let found): rate = found
            case .failure(let missing): return .failure(missing)
            }
            let days = start.days(until: end) + 1
            let yearDays = CivilDate.isLeap(start.year) ? 366 : 365
            numerator += Int128(principal.minorUnits) * Int128(rate.basisPoints) * Int128(days) * Int128(365 * 366 / yearDays)
            segments.append(InterestSegment(semester: semester, from: start, through: end, days: days,
                                            annualRateBasisPoints: rate.basisPoints, rateExplanation: rate.explanation))
            start = end.adding(days: 1)
        }
        let denominator: Int128 = 10_000 * 365 * 366
        let magnitude = (numerator.magnitude * 2 + denominator.magnitude) / (denominator.magnitude * 2)
        let rounded = Int64(magnitude) * (numerator < 0 ? -1 : 1)
        return .success(Interest(interest: Money(minorUnits: rounded, currency: principal.currency), segments: segments))
    }
}

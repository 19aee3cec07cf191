/// How a creditor's late-payment interest and indemnity are computed (art. L441-10 and
/// D441-5 Code de commerce): which rate table, which margin, a contractual rate if any.
public struct LatePaymentTerms: Sendable, Hashable, Codable {
    /// The reference rate by semester; by default the ECB main refinancing rate.
    public var referenceRates: RateTable
    /// Added to the reference rate, in basis points (default 10 points = 1000).
    public var marginBasisPoints: Int
    /// The legal interest rate by semester, for the floor of a contractual rate.
    public var legalRates: RateTable
    /// A rate stated in the creditor's terms of sale, in basis points; nil for the default
    /// (reference + margin). Never applied below three times the legal interest rate.
    public var contractualRateBasisPoints: Int?
    /// The fixed recovery indemnity per late invoice: 40 € whatever the invoice's currency.
    public var recoveryIndemnity: Money

    public init(referenceRates: RateTable = .ecbMainRefinancingRate, marginBasisPoints: Int = 1000,
                legalRates: RateTable = .frenchLegalInterestRate, contractualRateBasisPoints: Int? = nil,
                recoveryIndemnity: Money = Money(minorUnits: 4000, currency: .euro)) {
        self.referenceRates = referenceRates
        self.marginBasisPoints = marginBasisPoints
        self.legalRates = legalRates
        self.contractualRateBasisPoints = contractualRateBasisPoints
        self.recoveryIndemnity = recoveryIndemnity
    }

    public static let french = LatePaymentTerms()

    /// The annual rate for `semester`, or the semester whose figure is missing.
    public func annualRate(for semester: Semester) -> Result<AppliedRate, MissingRate> {
        if let contractual = contractualRateBasisPoints {
            guard let legal = legalRates.rate(for: semester) else {
                return .failure(MissingRate(semester: semester, table: legalRates.name, key: .legalRates))
            }
            let floor = 3 * legal.basisPoints
            if contractual >= floor {
                return .success(AppliedRate(basisPoints: contractual, explanation: "contractual rate"))
            }
            return .success(AppliedRate(basisPoints: floor,
                                        explanation: "3 × legal interest rate \(Percent(legal.basisPoints)) (the contractual rate is below this floor); \(legal.source)"))
        }
        guard let reference = referenceRates.rate(for: semester) else {
            return .failure(MissingRate(semester: semester, table: referenceRates.name, key: .ecbRates))
        }
        return .success(AppliedRate(basisPoints: reference.basisPoints + marginBasisPoints,
                                    explanation: "\(Percent(reference.basisPoints)) + \(Percent(marginBasisPoints)); \(reference.source)"))
    }
}

public struct AppliedRate: Sendable, Hashable, Codable {
    public var basisPoints: Int
    /// How the rate was obtained and its source, for the documents.
    public var explanation: String

    public init(basisPoints: Int, explanation: String) {
        self.basisPoints = basisPoints
        self.explanation = explanation
    }
}

/// A semester a rate table does not have: the amounts that need it are not computed.
public struct MissingRate: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The configuration key that supplies the missing figure, under `[penalties]`.
    public enum Key: String, Sendable, Hashable, Codable {
        case ecbRates = "ecb_rates"
        case legalRates = "legal_rates"
    }

    public var semester: Semester
    public var table: String
    public var key: Key

    public init(semester: Semester, table: String, key: Key = .ecbRates) {
        self.semester = semester
        self.table = table
        self.key = key
    }

    /// Names the exact setting to add, with the semester already written as the key expects.
    public var description: String {
        "missing rate for \(semester) in the \(table) table: set it in the configuration as \(setting)"
    }

    /// `[penalties] ecb_rates = { "2027-S1" = … }` with what the number means.
    public var setting: String {
        switch key {
        case .ecbRates:
            "[penalties] ecb_rates = { \"\(semester)\" = RATE } — the ECB main refinancing rate in force on the semester's first day, in % (e.g. 2.15); Relance adds the 10 points itself"
        case .legalRates:
            "[penalties] legal_rates = { \"\(semester)\" = RATE } — the French taux de l'intérêt légal for professionals for that semester, in % (e.g. 2.80)"
        }
    }
}

/// Basis points shown as a percentage: 1215 → "12.15 %".
struct Percent: CustomStringConvertible {
    let basisPoints: Int
    init(_ basisPoints: Int) { self.basisPoints = basisPoints }
    var description: String {
        let fraction = basisPoints % 100
        return "\(basisPoints / 100).\(fraction < 10 ? "0" : "")\(fraction) %"
    }
}

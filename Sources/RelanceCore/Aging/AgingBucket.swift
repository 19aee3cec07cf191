/// The columns of a French *balance âgée*: not yet due, then by days past the due date.
public enum AgingBucket: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case notDue = "not-due"
    case late1to30 = "1-30"
    case late31to60 = "31-60"
    case late61to90 = "61-90"
    case over90 = "over-90"
    /// Credit notes and unapplied payments: never due, never late, on a line of their own.
    case credit

    /// An item with no due date is counted as not due: nothing says it is late.
    public init(daysLate: Int?, open: Money) {
        self = open.minorUnits < 0 ? .credit : AgingBucket(daysLate: daysLate)
    }

    public init(daysLate: Int?) {
        switch daysLate ?? 0 {
        case ..<1: self = .notDue
        case 1...30: self = .late1to30
        case 31...60: self = .late31to60
        case 61...90: self = .late61to90
        default: self = .over90
        }
    }

    /// The bucket's place in `allCases`, without searching it: sums are kept at fixed places.
    public var place: Int {
        switch self {
        case .notDue: 0
        case .late1to30: 1
        case .late31to60: 2
        case .late61to90: 3
        case .over90: 4
        case .credit: 5
        }
    }

    public var title: String {
        switch self {
        case .notDue: "not yet due"
        case .late1to30: "1–30 days"
        case .late31to60: "31–60 days"
        case .late61to90: "61–90 days"
        case .over90: "over 90 days"
        case .credit: "credits"
        }
    }

    public static func < (lhs: AgingBucket, rhs: AgingBucket) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// An annual rate that applies for a whole semester, with where the figure comes from.
public struct DatedRate: Sendable, Hashable, Codable {
    public var semester: Semester
    /// Hundredths of a percent: 215 is 2.15 %. Integers, so that no rate is ever rounded by a float.
    public var basisPoints: Int
    /// The official text or press release the figure was read from.
    public var source: String

    public init(semester: Semester, basisPoints: Int, source: String) {
        self.semester = semester
        self.basisPoints = basisPoints
        self.source = source
    }
}

/// A table of rates by semester. A semester the table does not have is *missing*: amounts
/// that need it are not computed, and the formal steps that would show them wait, saying so.
public struct RateTable: Sendable, Hashable, Codable {
    public var name: String
    /// One rate per semester, in semester order.
    public private(set) var rates: [DatedRate]

    /// A later entry for the same semester replaces an earlier one.
    public init(name: String, rates: [DatedRate]) {
        self.name = name
        var bySemester: [Semester: DatedRate] = [:]
        for rate in rates { bySemester[rate.semester] = rate }
        self.rates = bySemester.values.sorted { $0.semester < $1.semester }
    }

    public func rate(for semester: Semester) -> DatedRate? {
        rates.first { $0.semester == semester }
    }

    /// This table with `overrides` (from the configuration) added or replacing its entries.
    public func overriding(with overrides: [DatedRate]) -> RateTable {
        RateTable(name: name, rates: rates + overrides)
    }
}

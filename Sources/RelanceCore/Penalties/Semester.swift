/// Half a calendar year: French late-payment rates are fixed for 1 January–30 June (S1)
/// and 1 July–31 December (S2).
public struct Semester: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1 for January–June, 2 for July–December.
    public let half: Int

    public init?(year: Int, half: Int) {
        guard (1...9999).contains(year), half == 1 || half == 2 else { return nil }
        self.year = year
        self.half = half
    }

    public init(containing date: CivilDate) {
        self.year = date.year
        self.half = date.month <= 6 ? 1 : 2
    }

    /// Parses `2027-S1`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]),
              parts[1] == "S1" || parts[1] == "S2"
        else { return nil }
        self.init(year: year, half: parts[1] == "S1" ? 1 : 2)
    }

    public var firstDay: CivilDate { CivilDate(year: year, month: half == 1 ? 1 : 7, day: 1)! }
    public var lastDay: CivilDate { CivilDate(year: year, month: half == 1 ? 6 : 12, day: half == 1 ? 30 : 31)! }
    public var next: Semester { half == 1 ? Semester(year: year, half: 2)! : Semester(year: year + 1, half: 1)! }

    public var description: String { "\(year)-S\(half)" }

    public static func < (lhs: Semester, rhs: Semester) -> Bool { (lhs.year, lhs.half) < (rhs.year, rhs.half) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let semester = Semester(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a semester like 2027-S1: \(text)")
        }
        self = semester
    }
}

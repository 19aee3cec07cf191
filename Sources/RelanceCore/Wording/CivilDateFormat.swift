/// Dates as a person reads them: `07/12/2026` in French, `7 Dec 2026` in English (day and month
/// never ambiguous); in sentences `1er décembre 2026`, `1 December 2026`. Written by hand so that
/// the output does not depend on the locale data installed on the server.
public struct CivilDateFormat: Sendable, Hashable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    private static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                       "août", "septembre", "octobre", "novembre", "décembre"]
    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                        "August", "September", "October", "November", "December"]

    /// For tables and lists: `07/12/2026` (fr), `7 Dec 2026` (en).
    public func short(_ date: CivilDate) -> String {
        switch language {
        case .french: "\(Self.pad(date.day))/\(Self.pad(date.month))/\(date.year)"
        case .english: "\(date.day) \(Self.englishMonths[date.month - 1].prefix(3)) \(date.year)"
        }
    }

    /// For sentences: `1er décembre 2026`, `15 décembre 2026` (fr), `15 December 2026` (en).
    /// French joins day, month and year with no-break spaces (U+00A0), as it does a number and
    /// its `€`: a letter's line never ends on « 22 » with « juillet 2026 » on the next.
    public func long(_ date: CivilDate) -> String {
        switch language {
        case .french: "\(date.day == 1 ? "1er" : String(date.day))\u{00A0}\(Self.frenchMonths[date.month - 1])\u{00A0}\(date.year)"
        case .english: "\(date.day) \(Self.englishMonths[date.month - 1]) \(date.year)"
        }
    }

    /// Day and month only, for a date of this year in a sentence: `20/11` (fr), `20 Nov` (en).
    public func dayAndMonth(_ date: CivilDate) -> String {
        switch language {
        case .french: "\(Self.pad(date.day))/\(Self.pad(date.month))"
        case .english: "\(date.day) \(Self.englishMonths[date.month - 1].prefix(3))"
        }
    }

    /// The day of the week: `lundi` (fr), `Monday` (en).
    public func weekday(_ date: CivilDate) -> String {
        let french = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
        let english = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        return (language == .french ? french : english)[date.isoWeekday - 1]
    }

    /// A local time of day as a table or a file shows it: `09:05` in both languages.
    public func time(hour: Int, minute: Int) -> String {
        "\(Self.pad(hour)):\(Self.pad(minute))"
    }

    /// A moment's time after its date, as a sentence says it: `à 9 h 05` (French: the hour
    /// without a leading zero, as French typography writes it, its three parts joined by
    /// no-break spaces so that `9 h 05` stays on one line), `09:05` (English).
    public func clock(hour: Int, minute: Int) -> String {
        language == .french ? "à \(hour)\u{00A0}h\u{00A0}\(Self.pad(minute))" : time(hour: hour, minute: minute)
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

public import RelanceCore

/// Dates as a customer reads them in a letter: `15/10/2026` or `1er octobre 2026` in French,
/// `15 Oct 2026` or `15 October 2026` in English. Written by hand so that the output does not
/// depend on the locale data installed on the server.
public enum CivilDateText {
    private static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                       "août", "septembre", "octobre", "novembre", "décembre"]
    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                        "August", "September", "October", "November", "December"]

    /// For tables: `15/10/2026` (fr), `15 Oct 2026` (en).
    public static func short(_ date: CivilDate, language: Language) -> String {
        switch language {
        case .french: "\(pad(date.day))/\(pad(date.month))/\(date.year)"
        case .english: "\(date.day) \(englishMonths[date.month - 1].prefix(3)) \(date.year)"
        }
    }

    /// For sentences: `1er octobre 2026`, `15 octobre 2026` (fr), `15 October 2026` (en).
    public static func long(_ date: CivilDate, language: Language) -> String {
        switch language {
        case .french: "\(date.day == 1 ? "1er" : String(date.day)) \(frenchMonths[date.month - 1]) \(date.year)"
        case .english: "\(date.day) \(englishMonths[date.month - 1]) \(date.year)"
        }
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

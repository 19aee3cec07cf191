public import RelanceCore

/// Dates as a customer reads them in a letter: `15/10/2026` or `1er octobre 2026` in French,
/// `15 Oct 2026` or `15 October 2026` in English. The formats are `CivilDateFormat`'s, shared
/// with every other output a person reads.
public enum CivilDateText {
    /// For tables: `15/10/2026` (fr), `15 Oct 2026` (en).
    public static func short(_ date: CivilDate, language: Language) -> String {
        CivilDateFormat(language).short(date)
    }

    /// For sentences: `1er octobre 2026`, `15 octobre 2026` (fr), `15 October 2026` (en).
    public static func long(_ date: CivilDate, language: Language) -> String {
        CivilDateFormat(language).long(date)
    }
}

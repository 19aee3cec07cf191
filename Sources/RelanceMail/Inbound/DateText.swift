import Foundation
import RelanceCore

/// Dates written by people in French, English, German, Spanish and Italian mail
/// ("12 décembre", "December 12th", "12/12/2026", "2026-12-12"), resolved against the
/// message's own date when the year is left out.
enum DateText {
    struct Found {
        let date: CivilDate
        let range: Range<String.Index>
    }

    static let monthNames: [String: Int] = {
        let lists: [[String]] = [
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
            // Spellings without accents, as typed on keyboards that lack them.
            ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"],
        ]
        var names: [String: Int] = [:]
        for list in lists {
            for (index, name) in list.enumerated() { names[name] = index + 1 }
        }
        // Abbreviations ("déc.", "Dec", "sept", "janv"): prefixes of the longer names.
        for (name, month) in names where name.count > 4 {
            for length in 3...4 where names[String(name.prefix(length))] == nil {
                names[String(name.prefix(length))] = month
            }
        }
        return names
    }()

    private static let monthAlternation = monthNames.keys.sorted { $0.count > $1.count }
        .map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")

    private static let patterns: [NSRegularExpression] = [
        // 2026-12-12
        #"(?<![\d])(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?![\d])"#,
        // 12/12/2026, 12.12.26, 12-12-2026, 12/12
        #"(?<![\d/.])(?<d>\d{1,2})[/.](?<m>\d{1,2})(?:[/.](?<y>\d{4}|\d{2}))?(?![\d/]|\.\d)"#,
        // 12 décembre 2026, 12th of December, 1er mars, 12. Dezember, 12 de diciembre de 2026
        #"(?i)(?<![\w])(?<d>\d{1,2})(?:er|re|st|nd|rd|th|º|°)?\.?\s+(?:of\s+|de\s+)?(?<mn>MONTHS)\.?(?:,?\s+(?:de(?:l)?\s+)?(?<y>\d{4}))?(?![\w])"#,
        // December 12, 2026 / Dec. 12th
        #"(?i)(?<![\w])(?<mn>MONTHS)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?(?![\w])"#,
    ].map { try! NSRegularExpression(pattern: $0.replacingOccurrences(of: "MONTHS", with: monthAlternation)) }

    /// All dates in `text`, in order of appearance. `reference` is the message's date: a
    /// date written without a year is the first such day on or after it (an out-of-office
    /// sent on 20 December saying "back on 3 January" means next year).
    static func dates(in text: String, reference: CivilDate?) -> [Found] {
        var found: [Found] = []
        let nsRange = NSRange(text.startIndex..., in: text)
        for pattern in patterns {
            for match in pattern.matches(in: text, range: nsRange) {
                guard let range = Range(match.range, in: text),
                      !found.contains(where: { $0.range.overlaps(range) }) else { continue }
                func group(_ name: String) -> String? {
                    let groupRange = match.range(withName: name)
                    guard groupRange.location != NSNotFound, let r = Range(groupRange, in: text) else { return nil }
                    return String(text[r])
                }
                guard let day = group("d").flatMap({ Int($0) }) else { continue }
                var month: Int?
                if let number = group("m") { month = Int(number) }
                if let name = group("mn") { month = monthNames[name.lowercased()] }
                guard var month else { continue }
                var day2 = day
                if month > 12, day <= 12 { swap(&month, &day2) } // US month/day order
                var year = group("y").flatMap { Int($0) }
                if let y = year, y < 100 { year = 2000 + y }
                if let date = resolve(day: day2, month: month, year: year, reference: reference) {
                    found.append(Found(date: date, range: range))
                }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func resolve(day: Int, month: Int, year: Int?, reference: CivilDate?) -> CivilDate? {
        if let year { return CivilDate(year: year, month: month, day: day) }
        guard let reference else { return nil }
        if let sameYear = CivilDate(year: reference.year, month: month, day: day), sameYear >= reference.adding(days: -7) {
            return sameYear
        }
        return CivilDate(year: reference.year + 1, month: month, day: day)
    }

    private static let rfc5322Date = try! NSRegularExpression(pattern: #"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})"#)

    /// The calendar day of an RFC 5322 `Date:` header, as written (sender's local date).
    static func messageDate(_ header: String?) -> CivilDate? {
        guard let header else { return nil }
        let pattern = rfc5322Date
        let range = NSRange(header.startIndex..., in: header)
        guard let match = pattern.firstMatch(in: header, range: range),
              let dayRange = Range(match.range(at: 1), in: header), let monthRange = Range(match.range(at: 2), in: header),
              let yearRange = Range(match.range(at: 3), in: header),
              let day = Int(header[dayRange]), var year = Int(header[yearRange]) else { return nil }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard let monthIndex = months.firstIndex(of: header[monthRange].lowercased()) else { return nil }
        if year < 50 { year += 2000 } else if year < 100 { year += 1900 }
        return CivilDate(year: year, month: monthIndex + 1, day: day)
    }
}

/// French public holidays (Code du travail, art. L3133-1), with the two extra days of
/// Alsace and Moselle (art. L3134-13) as an option.
///
/// Whit Monday (lundi de Pentecôte) is a public holiday even where it is worked as the
/// "journée de solidarité": administrations and many companies are closed, so no reminder
/// goes out that day.
public struct FrenchBusinessCalendar: BusinessCalendar, Hashable {
    /// Adds Good Friday and 26 December (Saint-Étienne), holidays in Bas-Rhin, Haut-Rhin and Moselle.
    public var alsaceMoselle: Bool

    public init(alsaceMoselle: Bool = false) {
        self.alsaceMoselle = alsaceMoselle
    }

    public var name: String { alsaceMoselle ? "France (Alsace-Moselle)" : "France" }

    public func holiday(on date: CivilDate) -> String? {
        switch (date.month, date.day) {
        case (1, 1): return "New Year's Day (jour de l'an)"
        case (5, 1): return "Labour Day (fête du Travail)"
        case (5, 8): return "Victory in Europe Day (8 mai 1945)"
        case (7, 14): return "Bastille Day (fête nationale)"
        case (8, 15): return "Assumption (Assomption)"
        case (11, 1): return "All Saints' Day (Toussaint)"
        case (11, 11): return "Armistice Day (11 novembre)"
        case (12, 25): return "Christmas Day (Noël)"
        case (12, 26) where alsaceMoselle: return "St Stephen's Day (Saint-Étienne)"
        default: break
        }
        // Every Easter-based holiday falls between 20 March (Good Friday) and 14 June (Whit Monday).
        guard (3...6).contains(date.month) else { return nil }
        switch Self.easterSunday(year: date.year).days(until: date) {
        case -2 where alsaceMoselle: return "Good Friday (Vendredi saint)"
        case 1: return "Easter Monday (lundi de Pâques)"
        case 39: return "Ascension Day (Ascension)"
        case 50: return "Whit Monday (lundi de Pentecôte)"
        default: return nil
        }
    }

    /// Every public holiday of `year`, in date order.
    public func holidays(in year: Int) -> [(date: CivilDate, name: String)] {
        guard let start = CivilDate(year: year, month: 1, day: 1) else { return [] }
        let length = CivilDate.isLeap(year) ? 366 : 365
        return (0..<length).compactMap { offset in
            let day = start.adding(days: offset)
            return holiday(on: day).map { (day, $0) }
        }
    }

    /// Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" algorithm).
    public static func easterSunday(year: Int) -> CivilDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)!
    }
}

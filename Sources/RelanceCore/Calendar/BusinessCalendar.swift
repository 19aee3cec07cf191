/// Which days people work: reminders, calls and letters happen on business days only, and
/// intervals ("5 business days") are counted on them. Countries differ, so the rule is a
/// protocol; the planner takes one as input.
public protocol BusinessCalendar: Sendable {
    /// A short name for reasons and logs: "France", "France (Alsace-Moselle)".
    var name: String { get }
    /// The public holiday on `date`, if any, by its usual name; weekends are not holidays.
    func holiday(on date: CivilDate) -> String?
}

extension BusinessCalendar {
    public func isBusinessDay(_ date: CivilDate) -> Bool {
        !date.isWeekend && holiday(on: date) == nil
    }

    /// Why `date` is not a business day ("a Saturday", "Whit Monday"), nil when it is one.
    public func nonBusinessReason(_ date: CivilDate) -> String? {
        if let holiday = holiday(on: date) { return "\(holiday), a public holiday" }
        if date.isoWeekday == 6 { return "a Saturday" }
        if date.isoWeekday == 7 { return "a Sunday" }
        return nil
    }

    /// `date` itself when it is a business day, otherwise the first one after it.
    public func businessDay(onOrAfter date: CivilDate) -> CivilDate {
        var day = date
        // Bounded: no calendar has a year without business days.
        while !isBusinessDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The `count`-th business day after `date` (`date` itself does not count, whatever it is);
    /// with a negative `count`, the `-count`-th business day before it. Zero returns `date`.
    public func adding(businessDays count: Int, to date: CivilDate) -> CivilDate {
        var day = date
        var remaining = abs(count)
        let step = count < 0 ? -1 : 1
        while remaining > 0 {
            day = day.adding(days: step)
            if isBusinessDay(day) { remaining -= 1 }
        }
        return day
    }

    /// Business days in `(from, to]`: 0 when `to` is not after `from`.
    public func businessDays(from: CivilDate, to: CivilDate) -> Int {
        guard from < to else { return 0 }
        var count = 0
        var day = from.adding(days: 1)
        while day <= to {
            if isBusinessDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }
}

/// Saturdays and Sundays off, no public holidays: a neutral default for countries whose
/// holidays Relance does not know yet.
public struct WeekendOnlyCalendar: BusinessCalendar, Hashable {
    public init() {}
    public var name: String { "weekends only" }
    public func holiday(on date: CivilDate) -> String? { nil }
}

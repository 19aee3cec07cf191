public import Foundation

/// The hours of a business day during which messages may leave, in the creditor's time zone
/// (default 09:00–17:00). Work planned outside the window waits for the next opening; it is
/// never dropped.
public struct SendWindow: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Minutes after local midnight when sending may start (inclusive).
    public var opensAtMinute: Int
    /// Minutes after local midnight when sending stops (exclusive).
    public var closesAtMinute: Int

    /// Nil when the times are not on a clock or the window is empty.
    public init?(opens: (hour: Int, minute: Int), closes: (hour: Int, minute: Int)) {
        guard (0...23).contains(opens.hour), (0...59).contains(opens.minute),
              (0...24).contains(closes.hour), (0...59).contains(closes.minute)
        else { return nil }
        let start = opens.hour * 60 + opens.minute
        let end = closes.hour * 60 + closes.minute
        guard start < end, end <= 24 * 60 else { return nil }
        self.opensAtMinute = start
        self.closesAtMinute = end
    }

    public static let standard = SendWindow(opens: (9, 0), closes: (17, 0))!

    public var description: String { "\(Self.clock(opensAtMinute))–\(Self.clock(closesAtMinute))" }

    /// True when `instant` falls on a business day, within the window, in `timeZone`.
    public func contains(_ instant: Date, in timeZone: TimeZone, calendar: some BusinessCalendar) -> Bool {
        let local = Self.localParts(of: instant, in: timeZone)
        return calendar.isBusinessDay(local.date) && (opensAtMinute..<closesAtMinute).contains(local.minute)
    }

    /// `instant` itself when it is inside the window, otherwise the next instant the window opens.
    public func nextOpening(atOrAfter instant: Date, in timeZone: TimeZone, calendar: some BusinessCalendar) -> Date {
        if contains(instant, in: timeZone, calendar: calendar) { return instant }
        let local = Self.localParts(of: instant, in: timeZone)
        let firstCandidate = local.minute < opensAtMinute ? local.date : local.date.adding(days: 1)
        let day = calendar.businessDay(onOrAfter: firstCandidate)
        return Self.instant(of: day, minute: opensAtMinute, in: timeZone)
    }

    private static func clock(_ minutes: Int) -> String {
        let hour = minutes / 60
        let minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    private static func gregorian(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    private static func localParts(of instant: Date, in timeZone: TimeZone) -> (date: CivilDate, minute: Int) {
        let parts = gregorian(timeZone).dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return (CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!, parts.hour! * 60 + parts.minute!)
    }

    /// The local wall-clock time on `day`; a time skipped by a daylight-saving change moves
    /// forward to the first instant that exists (Foundation's rule).
    private static func instant(of day: CivilDate, minute: Int, in timeZone: TimeZone) -> Date {
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: minute / 60, minute: minute % 60)
        return gregorian(timeZone).date(from: components)!
    }
}

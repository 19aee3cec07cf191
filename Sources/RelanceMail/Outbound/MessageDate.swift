public import Foundation
import RelanceCore

/// An RFC 5322 `Date` header value such as `Tue, 13 Oct 2026 09:30:00 +0200`, in the
/// creditor's time zone so the customer sees the local hour the creditor works in.
/// Formatted by hand: `DateFormatter` output depends on the platform's locale data.
public struct MessageDate: Sendable, Hashable, CustomStringConvertible {
    public let headerValue: String

    /// `instant` seen in `timeZone` (its offset at that instant, summer time included).
    public init(_ instant: Date, timeZone: TimeZone) {
        let seconds = Int64(instant.timeIntervalSince1970.rounded(.down))
        self.init(secondsSinceEpoch: seconds, utcOffsetSeconds: timeZone.secondsFromGMT(for: instant))
    }

    /// The pure form: Unix seconds and the UTC offset in force, in seconds east of UTC.
    public init(secondsSinceEpoch: Int64, utcOffsetSeconds: Int) {
        let local = secondsSinceEpoch + Int64(utcOffsetSeconds)
        let days = Int(local.floorDivided(by: 86_400))
        let secondOfDay = Int(local - Int64(days) * 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let offsetMinutes = abs(utcOffsetSeconds) / 60
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        headerValue = "\(weekdays[date.isoWeekday - 1]), \(date.day) \(months[date.month - 1]) \(Self.pad(date.year, 4)) "
            + "\(Self.pad(secondOfDay / 3600, 2)):\(Self.pad(secondOfDay % 3600 / 60, 2)):\(Self.pad(secondOfDay % 60, 2)) "
            + "\(sign)\(Self.pad(offsetMinutes / 60, 2))\(Self.pad(offsetMinutes % 60, 2))"
    }

    public var description: String { headerValue }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

private extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}

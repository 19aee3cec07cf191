public import Foundation
public import RelanceCore

/// A creditor's send window with what it needs to be read: the hours, the time zone, and the
/// business calendar (no mail on weekends and public holidays).
public struct CreditorSendWindow: Sendable {
    public let window: SendWindow
    public let timeZone: TimeZone
    public let calendar: FrenchBusinessCalendar

    public init(window: SendWindow, timeZone: TimeZone, calendar: FrenchBusinessCalendar) {
        self.window = window
        self.timeZone = timeZone
        self.calendar = calendar
    }

    public func isOpen(at instant: Date) -> Bool {
        window.contains(instant, in: timeZone, calendar: calendar)
    }

    public func nextOpening(after instant: Date) -> Date {
        window.nextOpening(atOrAfter: instant, in: timeZone, calendar: calendar)
    }
}

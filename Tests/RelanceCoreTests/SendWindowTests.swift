import Foundation
import Testing
import RelanceCore

@Suite struct SendWindowTests {
    static let paris = TimeZone(identifier: "Europe/Paris")!
    static let france = FrenchBusinessCalendar()

    /// An instant given as UTC wall-clock text.
    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!
    }

    @Test(arguments: [
        // instant (UTC), inside the 09:00–17:00 Paris window, next opening (UTC)
        ("2026-11-30T08:00:00Z", true, "2026-11-30T08:00:00Z"),   // 09:00 in Paris (UTC+1): opens
        ("2026-11-30T07:59:00Z", false, "2026-11-30T08:00:00Z"),  // 08:59: the same morning
        ("2026-11-30T15:59:00Z", true, "2026-11-30T15:59:00Z"),   // 16:59
        ("2026-11-30T16:00:00Z", false, "2026-12-01T08:00:00Z"),  // 17:00: closed, next morning
        ("2026-11-27T17:30:00Z", false, "2026-11-30T08:00:00Z"),  // Friday evening → Monday
        ("2026-11-28T10:00:00Z", false, "2026-11-30T08:00:00Z"),  // Saturday
        ("2026-05-22T16:00:00Z", false, "2026-05-26T07:00:00Z"),  // Friday 18:00 CEST → Tuesday, Whit Monday off
        ("2026-07-13T15:30:00Z", false, "2026-07-15T07:00:00Z"),  // Monday 17:30 → Wednesday, 14 July off
        ("2026-03-29T06:30:00Z", false, "2026-03-30T07:00:00Z"),  // DST Sunday → Monday 09:00 CEST
    ])
    func parisWindow(instant: String, inside: Bool, next: String) {
        let window = SendWindow.standard
        #expect(window.contains(Self.utc(instant), in: Self.paris, calendar: Self.france) == inside)
        #expect(window.nextOpening(atOrAfter: Self.utc(instant), in: Self.paris, calendar: Self.france) == Self.utc(next))
    }

    @Test func refusesEmptyOrImpossibleWindows() {
        #expect(SendWindow(opens: (17, 0), closes: (9, 0)) == nil)
        #expect(SendWindow(opens: (9, 0), closes: (9, 0)) == nil)
        #expect(SendWindow(opens: (25, 0), closes: (26, 0)) == nil)
        #expect(SendWindow(opens: (8, 30), closes: (18, 15))?.description == "08:30–18:15")
        #expect(SendWindow.standard.description == "09:00–17:00")
    }

    @Test func anotherTimeZoneShiftsTheWindow() {
        let newYork = TimeZone(identifier: "America/New_York")!
        // 14:00 UTC is 09:00 in New York (EST) on 30 November 2026.
        #expect(SendWindow.standard.contains(Self.utc("2026-11-30T14:00:00Z"), in: newYork, calendar: WeekendOnlyCalendar()))
        #expect(!SendWindow.standard.contains(Self.utc("2026-11-30T13:59:00Z"), in: newYork, calendar: WeekendOnlyCalendar()))
    }
}

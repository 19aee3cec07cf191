import Testing
import RelanceCore

@Suite struct CivilDateTests {
    @Test func roundTripsThroughDaysSinceEpoch() {
        for days in stride(from: -700_000, through: 2_900_000, by: 997) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect(CivilDate(year: date.year, month: date.month, day: date.day) == date)
        }
    }

    @Test func knowsLeapYearsAndRefusesImpossibleDates() {
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2026, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2026, month: 13, day: 1) == nil)
    }

    @Test func weekdaysAndDifferences() throws {
        let monday = try #require(CivilDate(year: 2026, month: 11, day: 30))
        #expect(monday.isoWeekday == 1)
        #expect(monday.adding(days: 5).isWeekend)
        #expect(CivilDate(year: 1970, month: 1, day: 1)?.isoWeekday == 4)
        let due = try #require(CivilDate(iso8601: "2026-10-15"))
        #expect(due.days(until: monday) == 46)
        #expect(due.iso8601 == "2026-10-15")
        #expect(CivilDate(iso8601: "2026-1-15") == nil)
    }
}

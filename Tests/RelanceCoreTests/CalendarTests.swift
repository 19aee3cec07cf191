import Testing
import RelanceCore

@Suite struct BusinessCalendarTests {
    static let france = FrenchBusinessCalendar()
    static let alsace = FrenchBusinessCalendar(alsaceMoselle: true)

    static func day(_ text: String) -> CivilDate { CivilDate(iso8601: text)! }

    // Easter Sundays from published tables (Gregorian computus).
    @Test(arguments: [
        (2000, "2000-04-23"), (2019, "2019-04-21"), (2024, "2024-03-31"), (2025, "2025-04-20"),
        (2026, "2026-04-05"), (2027, "2027-03-28"), (2038, "2038-04-25"), (2285, "2285-03-22"),
    ])
    func easterSunday(year: Int, expected: String) {
        #expect(FrenchBusinessCalendar.easterSunday(year: year) == Self.day(expected))
    }

    @Test(arguments: [
        // date, is a business day in France, the name that must appear in the reason
        ("2026-04-06", false, "Easter Monday"),
        ("2026-05-14", false, "Ascension"),
        ("2026-05-25", false, "Whit Monday"),
        ("2025-06-09", false, "Whit Monday"),
        ("2024-05-20", false, "Whit Monday"),
        ("2026-05-01", false, "Labour Day"),
        ("2026-05-08", false, "8 mai"),
        ("2026-07-14", false, "Bastille Day"),       // a Tuesday
        ("2024-07-14", false, "Bastille Day"),       // a Sunday: a holiday on a weekend is one day off, not two
        ("2024-07-15", true, ""),                    // so the Monday after is worked
        ("2026-08-15", false, "Assumption"),
        ("2026-11-01", false, "All Saints"),
        ("2026-11-11", false, "Armistice"),
        ("2026-12-25", false, "Christmas"),
        ("2027-01-01", false, "New Year"),
        ("2026-04-03", true, ""),                    // Good Friday: worked outside Alsace-Moselle
        ("2026-12-26", false, "Saturday"),           // 26 December 2026 is a Saturday anyway
        ("2025-12-26", true, ""),                    // a Friday: worked outside Alsace-Moselle
        ("2024-02-29", true, ""),                    // leap day, a Thursday
        ("2026-11-28", false, "Saturday"),
        ("2026-11-29", false, "Sunday"),
        ("2026-11-30", true, ""),
    ])
    func frenchBusinessDays(date: String, isBusiness: Bool, name: String) {
        let day = Self.day(date)
        #expect(Self.france.isBusinessDay(day) == isBusiness)
        if isBusiness {
            #expect(Self.france.nonBusinessReason(day) == nil)
        } else {
            #expect(Self.france.nonBusinessReason(day)?.contains(name) == true)
        }
    }

    @Test(arguments: [("2026-04-03", "Good Friday"), ("2025-12-26", "St Stephen"), ("2026-04-06", "Easter Monday")])
    func alsaceMoselleAddsTwoDays(date: String, name: String) {
        #expect(!Self.alsace.isBusinessDay(Self.day(date)))
        #expect(Self.alsace.holiday(on: Self.day(date))?.contains(name) == true)
    }

    @Test func frenchYearsHaveElevenHolidaysAndAlsaceThirteen() {
        for year in 2019...2030 {
            #expect(Self.france.holidays(in: year).count == 11)
            #expect(Self.alsace.holidays(in: year).count == 13)
        }
    }

    @Test(arguments: [
        // start, business days to add, expected
        ("2026-05-07", 5, "2026-05-18"),   // Fri 8 May and Thu 14 May (Ascension) are off
        ("2026-11-27", 1, "2026-11-30"),   // Friday + 1 → Monday
        ("2026-11-28", 0, "2026-11-28"),
        ("2026-12-24", 1, "2026-12-28"),   // Christmas Friday, then the weekend
        ("2024-02-28", 1, "2024-02-29"),   // leap day
        ("2026-04-03", 1, "2026-04-07"),   // over Easter Monday
        ("2026-05-26", -1, "2026-05-22"),  // backwards over Whit Monday and the weekend
    ])
    func addingBusinessDays(start: String, count: Int, expected: String) {
        #expect(Self.france.adding(businessDays: count, to: Self.day(start)) == Self.day(expected))
    }

    @Test func countingAndNextBusinessDay() {
        #expect(Self.france.businessDays(from: Self.day("2026-05-07"), to: Self.day("2026-05-18")) == 5)
        #expect(Self.france.businessDays(from: Self.day("2026-05-18"), to: Self.day("2026-05-07")) == 0)
        #expect(Self.france.businessDay(onOrAfter: Self.day("2026-05-23")) == Self.day("2026-05-26"))
        #expect(Self.france.businessDay(onOrAfter: Self.day("2026-05-26")) == Self.day("2026-05-26"))
    }

    @Test func weekendOnlyCalendarWorksOnHolidays() {
        let calendar = WeekendOnlyCalendar()
        #expect(calendar.isBusinessDay(Self.day("2026-05-25")))
        #expect(!calendar.isBusinessDay(Self.day("2026-05-23")))
        #expect(calendar.adding(businessDays: 5, to: Self.day("2026-05-07")) == Self.day("2026-05-14"))
    }
}

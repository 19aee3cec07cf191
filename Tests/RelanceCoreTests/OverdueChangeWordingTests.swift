import RelanceCore
import Testing

/// The digest's change of the overdue total since the last digest: signed, with the typographic
/// minus U+2212 as every amount a person reads.
@Suite struct OverdueChangeWordingTests {
    let previous = CivilDate(iso8601: "2026-12-06")!
    let today = CivilDate(iso8601: "2026-12-07")!

    @Test func aFallIsSaidWithTheMinusSign() {
        let fall = Money(minorUnits: -18_000, currency: .euro)
        #expect(FrenchWording().overdueChange(fall, since: previous, today: today) == "\u{2212}180,00\u{00A0}€ depuis hier")
        #expect(EnglishWording().overdueChange(fall, since: previous, today: today).hasPrefix("\u{2212}€180.00 "))
    }

    @Test func aRiseIsSaidWithThePlusSign() {
        let rise = Money(minorUnits: 18_000, currency: .euro)
        #expect(FrenchWording().overdueChange(rise, since: previous, today: today) == "+180,00\u{00A0}€ depuis hier")
    }
}

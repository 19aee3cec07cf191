import Testing
import RelanceCore

@Suite struct StatutoryCalculatorTests {
    static func day(_ text: String) -> CivilDate { CivilDate(iso8601: text)! }
    static func euros(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .euro) }

    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var principal: Int64
        var due: String
        var asOf: String
        /// Worked by hand: Σ principal × rate × days / days-in-year, rounded half up once.
        var expectedCents: Int64
        var segments: [(String, Int, Int)]
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        // 1,000,000 × 13.15 % × 30 / 365 = 10,808.22 → 10,808 cents.
        Case(label: "30 days in 2025-S1 (3.15 % + 10)", principal: 1_000_000, due: "2025-03-31", asOf: "2025-04-30",
             expectedCents: 10_808, segments: [("2025-S1", 30, 1315)]),
        // 10 days at 13.15 % + 10 days at 12.15 %: 1e6 × (1315 + 1215) × 10 / 3,650,000 = 6,931.51 → 6,932.
        Case(label: "1 July inside the period", principal: 1_000_000, due: "2025-06-20", asOf: "2025-07-10",
             expectedCents: 6_932, segments: [("2025-S1", 10, 1315), ("2025-S2", 10, 1215)]),
        // 10 days of 2023 at 14 % / 365 = 3,835.62, 10 days of 2024 (leap) at 14.5 % / 366 = 3,961.75 → 7,797.36 → 7,797.
        Case(label: "1 January inside the period, into a leap year", principal: 1_000_000, due: "2023-12-21", asOf: "2024-01-10",
             expectedCents: 7_797, segments: [("2023-S2", 10, 1400), ("2024-S1", 10, 1450)]),
        // 29 February and 1 March 2024 at 14.5 % / 366: 1e6 × 1450 × 2 / 3,660,000 = 792.35 → 792.
        Case(label: "over the leap day", principal: 1_000_000, due: "2024-02-28", asOf: "2024-03-01",
             expectedCents: 792, segments: [("2024-S1", 2, 1450)]),
        // Half-up rounding: 18.25 € × 10 % / 365 = exactly 0.5 cent → 1 (banker's rounding would give 0).
        Case(label: "exactly half a cent rounds up", principal: 1_825, due: "2021-03-01", asOf: "2021-03-02",
             expectedCents: 1, segments: [("2021-S1", 1, 1000)]),
        // 91.25 € × 10 % / 365 = exactly 2.5 cents → 3 (banker's: 2).
        Case(label: "2.5 cents rounds up", principal: 9_125, due: "2021-03-01", asOf: "2021-03-02",
             expectedCents: 3, segments: [("2021-S1", 1, 1000)]),
        Case(label: "not late yet", principal: 1_000_000, due: "2025-03-31", asOf: "2025-03-31",
             expectedCents: 0, segments: []),
    ]

    @Test(arguments: cases)
    func interest(_ example: Case) throws {
        let result = try StatutoryCalculator.interest(on: Self.euros(example.principal), due: Self.day(example.due),
                                                      asOf: Self.day(example.asOf), terms: .french).get()
        #expect(result.interest == Self.euros(example.expectedCents))
        #expect(result.segments.map { "\($0.semester)" } == example.segments.map(\.0))
        #expect(result.segments.map(\.days) == example.segments.map(\.1))
        #expect(result.segments.map(\.annualRateBasisPoints) == example.segments.map(\.2))
    }

    @Test func aMissingSemesterIsNamed() {
        let terms = LatePaymentTerms(referenceRates: RateTable.ecbMainRefinancingRate.overriding(with: [
            DatedRate(semester: Semester("2026-S2")!, basisPoints: 215, source: "test"),
        ]))
        let result = StatutoryCalculator.interest(on: Self.euros(10_000), due: Self.day("2026-12-20"), asOf: Self.day("2027-01-05"), terms: terms)
        guard case .failure(let missing) = result else {
            Issue.record("expected a missing rate, got \(result)")
            return
        }
        #expect(missing.semester == Semester("2027-S1"))
        #expect(missing.description.contains("missing rate for 2027-S1"))
        // The shipped table stops where the figures were confirmed.
        let shipped = StatutoryCalculator.interest(on: Self.euros(10_000), due: Self.day("2026-06-20"), asOf: Self.day("2026-07-05"), terms: .french)
        #expect(throws: MissingRate.self) { try shipped.get() }
    }

    @Test(arguments: [
        // contractual rate, semester, applied rate: never below 3 × the legal rate (3.71 % in 2025-S1 → 11.13 %)
        (500, "2025-S1", 1113), (1500, "2025-S1", 1500), (1113, "2025-S1", 1113), (800, "2026-S1", 800), (700, "2026-S1", 786),
    ])
    func contractualRateHasAFloor(contractual: Int, semester: String, applied: Int) throws {
        let terms = LatePaymentTerms(contractualRateBasisPoints: contractual)
        #expect(try terms.annualRate(for: Semester(semester)!).get().basisPoints == applied)
    }

    @Test func breakdownAddsIndemnitiesInEurosAndInterestInTheInvoiceCurrency() throws {
        let usd = try #require(Currency(code: "USD"))
        let breakdown = StatutoryCalculator.breakdown([
            .init(number: "F-1", principal: Self.euros(1_000_000), issued: Self.day("2025-01-30"), due: Self.day("2025-03-31")),
            .init(number: "F-2", principal: Money(minorUnits: 1_000_000, currency: usd), issued: Self.day("2025-01-01"), due: Self.day("2025-03-31")),
            .init(number: "F-3", principal: Self.euros(5_000), issued: nil, due: Self.day("2025-05-30")),
        ], asOf: Self.day("2025-04-30"), terms: .french)
        #expect(breakdown.isComplete)
        #expect(breakdown.lines.map(\.indemnity) == [Self.euros(4_000), Self.euros(4_000), Self.euros(0)])
        #expect(breakdown.lines.map(\.termExceedsLegalCap) == [false, true, false])   // 60 days is allowed, 89 is not
        #expect(breakdown.interest == [Self.euros(10_808), Money(minorUnits: 10_808, currency: usd)])
        #expect(breakdown.indemnities == [Self.euros(8_000)])
        #expect(breakdown.total == [Self.euros(1_000_000 + 5_000 + 10_808 + 8_000), Money(minorUnits: 1_010_808, currency: usd)])
    }

    @Test(arguments: [
        (Int64(480_000), "small-claims"),   // 4,800 € + interest stays under 5,000 €
        (Int64(499_999), "order-for-payment"),  // interest takes it over 5,000 €
        (Int64(600_000), "order-for-payment"),
    ])
    func legalProcedureFollowsTheAmount(principal: Int64, expected: String) {
        let breakdown = StatutoryCalculator.breakdown([.init(number: "F-1", principal: Self.euros(principal), issued: nil,
                                                             due: Self.day("2025-03-31"))], asOf: Self.day("2025-04-30"), terms: .french)
        #expect(LegalProcedure.proposed(for: breakdown).rawValue == expected)
    }

    @Test func rateTablesCiteASourceForEveryFigure() {
        for table in [RateTable.ecbMainRefinancingRate, .frenchLegalInterestRate] {
            #expect(table.rates.first?.semester == Semester("2019-S1"))
            #expect(table.rates.allSatisfy { !$0.source.isEmpty })
            // No gap between the first and last semester.
            for (earlier, later) in zip(table.rates, table.rates.dropFirst()) { #expect(earlier.semester.next == later.semester) }
        }
        #expect(RateTable.ecbMainRefinancingRate.rate(for: Semester("2023-S2")!)?.basisPoints == 400)
        #expect(RateTable.frenchLegalInterestRate.rate(for: Semester("2026-S1")!)?.basisPoints == 262)
        let overridden = RateTable.ecbMainRefinancingRate.overriding(with: [DatedRate(semester: Semester("2023-S2")!, basisPoints: 1, source: "x")])
        #expect(overridden.rate(for: Semester("2023-S2")!)?.basisPoints == 1)
        #expect(overridden.rates.count == RateTable.ecbMainRefinancingRate.rates.count)
    }
}

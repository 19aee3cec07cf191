import Testing
import RelanceTesting
import RelanceCore

/// A plan computed in parts (on several cores, by the daemon) equals the plan computed at once,
/// and neither depends on the order of the receivables.
@Suite struct PlanPartsTests {
    typealias F = Fixture

    static func input(seed: UInt64, day offset: Int) -> PlanningInput {
        var rng = SplitMix64(seed: seed)
        let start = F.day("2025-01-06")
        let world = PlannerPropertyTests.ledger(&rng, start: start)
        return PlanningInput(creditor: F.creditor, today: start.adding(days: offset), policy: .standard,
                             receivables: world.receivables, customers: world.customers, terms: .french)
    }

    @Test(arguments: [1, 7, 42] as [UInt64], [0, 20, 45, 90])
    func partsMergeIntoThePlan(seed: UInt64, day: Int) throws {
        let input = Self.input(seed: seed, day: day)
        let whole = Planner.plan(input)
        try #require(!whole.decisions.isEmpty)
        for count in 1...7 {
            let parts = Planner.parts(input, count: count)
            #expect(parts.count <= max(1, count))
            #expect(Plan(merging: parts.map { $0.plan() }) == whole, "seed \(seed), day \(day), \(count) parts")
        }
    }

    @Test(arguments: [1, 7, 42] as [UInt64])
    func orderOfTheReceivablesDoesNotMatter(seed: UInt64) {
        var input = Self.input(seed: seed, day: 30)
        let asGiven = Planner.plan(input)
        var rng = SplitMix64(seed: seed)
        input.receivables.shuffle(using: &rng)
        #expect(Planner.plan(input) == asGiven)
        input.receivables.sort { ($0.customer.externalID, $0.due!, $0.number) < ($1.customer.externalID, $1.due!, $1.number) }
        #expect(Planner.plan(input) == asGiven)
        #expect(Plan(merging: Planner.parts(input, count: 3).map { $0.plan() }) == asGiven)
    }

    @Test func noReceivablesMakeOneEmptyPart() {
        let input = PlanningInput(creditor: F.creditor, today: F.day("2026-11-30"), policy: .standard, receivables: [])
        let parts = Planner.parts(input, count: 4)
        #expect(parts.count == 1)
        #expect(parts[0].plan().decisions.isEmpty)
    }
}

import Foundation
import Testing
import RelanceCore

/// `relance plan --json` written a piece at a time is, byte for byte, what `JSONEncoder` wrote
/// for the whole `[Plan]` at once (followed by `print`'s line break).
@Suite struct PlanJSONWriterTests {
    typealias F = Fixture

    /// What the command printed before it streamed.
    static func encodedAtOnce(_ plans: [Plan]) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(plans)) + Array("\n".utf8)
    }

    static func written(_ plans: [Plan], batchSize: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try PlanJSONWriter.write(plans, batchSize: batchSize) { bytes += $0 }
        return bytes
    }

    /// Planner-made plans with contacts (with credits set against them), tasks (with their
    /// statutory figures), escalations and every kind of decision; one with a broken promise,
    /// text the encoder escapes, review mode; and one with every array empty.
    static func plans() throws -> [Plan] {
        var plans = ReasonsInTheCreditorsLanguageTests.plans(.french)
        let input = PlanPartsTests.input(seed: 7, day: 45)
        plans.append(Planner.plan(input))
        var odd = Planner.plan(PlanPartsTests.input(seed: 42, day: 45))
        try #require(odd.contacts.count >= 2)
        odd.reviewOnly = true
        odd.contacts[0].brokenPromise = PromiseNotKept(promisedFor: F.day("2025-03-01"), amount: F.euros(12_345))
        odd.contacts[1].customer.name = "Dupont & Fils / \"Ateliers\"\n\tÉté \u{1} 🙂"
        odd.decisions.append(PlanDecision(customer: "C/9", invoice: nil, verdict: .skip, rule: .other, reason: "a\\b \u{2028} </script>"))
        odd.escalations.append(TaskEscalation(customer: "C1", task: OpenTask(kind: .call, step: "phone-call", since: F.day("2025-03-01")),
                                              dueOn: F.day("2025-03-15")))
        plans.append(odd)
        plans.append(Plan(creditor: F.creditor, date: F.day("2026-11-30"), contacts: [], decisions: []))

        try #require(plans.contains { $0.contacts.count > 3 && $0.decisions.count > 3 })
        try #require(plans.contains { $0.contacts.contains { !$0.allocations.isEmpty } })
        try #require(plans.contains { $0.tasks.contains { $0.breakdown != nil } })
        try #require(plans.contains { !$0.escalations.isEmpty })
        return plans
    }

    @Test(arguments: [1, 2, 3, 256])
    func writesWhatTheEncoderWrote(batchSize: Int) throws {
        let plans = try Self.plans()
        let expected = try Self.encodedAtOnce(plans)
        let written = try Self.written(plans, batchSize: batchSize)
        #expect(written == expected, "first difference at byte \(zip(written, expected).prefix { $0 == $1 }.count)")
        for plan in plans {
            #expect(try Self.written([plan], batchSize: batchSize) == Self.encodedAtOnce([plan]))
        }
    }

    @Test func writesNoPlansAsTheEncoderDid() throws {
        #expect(try Self.written([], batchSize: 256) == Self.encodedAtOnce([]))
    }

    /// A plan larger than a chunk is handed out in several pieces, none much larger than a chunk
    /// plus a batch.
    @Test func handsOutChunks() throws {
        let plan = Planner.plan(PlanPartsTests.input(seed: 1, day: 45))
        let plans = Array(repeating: plan, count: 40)
        var chunks: [[UInt8]] = []
        try PlanJSONWriter.write(plans) { chunks.append($0) }
        #expect(chunks.count > 1)
        #expect(Array(chunks.joined()) == (try Self.encodedAtOnce(plans)))
    }
}

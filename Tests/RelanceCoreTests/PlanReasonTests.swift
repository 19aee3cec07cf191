import Foundation
import Testing
import RelanceCore

/// The planner's reasons kept as facts (`PlanReason`) read in the same words as the wording
/// functions they stand for, in each language, and are written to JSON as those words.
@Suite struct PlanReasonTests {
    typealias F = Fixture

    static let invoices = [PlannedInvoice(receivable: F.invoice("F-1", id: 1, due: "2026-10-15"), step: "first-reminder", daysLate: 5),
                           PlannedInvoice(receivable: F.invoice("F-2", id: 2, due: "2026-10-16"), step: "second-reminder", daysLate: 4)]

    /// Each case of the facts beside the wording call it stands for.
    static func pairs(_ words: any Wording) -> [(PlanReason.Facts, String)] {
        let due = F.day("2026-10-15"), later = F.day("2026-11-02")
        var pairs: [(PlanReason.Facts, String)] = []
        for daysLate in [-3, 0, 1, 12] {
            pairs.append((.stepBeforeDue(step: "courtesy-reminder", daysLate: daysLate), words.stepBeforeDue(step: "courtesy-reminder", daysLate: daysLate)))
            pairs.append((.notYetDue(daysLate: daysLate, dueDay: due.daysSinceEpoch, step: "first-reminder", onDay: later.daysSinceEpoch),
                          words.notYetDue(daysLate: daysLate, due: due, step: "first-reminder", on: later)))
        }
        for review in [false, true] {
            pairs.append((.contactPlanned(step: "second-reminder", invoices: invoices, reviewMode: review),
                          words.contactPlanned(step: "second-reminder", invoices: invoices, reviewMode: review)))
            pairs.append((.taskPlanned(step: "phone-call", kind: .call, invoices: invoices, reviewMode: review),
                          words.taskPlanned(step: "phone-call", kind: .call, invoices: invoices, reviewMode: review)))
        }
        pairs.append((.ladderComplete(policy: "standard"), words.ladderComplete(policy: "standard")))
        pairs.append((.worded("déjà dit"), "déjà dit"))
        return pairs
    }

    @Test(arguments: [Language.french, .english])
    func factsReadAsTheirWordingFunction(_ language: Language) throws {
        let other: Language = language == .french ? .english : .french
        for (facts, words) in Self.pairs(language.wording) {
            let reason = PlanReason(facts, in: language)
            #expect(reason.text == words)
            #expect(reason == .worded(words))
            #expect(reason.hashValue == PlanReason.worded(words).hashValue)
            if case .worded = facts { continue }
            #expect(PlanReason(facts, in: other).text != words, "\(words) is the same in both languages")
        }
    }

    /// A decision with facts is written to JSON exactly as one with the words, and reads back equal.
    @Test func aDecisionIsWrittenWithItsReasonInWords() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (facts, words) in Self.pairs(Language.french.wording) {
            let planned = PlanDecision(customer: "C1", invoice: "F-1", verdict: .wait, rule: .notYetDue, because: PlanReason(facts, in: .french))
            let worded = PlanDecision(customer: "C1", invoice: "F-1", verdict: .wait, rule: .notYetDue, reason: words)
            let json = try encoder.encode(planned)
            #expect(json == (try encoder.encode(worded)))
            #expect(String(decoding: json, as: UTF8.self).contains("\"reason\":"))
            #expect(try JSONDecoder().decode(PlanDecision.self, from: json) == planned)
        }
    }
}

import Foundation
import RelanceCore
import Testing

/// The call task's "Déjà fait" (#13): one message covering several invoices at different steps
/// is one line, and the lines are separated as each language writes a list (` ; ` in French).
@Suite("What was already done, one line per message")
struct PriorActionsByMessageTests {
    typealias F = Fixture

    /// F-1 had its first reminder on 07/12 and its second on 21/12; F-2 (due later) its first on
    /// 21/12, in the same email as F-1's second. The call comes a week later.
    func callTask() throws -> PlannedTask {
        let f1 = F.invoice("F-1", id: 1, due: "2026-11-20", steps: [("first-reminder", "2026-12-07"), ("second-reminder", "2026-12-21")])
        let f2 = F.invoice("F-2", id: 2, due: "2026-12-10", steps: [("first-reminder", "2026-12-21")])
        let plan = F.plan(on: "2026-12-29", [f1, f2])
        return try #require(plan.tasks.first { $0.kind == .call }, "\(plan.decisions.map(\.reason))")
    }

    @Test func oneMessageIsOneLineInFrench() throws {
        let task = try callTask()
        #expect(FrenchWording().priorActions(task.priorActions)
                == "07/12/2026 : première relance ; 21/12/2026 : première relance (F-2) et deuxième relance (F-1)")
        #expect(FrenchWording().callEarlierActions(task.priorActions)
                == "Actions précédentes : 07/12/2026 : première relance ; 21/12/2026 : première relance (F-2) et deuxième relance (F-1).")
    }

    @Test func oneMessageIsOneLineInEnglish() throws {
        let task = try callTask()
        #expect(EnglishWording().priorActions(task.priorActions)
                == "7 Dec 2026: first reminder; 21 Dec 2026: first reminder (F-2) and second reminder (F-1)")
    }

    /// A call's outcome the same day as an email stays its own line: it is another action.
    @Test func aCallsOutcomeIsItsOwnLine() {
        let day = F.day("2026-12-21")
        let actions = [
            PriorAction(on: day, step: "first-reminder", channel: .email, invoices: ["F-2"]),
            PriorAction(on: day, step: "phone-call", channel: .phone, invoices: ["F-1"], detail: TaskOutcome.noAnswer.summary),
            PriorAction(on: day, step: "second-reminder", channel: .email, invoices: ["F-1", "F-3"]),
        ]
        #expect(FrenchWording().priorActions(actions)
                == "21/12/2026 : première relance (F-2) et deuxième relance (F-1, F-3) ; 21/12/2026 : relance téléphonique (pas de réponse)")
    }
}

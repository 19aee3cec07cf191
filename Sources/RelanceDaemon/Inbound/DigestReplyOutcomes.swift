import Foundation
import RelanceCore
import RelanceMail

/// The outcomes written in a person's reply to the digest, each decided by the same
/// `TaskOutcomeRecorder.decide` as `relance tasks done`; the store applies them in the
/// transaction that records the reply (`InboundEffect.taskOutcome`). A line that cannot be
/// read or is refused becomes a `task.outcome-refused` entry, which the next digest reports.
struct DigestReplyOutcomes {
    let creditor: CreditorConfiguration
    let recorder: TaskOutcomeRecorder

    func effects(of message: MIMEMessage, from sender: EmailAddress, today: CivilDate) async throws -> [InboundEffect] {
        let parsed = OutcomeReplyParser.parse(ReplyText.newText(of: message), today: today)
        var effects: [InboundEffect] = []
        let words = creditor.language.wording
        for problem in parsed.problems {
            effects.append(.event(kind: "task.outcome-refused",
                                  summary: words.outcomeLineNotRead(taskID: problem.taskID, sender: sender.value, line: problem.text, problem: problem.reason)))
        }
        for command in parsed.commands {
            let request = TaskOutcomeRequest(taskID: command.taskID, outcome: command.outcome, recordedBy: sender.value, channel: .email)
            do {
                // Another creditor's task is refused as unknown: a reply acts only on its own creditor's work.
                effects.append(.taskOutcome(try await recorder.decide(request, onlyFor: creditor.id)))
            } catch let error as TaskOutcomeError {
                effects.append(.event(kind: "task.outcome-refused",
                                      summary: words.outcomeNotRecorded(taskID: command.taskID, outcome: command.outcome, by: sender.value, why: error.message)))
            }
        }
        return effects
    }
}

import Foundation
import Testing
import RelanceCore

/// What both stores write for an outcome and for the ladder's task is decided here, once: the
/// consequences an outcome carries, the refusal once the task closed meanwhile, the ladder's
/// choice between opening, keeping, moving on and superseding (#13, #16).
@Suite("Outcomes and the ladder's tasks, as both stores write them")
struct TaskOutcomeWritingTests {
    typealias F = Fixture
    typealias D = TaskOutcomeDecisionTests

    @Test func aPromiseOrAPaymentOnATaskEndsTheDisputesOfItsInvoicesWithTheReasonInTheCreditorsWords() throws {
        var facts = D.facts(.readReply)
        facts.taskDisputedInvoiceIDs = [8]
        let promise = try D.decide(.promisedToPay(on: F.day("2027-01-15")), facts)
        #expect(promise.resolvedDisputeInvoiceIDs == [8])
        #expect(promise.disputeEndReason == "promesse de paiement enregistrée sur la tâche n°\u{00A0}12")
        #expect(try D.decide(.paid(on: nil), facts).resolvedDisputeInvoiceIDs == [8])
        // Anything else leaves them disputed.
        #expect(try D.decide(.done(note: nil), facts).resolvedDisputeInvoiceIDs.isEmpty)
        #expect(try D.decide(.done(note: nil), facts).disputeEndReason.isEmpty)
    }

    @Test func aDisputeAndANewAddressCarryTheirReasons() throws {
        #expect(try D.decide(.dispute(invoices: []), D.facts(.call)).disputeReason == "litige (tâche n°\u{00A0}12)")
        #expect(try D.decide(.dispute(invoices: [], reason: "colis abîmé"), D.facts(.call)).disputeReason == "colis abîmé")
        let address = try D.decide(.newAddress(EmailAddress("ap@client.example")!), D.facts(.readReply), language: .english)
        #expect(address.newAddress == EmailAddress("ap@client.example") && address.newAddressReason.contains("#12"))
    }

    @Test func theClosedStateAndTheJournalLineFollowTheOutcome() throws {
        let cancelled = try D.decide(.cancelled(reason: "doublon"), D.facts(.call))
        #expect(cancelled.closedState == .cancelled)
        #expect(cancelled.journalEvent(at: Date(timeIntervalSince1970: 0)).kind == "task.closed")
        #expect(try D.decide(.done(note: nil), D.facts(.call)).closedState == .done)
        let retry = try D.decide(.noAnswer, D.facts(.call))
        #expect(retry.closedState == nil)
        let event = retry.journalEvent(at: Date(timeIntervalSince1970: 0))
        #expect(event.kind == "task.outcome" && event.summary == retry.journal)
        #expect(event.detail == ["task": "12", "outcome": "no-answer", "by": "marie", "channel": "cli"])
    }

    /// The decision was taken on a read; the store finds the task again when it writes.
    @Test func anOutcomeIsRefusedWhenTheTaskIsGoneOrWasClosedMeanwhile() throws {
        let application = try D.decide(.done(note: nil), D.facts(.call))
        let words = Language.french.wording
        #expect(application.refusal(current: .open, closedBy: nil, stillDisputed: [], words: words) == nil)
        #expect(application.refusal(current: nil, closedBy: nil, stillDisputed: [], words: words)?.message == "la tâche n°\u{00A0}12 n'existe pas (relance tasks liste les tâches ouvertes)")
        let closed = application.refusal(current: .done, closedBy: .promisedToPay(on: F.day("2027-01-15")), stillDisputed: [], words: words)
        #expect(closed?.code == .closed && closed?.message.hasPrefix("la tâche n°\u{00A0}12 est déjà faite") == true, "\(String(describing: closed))")
    }

    private func ladder(_ kind: WorkTask.Kind, step: String, customer: Int64? = 1) -> NewTask {
        NewTask(creditor: F.creditor, customerID: customer, kind: kind, title: "t", step: step)
    }

    @Test func theLadderOpensKeepsMovesOnOrSupersedesTheCustomersOpenTask() {
        let call = OpenLadderTask(id: 3, kind: .call, step: "phone-call", stepOn: F.day("2026-12-01"))
        let letter = OpenLadderTask(id: 4, kind: .letter, step: "formal-letter", stepOn: F.day("2026-12-01"))
        #expect(LadderTaskDecision.decide(ladder(.call, step: "phone-call"), open: nil) == .open)
        #expect(LadderTaskDecision.decide(ladder(.call, step: "phone-call"), open: call) == .unchanged(3))
        #expect(LadderTaskDecision.decide(ladder(.call, step: "final-reminder"), open: call) == .moveOn(call))
        #expect(LadderTaskDecision.decide(ladder(.letter, step: "formal-letter"), open: letter) == .unchanged(4))
        #expect(LadderTaskDecision.decide(ladder(.registeredLetter, step: "registered-letter"), open: letter) == .supersede(letter))
        // The same step as another kind of letter is a new letter all the same.
        #expect(LadderTaskDecision.decide(ladder(.registeredLetter, step: "formal-letter"), open: letter) == .supersede(letter))
        // Outside the ladder's families, or without a customer, the task opens as any task.
        #expect(LadderTaskDecision.decide(ladder(.readReply, step: "x"), open: nil) == .openAsAnyTask)
        #expect(LadderTaskDecision.decide(ladder(.call, step: "phone-call", customer: nil), open: nil) == .openAsAnyTask)
    }

    @Test func theLaddersJournalLinesAreInTheCreditorsWords() {
        let call = OpenLadderTask(id: 3, kind: .call, step: "phone-call", stepOn: F.day("2026-12-01"))
        let task = ladder(.call, step: "final-reminder")
        let moved = LadderTaskDecision.movedOnEvent(call, to: task, on: F.day("2026-12-10"), words: Language.english.wording,
                                                    at: Date(timeIntervalSince1970: 0))
        #expect(moved.kind == "task.updated" && moved.detail == ["task": "3", "from": "phone-call", "to": "final-reminder"])
        #expect(moved.summary.contains("moved on from step phone call (since 1 Dec 2026) to final reminder on 10 Dec 2026"), "\(moved.summary)")
        let letter = OpenLadderTask(id: 4, kind: .letter, step: "formal-letter", stepOn: nil)
        let superseded = LadderTaskDecision.supersededEvent(letter, by: 9, task: ladder(.registeredLetter, step: "registered-letter"),
                                                            words: Language.french.wording, at: Date(timeIntervalSince1970: 0))
        #expect(superseded.kind == "task.superseded" && superseded.detail == ["task": "4", "by": "9"])
        #expect(superseded.summary.contains("n°\u{00A0}4") && superseded.summary.contains("n°\u{00A0}9"), "\(superseded.summary)")
    }

    @Test func aDisputeIsResolvedOnTheTaskThatRecordedItElseOnAnOpenTaskOfTheCustomer() {
        #expect(DisputeTaskChoice.choose(invoiceIsDisputed: true, tasksThatRecordedTheDispute: [3, 9], openTasksOfTheCustomer: [12]) == 9)
        #expect(DisputeTaskChoice.choose(invoiceIsDisputed: true, tasksThatRecordedTheDispute: [], openTasksOfTheCustomer: [12, 14]) == 14)
        #expect(DisputeTaskChoice.choose(invoiceIsDisputed: true, tasksThatRecordedTheDispute: [], openTasksOfTheCustomer: []) == nil)
        #expect(DisputeTaskChoice.choose(invoiceIsDisputed: false, tasksThatRecordedTheDispute: [3], openTasksOfTheCustomer: [12]) == nil)
    }

    /// Two people resolving the same dispute on the closed task that recorded it: the second finds it resolved.
    @Test func aDisputeResolvedMeanwhileIsNotResolvedTwice() throws {
        var task = D.facts(.call)
        task.task.state = .done
        task.task.outcome = .dispute(invoices: ["F-2"])
        task.disputedInvoices = [.init(id: 8, number: "F-2")]
        let application = try D.decide(.disputeResolved(invoices: []), task)
        #expect(application.recordsOnClosedTask && application.resolvedDisputeInvoiceIDs == [8])
        let words = Language.english.wording
        #expect(application.refusal(current: .done, closedBy: .dispute(invoices: ["F-2"]), stillDisputed: [8], words: words) == nil)
        #expect(application.refusal(current: .done, closedBy: .dispute(invoices: ["F-2"]), stillDisputed: [], words: words)?.code == .noDispute)
    }
}

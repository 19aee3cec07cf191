import RelanceCore
import Testing

/// The aged balance's "last action" (CSV, HTML report, `relance aging`) names only what happened.
@Suite("Aged balance: the last action")
struct AgedBalanceLastActionTests {
    static let asOf = CivilDate(iso8601: "2026-12-04")!
    static let martin = CustomerSummary(id: 1, externalID: "C001", name: "Boulangerie Martin", language: nil, emails: [])

    static func lastAction(_ history: [StepTaken]) -> StepTaken? {
        let item = Receivable(invoiceID: 1, number: "FA-1", customer: martin, issued: nil, due: CivilDate(iso8601: "2026-10-01"),
                              open: Money(minorUnits: 109_200, currency: .euro), total: nil, history: history)
        return InvoiceAging(receivable: item, asOf: asOf).lastAction
    }

    static func day(_ iso: String) -> CivilDate { CivilDate(iso8601: iso)! }

    @Test("a sent reminder is the last action, not a later one that did not leave")
    func onlySentEmails() {
        let sent = StepTaken(step: "first-reminder", on: Self.day("2026-11-02"), messageState: .sent)
        for state in [OutboxState.awaitingApproval, .queued, .held, .failed, .retry, .cancelled] {
            let later = StepTaken(step: "second-reminder", on: Self.day("2026-11-20"), messageState: state)
            #expect(Self.lastAction([sent, later]) == sent, "a \(state) message counted as done")
        }
        #expect(Self.lastAction([StepTaken(step: "first-reminder", on: Self.day("2026-11-02"), messageState: .awaitingApproval)]) == nil)
    }

    @Test("a call or a letter counts once a person recorded what was done")
    func tasksOnceDone() {
        let sent = StepTaken(step: "first-reminder", on: Self.day("2026-11-02"), messageState: .sent)
        let openCall = StepTaken(step: "phone-call", on: Self.day("2026-11-20"), messageState: .sent, channel: .phone)
        #expect(Self.lastAction([sent, openCall]) == sent)
        let madeCall = StepTaken(step: "phone-call", on: Self.day("2026-11-20"), messageState: .sent, channel: .phone, outcome: .noAnswer)
        #expect(Self.lastAction([sent, madeCall]) == madeCall)
        let posted = StepTaken(step: "formal-letter", on: Self.day("2026-11-27"), messageState: .sent, channel: .letter,
                               outcome: .letterPosted(on: Self.day("2026-11-27")))
        #expect(Self.lastAction([sent, madeCall, posted]) == posted)
        let superseded = StepTaken(step: "formal-letter", on: Self.day("2026-11-27"), messageState: .sent, channel: .letter, outcome: .superseded(by: 7))
        #expect(Self.lastAction([sent, superseded]) == sent)
    }
}

import Foundation
import Testing
import RelanceCore

@Suite("Task outcomes: the one decision behind the CLI, emailed replies and the console")
struct TaskOutcomeDecisionTests {
    typealias F = Fixture
    static let today = F.day("2026-12-10")

    static func facts(_ kind: WorkTask.Kind, attempts: Int = 0, phones: [String] = ["01 23 45 67 89", "06 00 00 00 01"]) -> TaskOutcomeFacts {
        var task = WorkTask(id: 12, creditor: F.creditor, customerID: 1, kind: kind, state: .open, title: "t", detail: [:],
                            step: "phone-call", invoiceIDs: [7, 8], createdAt: Date(timeIntervalSince1970: 0), dueOn: nil,
                            outcome: nil, closedAt: nil)
        task.attempts = attempts
        return TaskOutcomeFacts(task: task, invoices: [.init(id: 7, number: "F-1"), .init(id: 8, number: "F-2")], phones: phones)
    }

    static func decide(_ outcome: TaskOutcome, _ facts: TaskOutcomeFacts, language: Language = .french) throws(TaskOutcomeError) -> TaskOutcomeApplication {
        try TaskOutcomeDecision.decide(TaskOutcomeRequest(taskID: 12, outcome: outcome, recordedBy: "marie", channel: .cli),
                                       facts: facts, today: today, settings: TaskOutcomeSettings(language: language),
                                       calendar: FrenchBusinessCalendar())
    }

    @Test func aPromiseHoldsUntilItsDayAndClosesTheCall() throws {
        let application = try Self.decide(.promisedToPay(on: F.day("2027-01-15"), amount: F.euros(91_200)), Self.facts(.call))
        #expect(application.closesTask)
        #expect(application.promise?.until == F.day("2027-01-15"))
        #expect(application.promise?.amount == F.euros(91_200))
        #expect(application.journal == "Tâche n°\u{00A0}12 (appel) : promesse de paiement de 912,00\u{00A0}€ pour le 15/01/2027 — résultat enregistré par marie (ligne de commande).")
        #expect(application.promise?.reason == "paiement promis de 912,00\u{00A0}€ (tâche n°\u{00A0}12, marie)")
        #expect(throws: TaskOutcomeError.self) { try Self.decide(.promisedToPay(on: F.day("2026-12-01")), Self.facts(.call)) }
    }

    @Test func aDisputeFreezesTheNamedInvoicesOrAllOfThem() throws {
        #expect(try Self.decide(.dispute(invoices: ["f-2"], reason: "colis abîmé"), Self.facts(.call)).disputedInvoiceIDs == [8])
        #expect(try Self.decide(.dispute(invoices: []), Self.facts(.call)).disputedInvoiceIDs == [7, 8])
        #expect(throws: TaskOutcomeError.self) { try Self.decide(.dispute(invoices: ["F-9"]), Self.facts(.call)) }
    }

    @Test func noAnswerIsRetriedOnAnotherBusinessDayThenTheLadderGoesOn() throws {
        // Thursday 10 December: the next try is Friday 11; the third attempt closes the call.
        let first = try Self.decide(.noAnswer, Self.facts(.call))
        #expect(!first.closesTask && first.attempts == 1 && first.retryOn == F.day("2026-12-11"))
        let third = try Self.decide(.noAnswer, Self.facts(.call, attempts: 2))
        #expect(third.closesTask && third.attempts == 3)
    }

    @Test func aWrongNumberLeavesTheOtherNumberOrSaysToFindOne() throws {
        let one = try Self.decide(.wrongNumber(phone: "0123456789"), Self.facts(.call))
        #expect(!one.closesTask && one.invalidPhones == ["01 23 45 67 89"] && one.detailUpdates["phones"] == "06 00 00 00 01")
        let all = try Self.decide(.wrongNumber(), Self.facts(.call, phones: ["01 23 45 67 89"]))
        #expect(all.detailUpdates["phones"]?.hasPrefix("aucun numéro valable : trouver un numéro") == true)
        #expect(throws: TaskOutcomeError.self) { try Self.decide(.wrongNumber(), Self.facts(.letter)) }
    }

    @Test func aLetterIsPostedByAPersonAndARegisteredOneHasItsTrackingNumber() throws {
        let posted = try Self.decide(.letterPosted(on: F.day("2026-12-09")), Self.facts(.letter))
        #expect(posted.closesTask && posted.posting?.postedOn == F.day("2026-12-09"))
        #expect(throws: TaskOutcomeError.self) { try Self.decide(.letterPosted(on: F.day("2026-12-09")), Self.facts(.registeredLetter)) }
        #expect(throws: TaskOutcomeError.self) { try Self.decide(.letterPosted(on: F.day("2026-12-11")), Self.facts(.letter)) }
        #expect(throws: TaskOutcomeError.self) { try Self.decide(.letterPosted(on: F.day("2026-12-09")), Self.facts(.call)) }
        let registered = try Self.decide(.letterPosted(on: F.day("2026-12-08"), trackingNumber: "1A23456789012",
                                                       acknowledgedOn: F.day("2026-12-10")), Self.facts(.registeredLetter))
        #expect(registered.posting?.trackingNumber == "1A23456789012" && registered.posting?.acknowledgedOn == F.day("2026-12-10"))
    }

    @Test func paidHoldsTheInvoicesForTheLedger() throws {
        let paid = try Self.decide(.paid(on: F.day("2026-12-08"), means: "virement"), Self.facts(.call))
        #expect(paid.paymentClaim?.invoiceIDs == [7, 8] && paid.paymentClaim?.waitUntil == F.day("2026-12-20"))
    }

    @Test func aClosedTaskRefusesAnOutcome() {
        var facts = Self.facts(.call)
        facts.task.state = .done
        facts.task.outcome = .noAnswer
        #expect(throws: TaskOutcomeError.self) { try Self.decide(.done(note: nil), facts) }
    }

    @Test func outcomesSurviveTheirStoredForm() {
        let outcomes: [TaskOutcome] = [
            .promisedToPay(on: F.day("2027-01-15"), amount: F.euros(91_200)), .dispute(invoices: ["F-1", "F-2"], reason: "r"),
            .wrongNumber(phone: "01"), .paid(on: F.day("2026-12-01"), means: "chèque"), .noAnswer,
            .letterPosted(on: F.day("2026-12-01"), trackingNumber: "1A", acknowledgedOn: F.day("2026-12-03")),
            .newAddress(EmailAddress("ap@client.example")!), .done(note: "n"), .cancelled(reason: "c"), .superseded(by: 4),
        ]
        for outcome in outcomes { #expect(TaskOutcome(code: outcome.code, parameters: outcome.parameters) == outcome) }
    }
}

@Suite("Outcomes written in a reply to the digest")
struct OutcomeReplyParserTests {
    static let today = CivilDate(iso8601: "2026-12-10")!

    @Test(arguments: [
        ("#12 promis 15/01/2027 912,00", TaskOutcome.promisedToPay(on: CivilDate(iso8601: "2027-01-15")!, amount: Money(minorUnits: 91_200, currency: .euro))),
        ("#12 promised 2027-01-15 1 234,56 €", .promisedToPay(on: CivilDate(iso8601: "2027-01-15")!, amount: Money(minorUnits: 123_456, currency: .euro))),
        ("#12 Litige F-2026-001 produit non conforme", .dispute(invoices: ["F-2026-001"], reason: "produit non conforme")),
        ("#12 litige résolu", .disputeResolved(invoices: [], note: nil)),
        ("#12 Litige-Résolu F-2026-001 avoir accepté", .disputeResolved(invoices: ["F-2026-001"], note: "avoir accepté")),
        ("#12 résolu F-1,F-2", .disputeResolved(invoices: ["F-1", "F-2"], note: nil)),
        ("#12 dispute resolved", .disputeResolved(invoices: [], note: nil)),
        ("#12 payé 08/12/2026 virement", .paid(on: CivilDate(iso8601: "2026-12-08")!, means: "virement")),
        ("#12 mauvais numéro", .wrongNumber(phone: nil)),
        ("#12 Pas de réponse", .noAnswer),
        ("#12 no answer", .noAnswer),
        ("#12 nouvelle adresse compta@client.example", .newAddress(EmailAddress("compta@client.example")!)),
        ("#14 postée 09/12/2026 1A23456789012 AR 10/12/2026",
         .letterPosted(on: CivilDate(iso8601: "2026-12-09")!, trackingNumber: "1A23456789012", acknowledgedOn: CivilDate(iso8601: "2026-12-10")!)),
        ("#14 posted", .letterPosted(on: CivilDate(iso8601: "2026-12-10")!, trackingNumber: nil, acknowledgedOn: nil)),
    ])
    func oneLine(text: String, outcome: TaskOutcome) throws {
        let result = OutcomeReplyParser.parse("Bonjour,\n\n\(text)\n\nMarie\n", today: Self.today)
        #expect(result.problems.isEmpty)
        let command = try #require(result.commands.first)
        #expect(command.outcome == outcome)
        #expect(command.taskID == (text.hasPrefix("#14") ? 14 : 12))
    }

    @Test func quotedLinesAndTheSignatureAreNotRead() {
        let body = "#3 fait\n> #4 promis 15/01/2027\nLe 10/12/2026, Relance a écrit :\n#5 fait\n"
        #expect(OutcomeReplyParser.parse(body, today: Self.today).commands.map(\.taskID) == [3])
        #expect(OutcomeReplyParser.parse("#3 fait\n-- \n#6 fait\n", today: Self.today).commands.map(\.taskID) == [3])
    }

    @Test func unreadableLinesAreProblemsWithWhy() {
        let result = OutcomeReplyParser.parse("#12 peut-être\n#x fait\n#13 promis demain\n", today: Self.today)
        #expect(result.commands.isEmpty)
        #expect(result.problems.map(\.line) == [1, 2, 3])
        #expect(result.problems.map(\.reason) == [.noOutcomeRecognised, .noTaskNumber, .promiseNeedsDate])
    }
}

@Suite("The ladder waits for letters to be posted")
struct LetterPostingPlannerTests {
    typealias F = Fixture

    @Test(arguments: [(Language.french, "la lettre recommandée du 10/11 n'est pas confirmée comme postée"),
                      (Language.english, "the registered letter of 10 Nov is not confirmed as posted")])
    func anUnpostedLetterHoldsTheNextStepAndSaysSo(language: Language, words: String) throws {
        let invoice = F.invoice("F-1", id: 1, due: "2026-09-01", steps: F.stepsThrough("registered-letter", on: "2026-11-10"))
        let state = CustomerState(openTasks: [OpenTask(kind: .registeredLetter, step: "registered-letter", since: F.day("2026-11-10"))])
        var input = PlanningInput(creditor: F.creditor, today: F.day("2026-12-10"), policy: .standard, receivables: [invoice],
                                  customers: [1: state], terms: F.termsThrough2026)
        input.language = language
        let plan = Planner.plan(input)
        #expect(plan.contacts.isEmpty && plan.tasks.isEmpty)
        let hold = try #require(plan.decisions.first { $0.rule == .letterNotPosted })
        #expect(hold.reason.hasPrefix(words))
        // A month later it is escalated, and still waits.
        #expect(plan.escalations.count == 1)
    }

    @Test func aPaymentTheCustomerAnnouncedHoldsTheInvoice() {
        let invoice = F.invoice("F-1", id: 1, due: "2026-11-01")
        var state = CustomerState()
        state.paymentClaims = [1: PaymentClaimHold(paidOn: F.day("2026-12-08"), means: "virement", waitUntil: F.day("2026-12-20"))]
        let plan = F.plan(on: "2026-12-10", [invoice], customers: [1: state])
        #expect(plan.contacts.isEmpty)
        #expect(plan.decisions.contains { $0.rule == .paymentClaimed })
    }
}

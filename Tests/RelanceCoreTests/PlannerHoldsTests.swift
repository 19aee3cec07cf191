import Foundation
import Testing
import RelanceCore

/// Every reason to hold a contact, each named in the plan.
@Suite struct PlannerHoldsTests {
    typealias F = Fixture

    /// On 2026-10-20 the first reminder of F-1 (due 2026-10-15) is due.
    static let dueToday = [F.invoice("F-1", id: 1, due: "2026-10-15")]
    static let today = "2026-10-20"

    struct CustomerCase: Sendable, CustomTestStringConvertible {
        var label: String
        var state: CustomerState
        /// nil: the reminder goes out.
        var rule: PlanDecision.Rule?
        var reasonContains: String = "-"
        var testDescription: String { label }
    }

    /// A person's do-not-remind (console or CLI), kept apart from the contacts file's flag.
    static var personDoNotRemind: CustomerState {
        var state = CustomerState()
        state.personDoNotRemind = PersonDoNotRemind(reason: "client en liquidation", setBy: "marie", setAt: Date(timeIntervalSince1970: 0),
                                                    setOn: CivilDate(iso8601: "2026-10-12"))
        return state
    }

    static let customerCases: [CustomerCase] = [
        CustomerCase(label: "do not remind", state: CustomerState(doNotRemind: true), rule: .doNotRemind, reasonContains: "«\u{00A0}ne pas relancer\u{00A0}»"),
        CustomerCase(label: "do not remind, set by a person", state: Self.personDoNotRemind, rule: .doNotRemind,
                     reasonContains: "marqué «\u{00A0}ne pas relancer\u{00A0}» par marie le 12/10/2026 (client en liquidation)"),
        CustomerCase(label: "reply to read", state: CustomerState(holds: [F.hold(.reply, reason: "reply received on 2026-10-19")]),
                     rule: .replyToRead, reasonContains: "reply received on 2026-10-19"),
        CustomerCase(label: "away until Friday", state: CustomerState(holds: [F.hold(.away, until: F.day("2026-10-23"))]),
                     rule: .awayUntil, reasonContains: "reprennent le 26/10/2026"),
        CustomerCase(label: "back from absence", state: CustomerState(holds: [F.hold(.away, until: F.day("2026-10-19"))]), rule: nil),
        CustomerCase(label: "promise not yet due", state: CustomerState(holds: [F.hold(.promise, until: F.day("2026-10-25"))]),
                     rule: .promiseToPay, reasonContains: "reprennent le 26/10/2026"),
        CustomerCase(label: "promise past, no snapshot after it",
                     state: CustomerState(holds: [F.hold(.promise, until: F.day("2026-10-16"))]),
                     rule: .promiseToPay, reasonContains: "relevé daté d'après le 16/10/2026"),
        CustomerCase(label: "complaint", state: CustomerState(holds: [F.hold(.complaint)]), rule: .complaint, reasonContains: "une plainte a été reçue"),
        CustomerCase(label: "paused by hand through today", state: CustomerState(holds: [F.hold(.manual, until: F.day("2026-10-20"))]),
                     rule: .manualPause, reasonContains: "jusqu'au 20/10/2026"),
        CustomerCase(label: "pause ended yesterday", state: CustomerState(holds: [F.hold(.manual, until: F.day("2026-10-19"))]), rule: nil),
        CustomerCase(label: "a call task awaits its outcome",
                     state: CustomerState(openTasks: [OpenTask(kind: .call, step: "phone-call", since: F.day("2026-10-19"))]),
                     rule: .openTask, reasonContains: "signalée à une personne le 26/10/2026"),
    ]

    @Test(arguments: customerCases)
    func customerHolds(_ example: CustomerCase) {
        let plan = F.plan(on: Self.today, Self.dueToday, customers: [1: example.state])
        if let rule = example.rule {
            #expect(plan.contacts.isEmpty && plan.tasks.isEmpty)
            let decision = plan.decisions(rule).first
            #expect(decision?.verdict == .wait)
            #expect(decision?.reason.contains(example.reasonContains) == true, "\(String(describing: decision?.reason))")
        } else {
            #expect(plan.contacts.map(\.step.name) == ["first-reminder"])
        }
    }

    @Test(arguments: [("2026-10-16", true), ("2026-10-19", false)])
    func aPromiseIsBrokenOnlyOnASnapshotDatedAfterIt(snapshot: String, held: Bool) {
        let state = CustomerState(holds: [F.hold(.promise, until: F.day("2026-10-16"))])
        let plan = F.plan(on: Self.today, Self.dueToday, customers: [1: state],
                          creditor: CreditorState(ledger: .latestAuthoritativeSnapshot(F.day(snapshot))))
        #expect(plan.contacts.isEmpty == held)
    }

    @Test func aTaskWithoutOutcomeIsEscalatedAndTheLadderGoesOn() throws {
        // Opened Monday 12 October: five business days later, on the 19th, it is escalated.
        let state = CustomerState(openTasks: [OpenTask(kind: .call, step: "phone-call", since: F.day("2026-10-12"))])
        let plan = F.plan(on: Self.today, Self.dueToday, customers: [1: state])
        let escalation = try #require(plan.escalations.first)
        #expect(escalation.dueOn == F.day("2026-10-19"))
        #expect(plan.decisions(.taskEscalated).count == 1)
        #expect(plan.contacts.count == 1)
    }

    struct CreditorCase: Sendable, CustomTestStringConvertible {
        var label: String
        var state: CreditorState
        var rule: PlanDecision.Rule?
        var testDescription: String { label }
    }

    static let creditorCases: [CreditorCase] = [
        CreditorCase(label: "paused until resumed", state: CreditorState(pause: .init()), rule: .creditorPaused),
        CreditorCase(label: "paused through today", state: CreditorState(pause: .init(until: F.day("2026-10-20"))), rule: .creditorPaused),
        CreditorCase(label: "pause over", state: CreditorState(pause: .init(until: F.day("2026-10-19"))), rule: nil),
        CreditorCase(label: "no authoritative snapshot", state: CreditorState(ledger: .noAuthoritativeSnapshot), rule: .staleLedger),
        CreditorCase(label: "ledger 8 days old", state: CreditorState(ledger: .latestAuthoritativeSnapshot(F.day("2026-10-12"))), rule: .staleLedger),
        CreditorCase(label: "ledger 7 days old", state: CreditorState(ledger: .latestAuthoritativeSnapshot(F.day("2026-10-13"))), rule: nil),
        CreditorCase(label: "ledger 7 days old, limit 3",
                     state: CreditorState(ledger: .latestAuthoritativeSnapshot(F.day("2026-10-13")), maximumLedgerAgeDays: 3), rule: .staleLedger),
    ]

    @Test(arguments: creditorCases)
    func creditorHolds(_ example: CreditorCase) {
        let plan = F.plan(on: Self.today, Self.dueToday, creditor: example.state)
        if let rule = example.rule {
            #expect(plan.contacts.isEmpty)
            #expect(plan.decisions(rule).count == 1)
        } else {
            #expect(plan.contacts.count == 1)
        }
    }

    @Test(arguments: [
        // stored state, configured active, expected review mode, paused
        (CreditorStoredState(), true, false, false),
        (CreditorStoredState(), false, true, false),
        (CreditorStoredState(active: true), false, false, false),
        (CreditorStoredState(active: false, paused: true, pauseReason: "audit"), true, true, true),
    ])
    func creditorStateFromTheStore(stored: CreditorStoredState, configured: Bool, review: Bool, paused: Bool) {
        let state = CreditorState(stored: stored, configuredActive: configured, ledger: .notTracked)
        #expect(state.reviewMode == review)
        #expect((state.pause != nil) == paused)
        if paused {
            #expect(F.plan(on: Self.today, Self.dueToday, creditor: state).decisions(.creditorPaused).first?.reason.contains("(audit)") == true)
        }
    }

    @Test func reviewModePlansEverythingAndSaysItIsNotSent() {
        let plan = F.plan(on: Self.today, Self.dueToday, creditor: CreditorState(reviewMode: true))
        #expect(plan.reviewOnly)
        #expect(plan.contacts.count == 1)
        #expect(plan.decisions(.due).first?.reason.contains("mode relecture") == true)
    }

    @Test func freeTextCreditorHoldsAreKeptWordForWord() {
        let plan = F.plan(on: Self.today, Self.dueToday, holds: ["creditor acme is being audited"])
        #expect(plan.contacts.isEmpty)
        #expect(plan.decisions.contains { $0.rule == .creditorHold && $0.reason == "creditor acme is being audited" })
    }
}

/// What a task carries, and how email steps fall back to calls.
@Suite struct PlannerTaskTests {
    typealias F = Fixture

    @Test func aPhoneStepIsACallTaskWithAScriptAndOnlyTheActionsThatHappened() throws {
        var invoice = F.invoice("F-1", id: 1, due: "2026-09-01", steps: [("first-reminder", "2026-09-06")])
        invoice.history.append(StepTaken(step: "second-reminder", on: F.day("2026-10-20"), messageState: .queued))
        var other = F.invoice("F-0", id: 2, due: "2026-08-01")
        other.history = [StepTaken(step: "first-reminder", on: F.day("2026-08-06"), messageState: .cancelled),
                         StepTaken(step: "first-reminder", on: F.day("2026-09-20"), messageState: .sent, channel: .phone),
                         StepTaken(step: "first-reminder", on: F.day("2026-09-21"), messageState: .sent, channel: .phone, outcome: .noAnswer),
                         StepTaken(step: "first-reminder", on: F.day("2026-09-22"), messageState: .sent, channel: .phone,
                                   outcome: .cancelled(reason: "duplicate"))]
        let state = CustomerState(phoneNumbers: ["+33 1 23 45 67 89"])
        let plan = F.plan(on: "2026-10-27", [invoice], customers: [1: state])
        let task = try #require(plan.tasks.first)
        #expect(task.kind == .call)
        #expect(task.phoneNumbers == ["+33 1 23 45 67 89"])
        let english = CallScript.lines(for: task, creditorName: "ACME SAS", language: .english)
        #expect(english.contains { $0.contains("F-1") && $0.contains("56 days late") && $0.contains("due on 1 Sep 2026") })
        #expect(english.contains { $0.contains("on behalf of ACME SAS") })
        let french = CallScript.lines(for: task, creditorName: "ACME SAS", language: .french)
        #expect(french.contains { $0.contains("F-1") && $0.contains("56 jours de retard") && $0.contains("échue le 01/09/2026") })
        #expect(french.contains { $0.hasPrefix("Actions précédentes : ") && $0.contains(" : première relance") })
        // The queued second reminder never left: not recalled.
        #expect(task.priorActions.map(\.step) == ["first-reminder"])
        // With the other invoice: a cancelled message and a call nobody made are not recalled; a call with an outcome is.
        let both = F.plan(on: "2026-10-27", [invoice, other], customers: [1: state])
        let recalled = try #require(both.tasks.first).priorActions
        #expect(recalled.map { "\($0.on) \($0.step) \($0.detail ?? "")" } == ["2026-09-06 first-reminder ", "2026-09-21 first-reminder no answer"])
    }

    /// A call about one invoice speaks of that invoice in the singular (it read « au sujet de
    /// factures échues », « de ces factures » and « laquelle » for one invoice); two keep the plural.
    @Test func aCallAboutOneInvoiceSpeaksOfItInTheSingular() throws {
        let customer = F.customer(emails: [])
        let one = F.plan(on: "2026-10-20", [F.invoice("F-1", id: 1, due: "2026-10-15", customer: customer)])
        let single = try #require(one.tasks.first)
        let french = CallScript.lines(for: single, creditorName: "ACME SAS", language: .french)
        #expect(french.contains("Se présenter de la part d'ACME SAS, au sujet d'une facture échue et non réglée :"))
        #expect(french.contains("Aucune relance ne leur est encore parvenue : cet appel est le premier contact au sujet de cette facture."))
        #expect(french.contains("Demander si la facture est contestée et, si oui, pourquoi."))
        let english = CallScript.lines(for: single, creditorName: "ACME SAS", language: .english)
        #expect(english.contains("Say you are calling on behalf of ACME SAS about an invoice that is past due:"))
        #expect(english.contains("No earlier reminder reached them: this call is the first contact about this invoice."))
        #expect(english.contains("Ask whether the invoice is disputed and, if so, why."))
        let two = F.plan(on: "2026-10-20", [F.invoice("F-1", id: 1, due: "2026-10-15", customer: customer),
                                            F.invoice("F-2", id: 2, due: "2026-10-14", customer: customer)])
        let several = CallScript.lines(for: try #require(two.tasks.first), creditorName: "ACME SAS", language: .french)
        #expect(several.contains("Se présenter de la part d'ACME SAS, au sujet de factures échues et non réglées :"))
        #expect(several.contains("Aucune relance ne leur est encore parvenue : cet appel est le premier contact au sujet de ces factures."))
        #expect(several.contains("Demander si une facture est contestée, laquelle et pourquoi."))
    }

    @Test(arguments: [
        // addresses, invalid ones, expected recipients (empty: a call task)
        (["a@client.example"], ["a@client.example"], [String]()),
        ([String](), [String](), [String]()),
        (["a@client.example", "b@client.example"], ["a@client.example"], ["b@client.example"]),
    ])
    func emailStepsWithoutAValidAddressBecomeCalls(addresses: [String], invalid: [String], recipients: [String]) throws {
        let customer = F.customer(emails: addresses)
        let state = CustomerState(invalidAddresses: Set(invalid.map { EmailAddress($0)! }))
        let plan = F.plan(on: "2026-10-20", [F.invoice("F-1", id: 1, due: "2026-10-15", customer: customer)], customers: [1: state])
        if recipients.isEmpty {
            let task = try #require(plan.tasks.first)
            #expect(task.kind == .call)
            #expect(task.step.name == "first-reminder")
            #expect(task.note?.contains("se fait par téléphone") == true)
            #expect(plan.decisions(.invalidAddress).count == 1)
        } else {
            #expect(plan.contacts.first?.customer.emails.map(\.value) == recipients)
        }
    }
}

import Foundation
import Testing
import RelanceCore
import RelanceTesting

/// The plan's reasons, the mailbox's task titles, a bounce's cause and the bank's texts reach
/// a French creditor's people in French, and an English creditor's in English (#13).
@Suite struct ReasonsInTheCreditorsLanguageTests {
    typealias F = Fixture

    static let due = [F.invoice("F-1", id: 1, due: "2026-10-15")]

    /// One plan per situation that gives its own reason: every hold, skip and act the planner words.
    static func plans(_ language: Language) -> [Plan] {
        let due = Self.due
        func plan(_ receivables: [Receivable] = Self.due, _ state: CustomerState = CustomerState(), on day: String = "2026-10-20",
                  creditor: CreditorState = CreditorState()) -> Plan {
            F.plan(on: day, receivables, customers: [1: state], creditor: creditor, language: language)
        }
        var tasks = OpenTask(kind: .call, step: "phone-call", since: F.day("2026-10-19"))
        var retried = OpenTask(kind: .call, step: "phone-call", since: F.day("2026-10-16"))
        retried.attempts = 1
        retried.retryOn = F.day("2026-10-21")
        tasks.taskID = 4
        var paidByBank = CustomerState()
        paidByBank.bankPayments = [BankPayment(matchID: 1, invoiceID: 1, invoiceNumber: "F-1", customerID: 1, amount: F.euros(40_000),
                                               booked: F.day("2026-10-18"), label: "VIR SEPA CLIENT / F-1")]
        var claimed = CustomerState()
        claimed.paymentClaims = [1: PaymentClaimHold(paidOn: F.day("2026-10-17"), means: "virement", waitUntil: F.day("2026-10-30"))]
        let broken = CustomerState(holds: [F.hold(.promise, until: F.day("2026-10-16"))])
        return [
            plan(due, CustomerState(doNotRemind: true)),
            plan(due, CustomerState(holds: [F.hold(.reply)])),
            plan(due, CustomerState(holds: [F.hold(.away, until: F.day("2026-10-23"))])),
            plan(due, CustomerState(holds: [F.hold(.away)])),
            plan(due, CustomerState(holds: [F.hold(.promise, until: F.day("2026-10-25"))])),
            plan(due, CustomerState(holds: [F.hold(.promise)])),
            plan(due, CustomerState(holds: [F.hold(.promise, until: F.day("2026-10-16"))])),
            plan(due, broken, creditor: CreditorState(ledger: .latestAuthoritativeSnapshot(F.day("2026-10-19")))),
            plan(due, CustomerState(holds: [F.hold(.complaint)])),
            plan(due, CustomerState(holds: [F.hold(.manual, until: F.day("2026-10-20"))])),
            plan(due, CustomerState(holds: [F.hold(.manual)])),
            plan(due, CustomerState(openTasks: [tasks])),
            plan(due, CustomerState(openTasks: [retried])),
            plan(due, CustomerState(openTasks: [OpenTask(kind: .call, step: "phone-call", since: F.day("2026-10-12"))])),
            plan(due, CustomerState(openTasks: [OpenTask(kind: .registeredLetter, step: "registered-letter", since: F.day("2026-10-01"))])),
            plan(due, CustomerState(lastContact: F.day("2026-10-19"))),
            plan(due + [F.invoice("F-2", id: 2, due: "2026-10-15")], CustomerState(disputedInvoiceIDs: [1])),
            plan(due, paidByBank),
            plan(due, claimed),
            plan(due, CustomerState(invalidAddresses: [EmailAddress("compta@client.example")!])),
            plan([F.invoice("F-1", id: 1, due: nil)]),
            plan([F.invoice("F-1", id: 1, due: "2026-10-30")]),
            plan([F.invoice("F-1", id: 1, due: "2026-10-20")]),
            plan([F.invoice("F-1", id: 1, due: "2026-10-15"), F.invoice("AV-1", id: 2, due: "2026-10-15", open: -20_000)]),
            plan([F.invoice("F-1", id: 1, due: "2026-10-15", open: 10_000), F.invoice("AV-1", id: 2, due: "2026-10-15", open: -20_000)]),
            plan([F.invoice("F-1", id: 1, due: "2026-01-15", steps: F.stepsThrough("legal-action", on: "2026-06-01"))]),
            plan([F.invoice("F-1", id: 1, due: "2026-07-15", steps: F.stepsThrough("phone-call", on: "2026-09-01"))]),
            plan(on: "2026-10-24"),
            plan(on: "2026-11-11"),
            plan(due, creditor: CreditorState(reviewMode: true)),
            plan(due, creditor: CreditorState(pause: .init(until: F.day("2026-10-30"), reason: nil))),
            plan(due, creditor: CreditorState(pause: .init())),
            plan(due, creditor: CreditorState(ledger: .noAuthoritativeSnapshot)),
            plan(due, creditor: CreditorState(ledger: .latestAuthoritativeSnapshot(F.day("2026-10-01")))),
        ]
    }

    static let coveredRules: Set<PlanDecision.Rule> = [
        .due, .doNotRemind, .replyToRead, .awayUntil, .promiseToPay, .promiseBroken, .complaint, .manualPause, .openTask,
        .taskEscalated, .letterNotPosted, .interval, .disputed, .paidAwaitingLedger, .paymentClaimed, .invalidAddress,
        .noDueDate, .notYetDue, .credit, .netCredit, .ladderComplete, .nonBusinessDay, .creditorPaused, .staleLedger,
        .stepNotApplicable,
    ]

    @Test func everyReasonOfThePlanIsInFrenchForAFrenchCreditor() {
        let decisions = Self.plans(.french).flatMap(\.decisions)
        #expect(Self.coveredRules.subtracting(decisions.map(\.rule)).isEmpty,
                "not covered: \(Self.coveredRules.subtracting(decisions.map(\.rule)))")
        for decision in decisions {
            #expect(LanguageLeaks.englishIn(decision.reason).isEmpty, "\(decision.rule.rawValue): \(decision.reason)")
            #expect(!decision.reason.contains("2026-"), "an ISO date: \(decision.reason)")
        }
        let reasons = decisions.map(\.reason)
        #expect(reasons.contains { $0.contains("les relances reprennent le 26/10/2026") })
        #expect(reasons.contains { $0.contains("promesse non tenue : règlement promis pour le 16/10/2026") })
        #expect(reasons.contains { $0.contains("paiement de 400,00\u{00A0}€ reçu le 18/10 (VIR SEPA CLIENT / F-1) : partiellement payée, en attente du grand livre ; reste dû 1\u{202F}000,00\u{00A0}€") })
        #expect(reasons.contains { $0.contains("le 11/11/2026 n'est pas un jour ouvré (11 novembre, jour férié)") })
        #expect(reasons.contains { $0.contains("première relance par courriel pour F-1 (première relance, 5 jours de retard)") })
    }

    @Test func everyReasonOfThePlanIsInEnglishForAnEnglishCreditor() {
        let decisions = Self.plans(.english).flatMap(\.decisions)
        for decision in decisions {
            #expect(LanguageLeaks.frenchIn(decision.reason).isEmpty, "\(decision.rule.rawValue): \(decision.reason)")
        }
        let reasons = decisions.map(\.reason)
        #expect(reasons.contains { $0.contains("reminders resume on 26 Oct 2026") })
        #expect(reasons.contains { $0.contains("promise not kept: payment promised by 16 Oct 2026") })
        #expect(reasons.contains { $0.contains("11 Nov 2026 is not a business day (Armistice Day, a public holiday)") })
        #expect(reasons.contains { $0.contains("first reminder by email for F-1 (first reminder, 5 days late)") })
    }

    /// Every sentence of `ReasonWording`, rendered with sample values.
    static func sentences(_ words: any Wording) -> [String] {
        let day = F.day("2026-12-07"), later = F.day("2026-12-14")
        let money = F.euros(237_680)
        let invoices = [PlannedInvoice(receivable: F.invoice("F-1", id: 1, due: "2026-11-01"), step: "second-reminder", daysLate: 36)]
        var sentences = [
            words.creditorPausedReason(creditor: "acme", until: day, why: nil),
            words.creditorPausedReason(creditor: "acme", until: nil, why: nil),
            words.noAuthoritativeSnapshot(creditor: "acme"),
            words.staleSnapshot(asOf: day, ageDays: 9, maximumDays: 7),
            words.nonBusinessDay(F.day("2026-12-05"), holiday: nil, next: day),
            words.nonBusinessDay(F.day("2026-12-25"), holiday: "Christmas Day (Noël)", next: F.day("2026-12-28")),
            words.doNotRemindReason(),
            words.waitingForOutcome(kind: .call, since: day, step: "phone-call", escalation: later),
            words.contactInterval(last: day, next: later, businessDays: 5),
            words.replyToReadReason(why: nil), words.complaintReason(why: nil),
            words.manualPauseReason(until: day, why: nil), words.manualPauseReason(until: nil, why: nil),
            words.awayReason(until: day, resumeOn: later, why: nil), words.awayReason(until: nil, resumeOn: nil, why: nil),
            words.promiseReason(until: day, resumeOn: later, why: nil), words.promiseReason(until: nil, resumeOn: nil, why: nil),
            words.promiseAwaitingSnapshot(until: day, why: nil),
            words.letterNotPosted(.registeredLetter, since: day, escalated: true),
            words.letterNotPosted(.formalNotice, since: day, escalated: false),
            words.callRetry(attempt: 1, of: 3, retryOn: later),
            words.promiseBroken(until: day, amount: money),
            words.paidAwaitingLedger(payment: words.bankPayment(amount: money, booked: day, label: "VIR"), stillDue: money),
            words.creditReason(amount: money, setAgainst: [("F-1", money)]), words.creditReason(amount: money, setAgainst: []),
            words.taskEscalatedReason(kind: .registeredLetter, since: day, step: "registered-letter", dueOn: later),
            words.taskEscalatedReason(kind: .call, since: day, step: "phone-call", dueOn: later),
            words.netCredit([money]), words.belowMinimum([money], minimum: money),
            words.contactPlanned(step: "second-reminder", invoices: invoices, reviewMode: true),
            words.taskPlanned(step: "phone-call", kind: .call, invoices: invoices, reviewMode: false),
            words.disputedReason(), words.coveredByCreditReason(), words.noDueDateReason(),
            words.stepBeforeDue(step: "courtesy-reminder", daysLate: 3),
            words.stepNeedsBalance(step: "legal-action", minimum: money, balance: money),
            words.ladderComplete(policy: "standard"),
            words.notYetDue(daysLate: -3, due: day, step: "first-reminder", on: later),
            words.notYetDue(daysLate: 0, due: day, step: "first-reminder", on: later),
            words.paymentClaimed(paidOn: day, means: nil, until: later),
            words.noPhoneLeft(), words.checkPaymentTitle(customer: "Client Un", invoices: ["F-1"]),
            words.acknowledgementsTitle(), words.acknowledgement(outcome: .noAnswer, by: "marie@acme.example"),
            words.outcomeJournal(taskID: 12, kind: .call, outcome: .noAnswer, staysOpen: true, retry: (1, 3, later), by: "marie", channel: .email),
            words.outcomeJournal(taskID: 12, kind: .registeredLetter, outcome: .letterPosted(on: day, trackingNumber: "1A", acknowledgedOn: nil),
                                 staysOpen: false, retry: nil, by: "marie", channel: .cli),
            words.promiseHold(amount: money, taskID: 12, by: "marie"), words.disputedByTask(taskID: 12),
            words.wrongAddressCallTitle(address: "compta@client.example", cause: .unknownUser),
            words.sendingRefusedTitle(cause: .senderRejected),
            words.temporaryBouncesCallTitle(count: 3, days: 30, cause: .mailboxFull),
            words.complaintCallTitle(), words.complaintHoldReason(),
            words.readReplyTitle(customerKnown: true), words.readReplyTitle(customerKnown: false),
            words.replyHoldReason(), words.promisedInReply(day), words.awayAutoReply(until: day),
            words.bounceSummary(.message(id: 12, byVERP: true)),
            words.deliveryReportSummary(.message(id: 12, byVERP: false), actions: ["delayed", "delivered", "failed", "relayed", "expanded"]),
            words.autoReplySummary(.contact(address: "a@b.example", customers: 1), back: day),
            words.autoReplySummary(.contact(address: "a@b.example", customers: 2), back: nil),
            words.replySummary(.message(id: 12, byVERP: false), hints: ["paid", "promise:2026-12-15"]),
            words.complaintSummary(.message(id: 12, byVERP: false)),
            words.notUnderstoodSummary(.message(id: 12, byVERP: false), why: nil),
            words.bounceWithoutFailure(messageID: 12), words.bounceWrongAddressUnnamed(messageID: 12, cause: .moved),
            words.paymentNotLetteredTitle(booked: day, invoice: "F-1", amount: money), words.paymentNotLetteredAdvice(),
            words.bankMatched(invoice: "F-1", payment: words.bankPayment(amount: money, booked: day, label: "VIR"), ledgerOpen: money,
                              method: .invoiceNumber),
            words.bankUnmatched(amount: money, booked: day, payer: nil, remittance: "VIR"),
            words.bankOverpaid(amount: money, booked: day, invoices: ["F-1"], extra: money),
            words.bankStatementImported(file: "releve.txt", format: "cfonb120", newEntries: 3, knownEntries: 0, matched: 1, invoices: 1, unmatched: 2, reversed: 0),
        ]
        sentences += BounceCause.allCases.map { words.bounceCause($0) }
        sentences += InboundOtherReason.allCases.map { words.notUnderstoodSummary(.contact(address: "a@b.example", customers: 1), why: $0) }
        return sentences
    }

    @Test func everySentenceOfTheReasonWordingIsFrenchInFrench() {
        for sentence in Self.sentences(FrenchWording()) {
            #expect(LanguageLeaks.englishIn(sentence).isEmpty, "\(sentence)")
            #expect(!sentence.contains("2026-12"), "an ISO date: \(sentence)")
        }
        #expect(FrenchWording().bounceCause(.unknownUser) == "la boîte aux lettres n'existe pas")
        #expect(FrenchWording().paymentNotLetteredTitle(booked: F.day("2026-12-03"), invoice: "FA26-0866", amount: F.euros(91_200))
                == "Paiement reçu le 03/12 non lettré : facture FA26-0866, 912,00\u{00A0}€")
    }

    @Test func everySentenceOfTheReasonWordingIsEnglishInEnglish() {
        for sentence in Self.sentences(EnglishWording()) {
            #expect(LanguageLeaks.frenchIn(sentence).isEmpty, "\(sentence) — \(LanguageLeaks.frenchIn(sentence))")
        }
        #expect(EnglishWording().bounceCause(.unknownUser) == "the mailbox does not exist")
    }
}

/// A credit note's open amount is negative in the books; the plan's reason names what it is
/// ("un avoir de"), so its amount is said without a sign.
@Suite struct CreditReasonAmountTests {
    @Test func aCreditIsSaidWithoutItsSign() {
        let credit = Money(minorUnits: -120_000, currency: .euro)
        let used = Money(minorUnits: 50_000, currency: .euro)
        #expect(FrenchWording().creditReason(amount: credit, setAgainst: [("F-1", used)])
            == "un avoir de 1\u{202F}200,00\u{00A0}€, imputé sur F-1 (500,00\u{00A0}€)")
        #expect(EnglishWording().creditReason(amount: credit, setAgainst: []) == "a credit of €1,200.00, nothing left to set it against")
        #expect(credit.magnitude == Money(minorUnits: 120_000, currency: .euro) && used.magnitude == used)
    }
}

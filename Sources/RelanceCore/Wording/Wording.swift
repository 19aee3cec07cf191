/// Every word Relance shows a person, one conforming type per language (`FrenchWording`,
/// `EnglishWording`): a function per name or sentence, taking typed values (`Money`,
/// `CivilDate`, a step, a task kind) and returning finished text. Call sites never glue
/// translated fragments together and never show an enum's raw value: the compiler makes sure
/// each language says everything.
///
/// Long texts (the digest) are Mustache templates whose labels come from here.
public protocol Wording: DigestWording, ReasonWording, BankWording, JournalWording, InvoiceImportWording, RecoveryWording, IntakeWording,
                        ServiceWording, CommandWording, IdentifyWording, ImportReceiptWording, StoredLineWording, ContactsLineWording,
                        RunSummaryWording, SendingWording, DaemonJournalWording {
    var language: Language { get }

    // MARK: Names

    /// A ladder step as a person says it: `première relance`, `lettre recommandée`. A step of
    /// one's own policy keeps its name, dashes read as spaces.
    func stepName(_ step: String) -> String
    /// How a step reaches the customer, after a step name: `par courriel`, `by phone`.
    func channelPhrase(_ channel: PolicyStep.Channel) -> String
    /// `94 jours de retard`, `1 jour de retard`, `pas encore échue` (0 or less).
    func daysLate(_ days: Int) -> String
    func bucket(_ bucket: AgingBucket) -> String
    func taskKind(_ kind: WorkTask.Kind) -> String
    /// What a closed task came to: `promesse de paiement de 912,00 € pour le 15/01/2027`.
    func outcome(_ outcome: TaskOutcome) -> String
    func taskState(_ state: WorkTask.State) -> String
    /// `Label : value` (French puts a space before the colon), `Label: value`.
    func labelled(_ label: String, _ value: String) -> String
    /// The label of a task's detail (`invoices` → `Factures`).
    func detailLabel(_ key: String) -> String
    func verdict(_ verdict: PlanDecision.Verdict) -> String
    /// What a reply's hint (`paid`, `dispute`, `not-received`, `promise:2026-12-15`) says; nil if unknown.
    func replyHint(_ code: String) -> String?
    /// Why a task was opened, when its `reason` detail is a code (`no-contact`, `unresolved`,
    /// `complaint`) rather than words; nil for words (a bounce's cause, a person's reason).
    func taskReason(_ code: String) -> String?
    func procedure(_ procedure: LegalProcedure) -> String
    /// A journal entry's kind (`message.sent` → `Relance envoyée`).
    func eventKind(_ kind: String) -> String

    // MARK: Tasks

    /// `Appeler Client Un (C1) — 2 376,80 €`.
    func taskTitle(_ kind: WorkTask.Kind, customer: String, customerID: String, total: String) -> String
    /// `F-100 (2 376,80 €, 94 jours de retard)`.
    func taskInvoice(number: String, amount: Money, daysLate: Int) -> String
    /// `F-100 (2 376,80 €)`.
    func invoiceWithAmount(number: String, amount: Money) -> String
    /// `07/12/2026 : première relance (sans réponse)`.
    func priorAction(_ action: PriorAction) -> String
    /// One message whose invoices were at different steps, same day:
    /// `21/12/2026 : première relance (F-1) et deuxième relance (F-2, F-3)`.
    func priorActionOfSeveralSteps(_ actions: [PriorAction]) -> String
    /// Between the items of a list inside a sentence: ` ; ` in French typography, `; ` in English.
    var listSeparator: String { get }
    /// `principal 1 000,00 €, intérêts 12,34 €, indemnités 40,00 €, total 1 052,34 €`.
    func breakdown(principal: String, interest: String, indemnities: String, total: String) -> String
    func interestUnknown(missing: [String]) -> String
    /// The `2026-S2` (second half of 2026) figure of the `ECB main refinancing operations rate` table is not known.
    func missingRate(_ rate: MissingRate) -> String
    /// A half-year of rates: `2e semestre 2026`, `second half of 2026`.
    func semesterName(_ semester: Semester) -> String
    /// An email step for a customer without a usable address becomes a call.
    func emailStepBecomesCall(step: String, invalidAddresses: [String]) -> String
    /// `#12 Appel (acme), à traiter avant le 07/12/2026 : …`, and how it ended when closed.
    func taskHeading(id: Int64, kind: WorkTask.Kind, creditor: String, due: CivilDate?, state: WorkTask.State,
                     outcome: TaskOutcome?, title: String) -> String
    func noTasks(includingClosed: Bool) -> String
    func taskClosed(id: Int64, outcome: TaskOutcome) -> String
    /// The journal's line for a task opened: `Tâche n° 3 (paiement à vérifier) : …`.
    func taskOpened(id: Int64, kind: WorkTask.Kind, title: String) -> String
    /// An identify-customer task closed because a contacts file answered it.
    func taskAnsweredByContacts(id: Int64, file: String) -> String
    /// Why Relance closed a task nothing is owed for any more (`NoLongerDueTasks`): the ledger
    /// shows it settled, or the bank shows it paid (awaiting the ledger). Kept with the task.
    func noLongerDueNote(paidAtBank: Bool) -> String
    /// The timeline's line for it: `Tâche n° 2 (appel) close : plus rien n'est dû — …`.
    func taskNoLongerDue(id: Int64, kind: WorkTask.Kind, note: String) -> String
    /// Why Relance closed a formal letter whose every demanded invoice is paid while one it only
    /// listed as also outstanding is still owed (`StaleLadderTasks.nothingDemandedLeft`).
    func nothingDemandedLeftNote() -> String
    /// The timeline's line for an open task written again with today's figures, same step
    /// (`StaleLadderTasks`): the invoices no longer owed (by the ledger, or paid at the bank) or
    /// disputed since, what is left; for a letter, the task that replaces it.
    /// `Tâche n° 2 (appel) mise à jour : la facture F-1 est réglée ; reste 792,50 €.`
    func taskRefreshed(id: Int64, kind: WorkTask.Kind, replacedBy: Int64?, settled: [String], paidAtBank: [String],
                       disputed: [String], owed: String) -> String
    func documentToPrint() -> String
    func openTasksHeading(count: Int) -> String
    func tasksPageTitle(creditor: String) -> String
    /// tasks.html's and tasks.csv's column headings.
    func taskColumns() -> TaskColumns

    // MARK: Call script

    func callAskFor(customer: String, customerID: String) -> String
    /// `invoiceCount` words the sentence for one invoice or several (« d'une facture échue » / « de factures échues »).
    func callIntroduce(creditor: String, invoiceCount: Int) -> String
    func callInvoice(number: String, amount: Money, due: CivilDate?, daysLate: Int) -> String
    func callFirstContact(invoiceCount: Int) -> String
    func callEarlierActions(_ actions: [PriorAction]) -> String
    /// The postal address on file, to confirm before the letters: `4 quai de la Fosse, 44000 NANTES`.
    func callCheckAddress(_ lines: [String]) -> String
    func callQuestions(invoiceCount: Int) -> [String]

    // MARK: Aged balance

    func agingTitle(creditor: String, legalName: String, asOf: CivilDate) -> String
    func agingPageTitle(legalName: String) -> String
    func agingAsOf(_ date: CivilDate) -> String
    func agingColumns() -> AgingColumns
    func agingTotal(currency: Currency) -> String
    /// `première relance le 07/12/2026`.
    func lastAction(step: String, on: CivilDate) -> String

    // MARK: Customer

    func customerHeading(customerID: String, name: String?, creditor: String) -> String
    func customerEmails(_ emails: [String]) -> String
    func customerOpen(_ items: [String]) -> String
    /// `F-100 2 376,80 € échue le 07/12/2026`.
    /// One open invoice of `relance customer`: `amount` is what is still demanded; `received`, what the
    /// bank shows paid that the ledger has not lettered yet (nil when none).
    func openItem(number: String, amount: Money, due: CivilDate?, received: Money?) -> String
    func timelineHeading() -> String

    // MARK: Plan

    func planHeading(creditor: String, date: CivilDate, contacts: Int) -> String
    func planContact(customerID: String, name: String?, step: String, channel: PolicyStep.Channel) -> String
    func planInvoice(number: String, amount: Money, daysLate: Int, step: String) -> String
    func planTask(customerID: String, name: String?, kind: WorkTask.Kind, step: String, invoices: [(number: String, step: String)]) -> String
    func planDecision(_ verdict: PlanDecision.Verdict, customerID: String, invoice: String?, reason: String) -> String
}

/// tasks.html's and tasks.csv's column headings.
public struct TaskColumns: Sendable, Hashable {
    public var number, kind, customer, opened, due, what, details, document: String
}

/// The aged balance's column headings.
public struct AgingColumns: Sendable, Hashable {
    public var customer, customerName, customerOrInvoice, invoice, issued, due, daysLate, bucket, open, currency,
               total, lastAction, lastActionOn: String
}

extension Wording {
    public var amounts: AmountFormat { AmountFormat(language) }
    public var dates: CivilDateFormat { CivilDateFormat(language) }

    /// `2 376,80 €`.
    public func amount(_ money: Money) -> String { amounts.string(money) }
    /// `07/12/2026`.
    public func date(_ date: CivilDate) -> String { dates.short(date) }

    /// A task detail's value as a person reads it: the store keeps some in machine form
    /// (`amount_due` = `2469.12 EUR`, `hints` = `promise:2026-12-15, paid`, `booked` = `2026-12-03`).
    public func detailValue(_ key: String, _ value: String) -> String {
        switch key {
        case "booked", "ledger_as_of":
            return CivilDate(iso8601: value).map(date) ?? value
        case "amount_due", "amount":
            // The store joins currencies with " + " (older rows with ", ").
            return value.replacingOccurrences(of: ", ", with: " + ").components(separatedBy: " + ").map { part in
                let pieces = part.split(separator: " ")
                guard pieces.count == 2, let currency = Currency(code: pieces[1]),
                      let money = Money(decimal: pieces[0], currency: currency) else { return part }
                return amount(money)
            }.joined(separator: " + ")
        case "hints":
            return value.components(separatedBy: ", ").map { replyHint($0) ?? $0 }.joined(separator: ", ")
        case "reason":
            return taskReason(value) ?? value
        default:
            return value
        }
    }

    /// A policy step name of one's own, readable: `gentle-nudge` → `gentle nudge`.
    static func readable(_ name: String) -> String {
        name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
    }
}

extension Language {
    /// The words of this language.
    public var wording: any Wording {
        switch self {
        case .french: FrenchWording()
        case .english: EnglishWording()
        }
    }
}

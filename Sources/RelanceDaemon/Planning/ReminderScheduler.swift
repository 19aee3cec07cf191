public import Foundation
public import Logging
public import RelanceCore
import RelanceMail

/// Plans one creditor's day and turns each planned contact into a queued message, or, for
/// a creditor still in review mode, into a message stored `awaiting-approval` (a person
/// approves or skips it, in the console or with `relance message`) and an `.eml` file in the
/// review folder to read before `active = true` lets reminders go out by themselves.
public struct ReminderScheduler: Sendable {
    public let creditor: CreditorConfiguration
    public let store: any SchedulerStore
    public let policies: [String: Policy]
    public let composer: ReminderComposer
    public let reviewFolder: URL
    /// Where letters and dossiers are written (`<state_folder>/documents`); nil writes none.
    public let documentsFolder: URL?
    public let logger: Logger

    public typealias SchedulerStore = ReceivablesStore & OutboxStore & EventJournal & CustomerStateStore & TaskStore & PlanningFactsStore
        & MessageReviewStore
        & BankPaymentStore
        & ImportReviewStore & TaskOutcomeStore

    public init(creditor: CreditorConfiguration, store: any SchedulerStore, policies: [String: Policy] = [:],
                composer: ReminderComposer, reviewFolder: URL, logger: Logger, documentsFolder: URL? = nil) {
        self.creditor = creditor
        self.store = store
        self.policies = policies
        self.composer = composer
        self.reviewFolder = reviewFolder
        self.documentsFolder = documentsFolder
        self.logger = logger
    }

    public struct Report: Sendable {
        public var plan: Plan
        /// False in review mode: messages were written for review, not queued.
        public var active: Bool
        public var queued: [Int64] = []
        /// Review mode: messages stored for a person's approval.
        public var awaitingApproval: [Int64] = []
        /// Tasks opened for people (calls, letters…); a task already open for the step is not repeated.
        public var openedTasks: [Int64] = []
        /// Open calls moved on to a later step instead of a second call (#13).
        public var updatedTasks: [Int64] = []
        /// Tasks closed because nothing they ask for is owed any more (`NoLongerDueTasks`).
        public var closedTasks: [Int64] = []
        /// Unposted letters replaced by a later one (old id, new id).
        public var supersededTasks: [(old: Int64, new: Int64)] = []
        /// Open tasks written again with today's figures, same step (`StaleLadderTasks`): a call
        /// or dossier keeps its id (old = new), an unposted letter is superseded by a new one.
        public var refreshedTasks: [(old: Int64, new: Int64)] = []
        public var reviewFiles: [URL] = []
        /// Letters and dossiers written for the tasks opened (in review mode, they are in `reviewFiles`).
        public var documents: [URL] = []
        /// Customers whose message could not be written, and why.
        public var failures: [(customer: String, reason: String)] = []
        /// The run stopped before the end of the plan (the daemon shutting down): what is stored
        /// is whole — each batch of reminders and each task is its own transaction — and the
        /// next run the same day carries out the rest (the store refuses a step already queued).
        public var stopped = false
    }

    /// The plan alone, for `relance plan`: reads the store, writes nothing.
    public func plan(on day: CivilDate) async throws -> Plan {
        try await planned(on: day).plan
    }

    /// The plan and the input it was made from, whose receivables (net of the bank's payments)
    /// say what is still owed (`NoLongerDueTasks`, `StaleLadderTasks`).
    private func planned(on day: CivilDate) async throws -> (plan: Plan, input: PlanningInput) {
        let input = try await PlanningInputBuilder(creditor: creditor, policies: policies, store: store).input(on: day)
        // Large books are planned in parts on every core (benchmarks/plan.sh: 100,000 invoices);
        // small ones are not worth the hand-over between threads. The plan is the same.
        let parts = Planner.parts(input, count: min(ProcessInfo.processInfo.activeProcessorCount,
                                                    input.receivables.count / Self.invoicesPerPart))
        guard parts.count > 1 else { return (parts[0].plan(), input) }
        let plans = await withTaskGroup(of: (Int, Plan).self) { group in
            for (index, part) in parts.enumerated() {
                group.addTask { (index, part.plan()) }
            }
            var plans = [Plan?](repeating: nil, count: parts.count)
            for await (index, plan) in group { plans[index] = plan }
            return plans.compactMap { $0 }
        }
        return (Plan(merging: plans), input)
    }

    /// The fewest invoices worth a part of their own.
    static let invoicesPerPart = 5_000

    /// Plans `day` and does what it says: queues the emails, opens the tasks for people.
    /// Safe to call again the same day: the store refuses a step already queued for an invoice,
    /// and a task already open for a customer's step is not opened twice.
    /// `recordHolds` journals why held customers were not contacted (once a day is enough).
    /// `queuedSome` is called after each batch of reminders stored, so that sending can start
    /// while the rest are written. `shouldStop` is asked between batches and between tasks (a
    /// cancelled task stops too): on a big book a day's plan writes for minutes, and SIGTERM
    /// must not wait for it (`Report.stopped`).
    public func run(on day: CivilDate, at instant: Date, recordHolds: Bool = true,
                    queuedSome: @Sendable () -> Void = {}, shouldStop: @Sendable () -> Bool = { false }) async throws -> Report {
        func stopping() -> Bool { Task.isCancelled || shouldStop() }
        var (plan, input) = try await planned(on: day)
        // A reminder written in review mode on an earlier day and still not approved is withdrawn
        // and written again by today's plan, so that nobody approves outdated figures — and, once the
        // creditor is active, so that it leaves with today's figures instead of waiting for ever
        // (a customer with a message awaiting approval is not planned). One written earlier today
        // still speaks for today: it stays for a person to approve until the next planning day.
        if !(try await store.withdrawStaleApprovals(of: creditor.id, before: day, at: instant)).isEmpty {
            (plan, input) = try await planned(on: day)
        }
        var report = Report(plan: plan, active: !plan.reviewOnly)
        var start = plan.contacts.startIndex
        // One batch is being stored while the next is prepared and composed; it is recorded (and
        // the sender told) before the next is handed over, and before a stop returns.
        var storing: StoringBatch?
        func recordStoring() async {
            guard let batch = storing else { return }
            storing = nil
            let before = report.queued.count
            await record(batch, at: instant, report: &report)
            if report.queued.count > before { queuedSome() }
        }
        while start < plan.contacts.endIndex {
            if stopping() {
                await recordStoring()
                return stopped(report)
            }
            let end = min(start + Self.messagesPerTransaction, plan.contacts.endIndex)
            // In review mode the same path stores them awaiting approval: exactly once, like any message.
            let next = await handOver(plan.contacts[start..<end], awaitingApproval: !report.active, day: day, at: instant, report: &report)
            await recordStoring()
            storing = next
            start = end
        }
        await recordStoring()
        if !report.active {
            // The files are still written, for whoever reads the review folder rather than the console.
            for contact in plan.contacts {
                if stopping() { return stopped(report) }
                await attempt(contact.customer, step: contact.step.name, at: instant, report: &report) { report in
                    report.reviewFiles.append(try writeForReview(contact, day: day, at: instant))
                }
            }
        }
        for task in plan.tasks {
            if stopping() { return stopped(report) }
            await attempt(task.customer, step: task.step.name, at: instant, report: &report) { report in
                try await open(task, day: day, at: instant, report: &report)
            }
        }
        if stopping() { return stopped(report) }
        // In review mode too: a call or a letter about money nobody owes any more must not stay
        // on Today and in the digest, whoever approves the reminders. The open tasks are read
        // again, not taken from the planning input's: a call this run moved on is about today's
        // invoices now, and its earlier ones, all paid, must not cancel it.
        let openTasks = try await store.tasks(of: creditor.id, state: .open)
        let moot = NoLongerDueTasks.find(open: openTasks, receivables: input.receivables, words: creditor.language.wording, at: instant)
            + StaleLadderTasks.nothingDemandedLeft(open: openTasks, receivables: input.receivables, words: creditor.language.wording,
                                                   at: instant)
        report.closedTasks = try await store.closeNoLongerDueTasks(moot, at: instant)
        // Those still owed in part are written again with today's figures (in review mode too,
        // for the same reason); the same read serves, as a task nothing is owed for is never stale.
        try await refreshStale(openTasks, input: input, day: day, at: instant, report: &report, shouldStop: stopping)
        if report.active { try await openPaymentChecks(on: day, at: instant, report: &report) }
        if recordHolds {
            // A hold is journaled when it starts or its reason changes, and at least weekly while it
            // lasts — not every day for every held customer, which would make the journal mostly
            // repetition (the soak showed it) while `relance plan` always shows today's reasons.
            let recent = try await store.events(of: creditor.id, kinds: ["plan.held"], since: instant.addingTimeInterval(-7 * 86_400))
            var lastReason: [String: String] = [:]
            for entry in recent { if let customer = entry.event.detail["customer"] { lastReason[customer] = entry.event.detail["reason"] } }
            let held = plan.decisions.filter { $0.invoice == nil && $0.verdict != .act && lastReason[$0.customer] != $0.reason }
            try await store.record(held.map { decision in
                NewEvent(time: instant, kind: "plan.held", creditor: creditor.id,
                         summary: creditor.language.wording.customerHeld(customer: decision.customer, on: day, reason: decision.reason),
                         detail: ["customer": decision.customer, "reason": decision.reason])
            })
            for escalation in plan.escalations {
                // Journaled once per task, when it is first escalated (the digest lists it while it lasts).
                if let id = escalation.task.taskID, !(try await store.markTaskEscalated(id, at: instant)) { continue }
                let summary = creditor.language.wording.taskEscalated(
                    kind: escalation.task.kind, customer: escalation.customer, step: escalation.task.step,
                    since: escalation.task.since, dueOn: escalation.dueOn)
                try await store.record(NewEvent(time: instant, kind: "task.escalated", creditor: creditor.id, summary: summary, detail: ["customer": escalation.customer, "task": escalation.task.taskID.map(String.init) ?? ""]))
            }
        }
        return report
    }

    /// The report of a run stopped before the end of its plan, said in the log.
    private func stopped(_ report: Report) -> Report {
        var report = report
        report.stopped = true
        logger.notice("planning stopped before the end of the day's plan: the next run carries out the rest", metadata: [
            "creditor": "\(creditor.id)", "queued": "\(report.queued.count + report.awaitingApproval.count)",
            "planned_contacts": "\(report.plan.contacts.count)", "tasks_opened": "\(report.openedTasks.count)",
            "planned_tasks": "\(report.plan.tasks.count)",
        ])
        return report
    }

    /// One customer's bad data (a template that cannot render it…) must not stop the others.
    func attempt(_ customer: CustomerSummary, step: String, at instant: Date, report: inout Report,
                         _ body: (inout Report) async throws -> Void) async {
        do {
            try await body(&report)
        } catch {
            report.failures.append((customer.externalID, "\(error)"))
            logger.error("planned action not carried out", metadata: [
                "creditor": "\(creditor.id)", "customer": "\(customer.externalID)", "step": "\(step)", "error": "\(error)",
            ])
            try? await store.record(NewEvent(time: instant, kind: "plan.failed", creditor: creditor.id, customerID: customer.id,
                                             summary: creditor.language.wording.plannedActionFailed(step: step, customer: customer.externalID,
                                                                                                     error: "\(error)")))
        }
    }

    /// A call, letter, formal notice… becomes a task for a person (or, in review mode, a file
    /// describing it in the review folder). A letter or a formal notice comes with its printable
    /// page, a legal action or a hand-off with its dossier, written before the task is opened
    /// so that the task can point at it.
    private func open(_ task: PlannedTask, day: CivilDate, at instant: Date, report: inout Report) async throws {
        let description = TaskDescription(task, language: creditor.language, creditorName: creditor.legalName)
        let document = try documents.compose(task, today: day)
        let name = "\(Self.safeName(task.customer.externalID))-\(Self.safeName(task.step.name))"
        guard report.active else {
            let folder = reviewFolder.appendingPathComponent(creditor.id.rawValue).appendingPathComponent(day.iso8601)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("\(Self.safeName(task.customer.externalID))-\(task.step.name).txt")
            try Data(description.reviewText.utf8).write(to: file, options: .atomic)
            report.reviewFiles.append(file)
            if let document { report.reviewFiles.append(try DocumentWriter.write(document, into: folder, name: name)) }
            return
        }
        var documentPath: String?
        if let document, let documentsFolder {
            let folder = documentsFolder.appendingPathComponent(creditor.id.rawValue).appendingPathComponent(day.iso8601)
            let written = try DocumentWriter.write(document, into: folder, name: name)
            report.documents.append(written)
            documentPath = written.path
        }
        // One open task per customer and family: an open call moves on, an unposted letter is superseded.
        let change = try await store.openLadderTask(ladderTask(task, title: description.title, detail: description.detail,
                                                               documentPath: documentPath), on: day, at: instant)
        let what: String
        switch change {
        case .unchanged: return
        case .opened(let id): report.openedTasks.append(id); what = "task opened"
        case .updated(let id): report.updatedTasks.append(id); what = "task moved on to the next step"
        case .superseded(let old, let new): report.openedTasks.append(new); report.supersededTasks.append((old, new)); what = "letter superseded"
        }
        logger.info("\(what)", metadata: [
            "creditor": "\(creditor.id)", "customer": "\(task.customer.externalID)", "task": "\(change.taskID)",
            "kind": "\(task.kind.rawValue)", "document": "\(documentPath ?? "-")",
        ])
    }

    /// Letters from the step's template, dossiers in code; both in the creditor's identity.
    var documents: DocumentComposer {
        DocumentComposer(renderer: composer.renderer, creditor: creditor.documentProfile, language: creditor.language)
    }

    static func safeName(_ text: String) -> String {
        text.map { $0.isLetter || $0.isNumber || $0 == "-" ? String($0) : "_" }.joined()
    }

    /// Review mode: the message exactly as it would leave, with a placeholder id (0: never sent).
    private func writeForReview(_ contact: PlannedContact, day: CivilDate, at instant: Date) throws -> URL {
        let mail = try composer.compose(contact, outboxID: 0, today: day, at: instant)
        let folder = reviewFolder.appendingPathComponent(creditor.id.rawValue).appendingPathComponent(day.iso8601)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(Self.safeName(contact.customer.externalID))-\(contact.step.name).eml")
        try Data(mail.bytes).write(to: file, options: .atomic)
        logger.notice("review mode: reminder written, not sent", metadata: [
            "creditor": "\(creditor.id)", "customer": "\(contact.customer.externalID)", "file": "\(file.path)",
        ])
        return file
    }
}

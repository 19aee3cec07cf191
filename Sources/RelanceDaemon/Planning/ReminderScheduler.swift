public import Foundation
public import Logging
public import RelanceCore

/// Plans one creditor's day and turns each planned contact into a queued message, or, for
/// a creditor still in review mode, into an `.eml` file in the review folder that a person
/// reads before `active = true` lets anything go out.
public struct ReminderScheduler: Sendable {
    public let creditor: CreditorConfiguration
    public let store: any ReceivablesStore & OutboxStore & EventJournal & CustomerStateStore
    public let composer: ReminderComposer
    public let reviewFolder: URL
    public let logger: Logger

    public init(creditor: CreditorConfiguration, store: any ReceivablesStore & OutboxStore & EventJournal & CustomerStateStore,
                composer: ReminderComposer, reviewFolder: URL, logger: Logger) {
        self.creditor = creditor
        self.store = store
        self.composer = composer
        self.reviewFolder = reviewFolder
        self.logger = logger
    }

    public struct Report: Sendable {
        public var plan: Plan
        /// False in review mode: messages were written for review, not queued.
        public var active: Bool
        public var queued: [Int64] = []
        public var reviewFiles: [URL] = []
        /// Customers whose message could not be written, and why.
        public var failures: [(customer: String, reason: String)] = []
    }

    /// The plan alone, for `relance plan`: reads the store, writes nothing.
    public func plan(on day: CivilDate) async throws -> Plan {
        try await planWithFacts(on: day).plan
    }

    private func planWithFacts(on day: CivilDate) async throws -> (plan: Plan, active: Bool) {
        let facts = try await PlanningFacts.load(creditor.id, from: store)
        let (receivables, held) = facts.apply(to: try await store.openReceivables(of: creditor.id), on: day)
        var plan = Planner.plan(PlanningInput(creditor: creditor.id, today: day, policy: creditor.policy, receivables: receivables,
                                              creditorHolds: facts.creditorHolds(on: day, creditor: creditor.id)))
        plan.decisions = (plan.decisions + held).sorted { ($0.customer, $0.invoice ?? "") < ($1.customer, $1.invoice ?? "") }
        return (plan, facts.isActive(configured: creditor.active))
    }

    /// Plans `day` and queues what it says. Safe to call again the same day: a step already
    /// queued for an invoice is refused by the store, so nothing is queued twice.
    /// `recordHolds` journals why held customers were not contacted (once a day is enough).
    public func run(on day: CivilDate, at instant: Date, recordHolds: Bool = true) async throws -> Report {
        let (plan, active) = try await planWithFacts(on: day)
        var report = Report(plan: plan, active: active)
        for contact in report.plan.contacts {
            do {
                try await act(on: contact, day: day, at: instant, report: &report)
            } catch {
                // One customer's bad data (a template that cannot render it…) must not stop the others.
                report.failures.append((contact.customer.externalID, "\(error)"))
                logger.error("reminder not written", metadata: [
                    "creditor": "\(creditor.id)", "customer": "\(contact.customer.externalID)", "error": "\(error)",
                ])
                try await store.record(NewEvent(time: instant, kind: "message.compose-failed", creditor: creditor.id,
                                                customerID: contact.customer.id,
                                                summary: "The \(contact.step.name) for customer \(contact.customer.externalID) could not be written: \(error)"))
            }
        }
        for decision in report.plan.decisions where recordHolds && decision.invoice == nil && decision.verdict != .act {
            try await store.record(NewEvent(time: instant, kind: "plan.held", creditor: creditor.id,
                                            summary: "Customer \(decision.customer) not contacted on \(day): \(decision.reason).",
                                            detail: ["customer": decision.customer]))
        }
        return report
    }

    private func act(on contact: PlannedContact, day: CivilDate, at instant: Date, report: inout Report) async throws {
        if report.active {
            let draft = MessageDraft(
                creditor: creditor.id, customerID: contact.customer.id, step: contact.step.name, plannedOn: day,
                invoices: contact.invoices.map { InvoiceMention(invoiceID: $0.receivable.invoiceID, step: $0.step, open: $0.receivable.open) },
                to: contact.customer.emails)
            let composer = composer
            if let id = try await store.enqueue(draft, at: instant, compose: { id in
                try composer.compose(contact, outboxID: id, today: day, at: instant)
            }) {
                report.queued.append(id)
                logger.info("reminder queued", metadata: [
                    "creditor": "\(creditor.id)", "customer": "\(contact.customer.externalID)", "step": "\(contact.step.name)",
                    "message": "\(id)", "invoices": "\(contact.invoices.map(\.receivable.number).joined(separator: ","))",
                ])
            }
        } else {
            report.reviewFiles.append(try writeForReview(contact, day: day, at: instant))
        }
    }

    /// Review mode: the message exactly as it would leave, with a placeholder id (0: never sent).
    private func writeForReview(_ contact: PlannedContact, day: CivilDate, at instant: Date) throws -> URL {
        let mail = try composer.compose(contact, outboxID: 0, today: day, at: instant)
        let folder = reviewFolder.appendingPathComponent(creditor.id.rawValue).appendingPathComponent(day.iso8601)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let safeCustomer = contact.customer.externalID.map { $0.isLetter || $0.isNumber || $0 == "-" ? String($0) : "_" }.joined()
        let file = folder.appendingPathComponent("\(safeCustomer)-\(contact.step.name).eml")
        try Data(mail.bytes).write(to: file, options: .atomic)
        logger.notice("review mode: reminder written, not sent", metadata: [
            "creditor": "\(creditor.id)", "customer": "\(contact.customer.externalID)", "file": "\(file.path)",
        ])
        return file
    }
}

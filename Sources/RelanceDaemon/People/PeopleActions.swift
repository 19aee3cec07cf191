import Foundation
public import RelanceCore

/// What a person does to the books — close a task with its outcome, pause or resume a customer —
/// in one place, so the CLI and the web console change state by the same code and journal it
/// with the person's name.
public struct PeopleActions: Sendable {
    let runtime: RelanceRuntime

    public init(runtime: RelanceRuntime) {
        self.runtime = runtime
    }

    /// Records a task's outcome through the one outcome path (`TaskOutcomeRecorder`: the pure
    /// decision, then one store transaction), then rewrites the creditor's task sheet.
    @discardableResult
    public func recordOutcome(_ outcome: TaskOutcome, onTask id: Int64, by person: String,
                              channel: TaskOutcomeRequest.Channel) async throws -> TaskOutcomeApplication {
        let recorder = TaskOutcomeRecorder(store: runtime.store, creditors: runtime.creditors.map(\.configuration), clock: runtime.clock)
        let application = try await recorder.record(TaskOutcomeRequest(taskID: id, outcome: outcome, recordedBy: person, channel: channel))
        for creditor in runtime.creditors { try await runtime.reports.writeTasks(creditor.configuration) }
        return application
    }

    /// Stops every reminder to the customer until `until` (included), or until resumed.
    public func pauseCustomer(_ customerID: Int64, until: CivilDate?, reason: String, by person: String) async throws {
        _ = try await runtime.store.holdCustomer(customerID, kind: .manual, until: until, reason: "\(reason) (\(person))",
                                                  at: runtime.clock.now())
    }

    public func resumeCustomer(_ customerID: Int64, reason: String, by person: String) async throws {
        try await runtime.store.resumeCustomer(customerID, kinds: nil, reason: "\(reason) (\(person))", at: runtime.clock.now())
    }

    /// A person says whose money an unmatched bank receipt is (`customer`: the customer's id in
    /// the books), or that it pays no invoice (`customer` nil): one store transaction that
    /// teaches the payer and matches the receipt to that customer's open invoices.
    @discardableResult
    public func resolveReceipt(_ entryID: Int64, of creditor: CreditorID, customer: String?, by person: String,
                               channel: TaskOutcomeRequest.Channel) async throws -> ReceiptResolution {
        try await runtime.store.resolveReceipt(entryID, of: creditor, customer: customer, by: person, channel: channel, at: runtime.clock.now())
    }

    /// Applies a snapshot the mass-settlement safety held, as a person decided.
    @discardableResult
    public func confirmHeldImport(_ importID: Int64, of creditor: CreditorConfiguration? = nil, by person: String) async throws -> ImportReceipt {
        let now = runtime.clock.now()
        let receipt = try await runtime.store.confirmHeldImport(importID, at: now)
        try await runtime.store.record(NewEvent(time: now, kind: "import.confirmed-by", creditor: creditor?.id, importID: importID,
                                                summary: "held import #\(importID) confirmed by \(person)", detail: ["by": person]))
        return receipt
    }
}

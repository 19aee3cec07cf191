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
    /// A person's pause; the stored reason is what they said and who they are, or only who when
    /// they said nothing (no English default: the plan words the pause in the creditor's language).
    public func pauseCustomer(_ customerID: Int64, until: CivilDate?, reason: String?, by person: String) async throws {
        _ = try await runtime.store.holdCustomer(customerID, kind: .manual, until: until, reason: Self.said(reason, by: person),
                                                  at: runtime.clock.now())
    }

    public func resumeCustomer(_ customerID: Int64, reason: String?, by person: String) async throws {
        try await runtime.store.resumeCustomer(customerID, kinds: nil, reason: Self.said(reason, by: person), at: runtime.clock.now())
    }

    /// `away until Monday (alice)`, or `alice` alone: what a person said, and who.
    public static func said(_ reason: String?, by person: String) -> String {
        guard let reason = reason?.trimmingCharacters(in: .whitespaces), !reason.isEmpty else { return person }
        return "\(reason) (\(person))"
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
                                                summary: (creditor?.language ?? .english).wording.heldImportConfirmed(importID: importID, by: person),
                                                detail: ["by": person]))
        return receipt
    }

    /// Drops a held snapshot unapplied, as a person decided; the same file can be dropped again.
    public func rejectHeldImport(_ importID: Int64, of creditor: CreditorConfiguration? = nil, reason: String?, by person: String) async throws {
        let said = reason.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        try await runtime.store.rejectHeldImport(importID, reason: (creditor?.language ?? .english).wording.heldImportRejectedReason(by: person, said: said),
                                                 at: runtime.clock.now())
    }

    /// Puts an export into the creditor's drop folder, where the intake reads it like any file
    /// copied there (the next scan, once stable); journaled with the person's name. Returns the
    /// name it was given in the folder.
    @discardableResult
    public func depositExport(_ bytes: [UInt8], named name: String, for creditor: RelanceRuntime.CreditorRuntime, by person: String) async throws -> String {
        let placed = try creditor.intake.folder.deposit(bytes, suggestedName: name)
        try await runtime.store.record(NewEvent(time: runtime.clock.now(), kind: "import.uploaded", creditor: creditor.configuration.id,
                                                summary: creditor.configuration.language.wording.exportDeposited(file: placed, bytes: bytes.count, by: person),
                                                detail: ["by": person, "file": placed]))
        return placed
    }

    /// Sends again (as it is) or skips a held or failed reminder, closing its review task.
    public func decideMessage(_ id: Int64, _ decision: MessageReviewDecision, by person: String) async throws {
        try await runtime.store.decideMessage(id, decision, by: person, at: runtime.clock.now())
    }

    /// A corrected email address for the customer, until the next contacts file: the same
    /// statements as a task's `new-address` outcome.
    public func correctAddress(_ address: EmailAddress, ofCustomer customerID: Int64, by person: String) async throws {
        try await runtime.store.addCorrectedAddress(address, toCustomer: customerID, by: person, at: runtime.clock.now())
    }
}

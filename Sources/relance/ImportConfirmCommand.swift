import ArgumentParser
import Foundation
import RelanceCore
import RelanceDaemon

/// `relance import confirm ID`: a person says the payments a held snapshot shows are real.
struct ImportConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Apply a snapshot held because it would settle too much at once.",
        discussion: """
            An authoritative export that would settle more than mass_settlement_threshold_percent of the open \
            amount at once is held: nothing changes until a person checks it (a truncated or "overdue only" \
            export looks exactly like that) and confirms it here. `relance import held` lists them.
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The held import's number.")
    var id: Int64

    func run() async throws {
        let context = try await CommandContext(options: options)
        try await context.runtime.prepare()
        let receipt: ImportReceipt
        do {
            receipt = try await PeopleActions(runtime: context.runtime).confirmHeldImport(id, by: PersonName.current)
        } catch {
            throw Failure("import confirm \(id): \(error)")
        }
        print("Import #\(receipt.importID) applied: \(receipt.newInvoices) new, \(receipt.updatedInvoices) changed, \(receipt.settledInvoices) settled"
            + (receipt.rematchedReceipts > 0 ? "; \(receipt.rematchedReceipts) earlier bank receipts now matched" : ""))
        for warning in receipt.warnings { print("  warning: \(warning)") }
    }
}

/// `relance import held`: the snapshots waiting for a person.
struct ImportHeldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "held", abstract: "List the snapshots held for confirmation.")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let context = try await CommandContext(options: options)
        let held = try await context.runtime.store.heldImports(of: nil)
        if held.isEmpty { print("No held import.") }
        for item in held {
            print("#\(item.importID) \(item.creditor) \(item.fileName)\(item.asOf.map { " as of \($0)" } ?? ""), held \(item.heldAt): \(item.reason)")
            print("      relance import confirm \(item.importID)")
        }
    }
}

import ArgumentParser
import Foundation
import RelanceCore
import RelanceDaemon

/// `relance import reject ID`: a person says a held snapshot is wrong (a truncated export): it
/// is dropped unapplied, journaled with their name, and the corrected file can be dropped again.
struct ImportRejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Drop a held snapshot without applying it.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The held import's number.") var id: Int64
    @Option(help: ArgumentHelp("Why, for the journal.", valueName: "text")) var reason: String?

    func run() async throws {
        let context = try await CommandContext(options: options)
        do {
            try await PeopleActions(runtime: context.runtime).rejectHeldImport(id, reason: reason, by: PersonName.current)
        } catch {
            throw Failure("import reject \(id): \(error)")
        }
        print("Import #\(id) rejected: nothing from it was applied.")
    }
}

import ArgumentParser
import Foundation
import RelanceCore
import RelanceDaemon

struct CreditorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "creditor",
        abstract: "Switch a creditor between review mode and sending.",
        discussion: """
            A new creditor starts in review mode: its reminders are written to the review folder, nothing is sent. \
            `activate` lets them go out; `review` stops sending again. Overrides `active` in the configuration.
            """,
        subcommands: [Activate.self, Review.self])

    struct Activate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "activate", abstract: "Start sending this creditor's reminders.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The creditor's id.") var creditor: String

        func run() async throws {
            try await setMode(active: true, creditor: creditor, options: options)
            print("Creditor \(creditor) is active: its reminders will be sent.")
        }
    }

    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "review", abstract: "Back to review mode: plan and write reminders, send nothing.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The creditor's id.") var creditor: String

        func run() async throws {
            try await setMode(active: false, creditor: creditor, options: options)
            print("Creditor \(creditor) is in review mode: nothing will be sent.")
        }
    }

    static func setMode(active: Bool, creditor: String, options: GlobalOptions) async throws {
        let context = try await CommandContext(options: options)
        let id = try context.creditorID(creditor)
        var state = try await context.runtime.store.creditorState(id)
        state.active = active
        try await context.runtime.store.setCreditorState(state, of: id, reason: "relance creditor \(active ? "activate" : "review")",
                                                         at: context.runtime.clock.now())
    }
}

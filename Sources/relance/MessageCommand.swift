import ArgumentParser
import Foundation
import RelanceCore
import RelanceDaemon
import RelanceMail

/// `relance message held|approve ID|send ID|skip ID`: the reminders waiting for a person (planned
/// in review mode and awaiting approval, held after a crash without evidence, or failed after
/// their last retry), and the decision on one — the same store operation as the console's buttons.
struct MessageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "message", abstract: "Reminders awaiting approval, held or failed: read them, approve or send one as it is, or skip it.",
        subcommands: [Held.self, Approve.self, Send.self, Skip.self], defaultSubcommand: Held.self)

    struct Held: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "held", abstract: "List the reminders awaiting approval, held and failed, with their text.")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let context = try await CommandContext(options: options, readOnly: true)
            let messages = try await context.runtime.store.messagesToReview(of: nil)
            if messages.isEmpty { print("No reminder waits for a decision.") }
            for message in messages {
                let readable = ReadableMessage(raw: message.raw)
                print("#\(message.id) \(message.creditor) \(message.state.rawValue) to \(message.recipients.joined(separator: ", ")): \(readable.subject)".printable)
                if let reason = message.reason { print("  why: \(reason)".printable) }
                for line in readable.text.split(separator: "\n", omittingEmptySubsequences: false) { print("  | " + String(line).printable) }
                let send = message.state == .awaitingApproval ? "approve" : "send"
                print("  relance message \(send) \(message.id)   |   relance message skip \(message.id)")
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: "Approve a reminder planned in review mode: it is queued and leaves, though the creditor stays in review mode.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The message's number.") var id: Int64

        func run() async throws {
            try await MessageCommand.decide(id, .send, options: options)
            print("Message #\(id) approved and queued; the outbox still cancels it if an invoice was settled or the customer paused since.")
        }
    }

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "send", abstract: "Queue a held or failed reminder again, as it is.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The message's number.") var id: Int64

        func run() async throws {
            try await MessageCommand.decide(id, .send, options: options)
            print("Message #\(id) queued again; the outbox still cancels it if an invoice was settled or changed since.")
        }
    }

    struct Skip: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "skip", abstract: "Cancel a held or failed reminder: it will not be sent.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The message's number.") var id: Int64

        func run() async throws {
            try await MessageCommand.decide(id, .skip, options: options)
            print("Message #\(id) skipped: it will not be sent.")
        }
    }

    static func decide(_ id: Int64, _ decision: MessageReviewDecision, options: GlobalOptions) async throws {
        let context = try await CommandContext(options: options)
        do {
            try await PeopleActions(runtime: context.runtime).decideMessage(id, decision, by: PersonName.current)
        } catch {
            throw Failure("message \(decision.rawValue) \(id): \(error)")
        }
    }
}

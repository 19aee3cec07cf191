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
            // Each message in its creditor's words (a French controller approves French reminders).
            if messages.isEmpty { print(MessageCommand.words(of: nil, in: context).messagesNoneWaiting()) }
            for message in messages {
                let readable = ReadableMessage(raw: message.raw)
                let words = MessageCommand.words(of: message.creditor, in: context)
                print(words.messageForReview(id: message.id, creditor: message.creditor.rawValue, step: message.step, state: message.state,
                                             recipients: message.recipients, subject: readable.subject).printable)
                if let reason = message.reason { print(("  " + words.messageWaitsBecause(reason)).printable) }
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
            print(try await MessageCommand.decide(id, .send, approving: true, options: options))
        }
    }

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "send", abstract: "Queue a held or failed reminder again, as it is.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The message's number.") var id: Int64

        func run() async throws {
            print(try await MessageCommand.decide(id, .send, options: options))
        }
    }

    struct Skip: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "skip", abstract: "Cancel a held or failed reminder: it will not be sent.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The message's number.") var id: Int64

        func run() async throws {
            print(try await MessageCommand.decide(id, .skip, options: options))
        }
    }

    /// Decides, and says what was done in the message's creditor's words.
    static func decide(_ id: Int64, _ decision: MessageReviewDecision, approving: Bool = false, options: GlobalOptions) async throws -> String {
        let context = try await CommandContext(options: options)
        let message = try await context.runtime.store.messagesToReview(of: nil).first { $0.id == id }
        do {
            try await PeopleActions(runtime: context.runtime).decideMessage(id, decision, by: PersonName.current)
        } catch {
            throw Failure("message \(decision.rawValue) \(id): \(error)")
        }
        return words(of: message?.creditor, in: context)
            .messageDecided(id: id, decision: decision, approving: approving)
    }

    /// The creditor's language, or the first creditor's when there is none to name (as `relance status`).
    static func words(of creditor: CreditorID?, in context: CommandContext) -> any Wording {
        let configured = context.runtime.creditors.first { $0.configuration.id == creditor } ?? context.runtime.creditors.first
        return (configured?.configuration.language ?? .french).wording
    }
}

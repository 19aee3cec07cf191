import ArgumentParser
import Foundation
import RelanceCore
import RelanceDaemon

struct TasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "List the open tasks for people (calls, replies to read, letters…), or close one.",
        subcommands: [List.self, Done.self],
        defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List open tasks (all tasks with --all).")
        @OptionGroup var options: GlobalOptions
        @Option(help: ArgumentHelp("Only this creditor.", valueName: "id")) var creditor: String?
        @Flag(help: "Include closed tasks.") var all = false
        @Flag(help: "Print as JSON.") var json = false

        func run() async throws {
            let context = try await CommandContext(options: options, readOnly: true)
            let creditorID = try creditor.map { try context.creditorID($0) }
            let tasks = try await context.runtime.store.tasks(of: creditorID, state: all ? nil : .open)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                print(String(decoding: try encoder.encode(tasks), as: UTF8.self))
                return
            }
            let languages = Dictionary(context.runtime.creditors.map { ($0.configuration.id, $0.configuration.language) },
                                       uniquingKeysWith: { first, _ in first })
            if tasks.isEmpty {
                let language = creditorID.flatMap { languages[$0] } ?? context.runtime.creditors.first?.configuration.language ?? .french
                print(language.wording.noTasks(includingClosed: all))
            }
            for task in tasks {
                let words = (languages[task.creditor] ?? .french).wording
                print(words.taskHeading(id: task.id, kind: task.kind, creditor: task.creditor.rawValue, due: task.dueOn,
                                        state: task.state, outcome: task.outcome, title: task.title.printable))
                for (key, value) in TaskDetails.ordered(task.detail) {
                    print(Self.indented(words.labelled(words.detailLabel(key), words.detailValue(key, value))))
                }
                if let document = task.documentPath { print(Self.indented(words.labelled(words.detailLabel("document"), document))) }
            }
        }

        /// A detail under its task; a multi-line one (a call script) keeps its lines aligned, each
        /// indented under the task and escaped (`PrintableText`): no value can forge a task line.
        static func indented(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { ($0.offset == 0 ? "      " : "          ") + $0.element.printable }.joined(separator: "\n")
        }
    }

    struct Done: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "done",
            abstract: "Record what came of a task; the outcome acts on the ladder.",
            discussion: """
                Outcomes (dates as DD/MM/YYYY or YYYY-MM-DD, amounts as 912,00 or 912.00):
                  promised       --date D [--amount A]     holds the customer until D
                  dispute        [--invoice N]… [--reason TEXT]   freezes those invoices (all of the task's without --invoice)
                  dispute-resolved [--invoice N]… [--note TEXT]  the customer's dispute is over (all its disputed invoices
                                 without --invoice): back on the ladder; also on the closed task that recorded the dispute
                  paid           [--date D] [--means TEXT] holds the invoices until the ledger shows them settled
                  wrong-number   [--phone NUMBER]          marks the number (all without --phone) invalid
                  new-address    --email ADDRESS           the customer's email until the next contacts file
                  no-answer                                counts the attempt; retried on another business day
                  letter-posted  --date D [--tracking N] [--acknowledged D]   a letter counts as sent from D
                  done [--note TEXT], cancelled [--reason TEXT]
                The same outcomes can be sent by email in reply to the digest (see the README).
                """)
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The task's number.") var id: Int64
        @Option(help: "What came of it.") var outcome: String
        @Option(help: ArgumentHelp("The promised payment date, the payment date, or the posting date.", valueName: "date")) var date: String?
        @Option(help: ArgumentHelp("The amount promised.", valueName: "amount")) var amount: String?
        @Option(help: ArgumentHelp("A disputed invoice's number, or one whose dispute is resolved (repeatable).", valueName: "number")) var invoice: [String] = []
        @Option(help: ArgumentHelp("Why (a dispute, a cancellation).", valueName: "text")) var reason: String?
        @Option(help: ArgumentHelp("How the customer says it paid (transfer, cheque…).", valueName: "text")) var means: String?
        @Option(help: ArgumentHelp("The wrong phone number.", valueName: "number")) var phone: String?
        @Option(help: ArgumentHelp("The customer's corrected email address.", valueName: "address")) var email: String?
        @Option(help: ArgumentHelp("The registered letter's tracking number.", valueName: "number")) var tracking: String?
        @Option(help: ArgumentHelp("The day the acknowledgement of receipt was signed.", valueName: "date")) var acknowledged: String?
        @Option(help: "A note for the journal.") var note: String?
        @Option(help: ArgumentHelp("Who recorded it (default: the Unix user).", valueName: "name")) var by: String?

        func run() async throws {
            let context = try await CommandContext(options: options)
            // The task's creditor's words: a French creditor's people read French refusals.
            let creditor = try await context.runtime.store.task(id: id)?.creditor
            let language = context.runtime.creditors.first { $0.configuration.id == creditor }?.configuration.language
                ?? context.runtime.creditors.first?.configuration.language ?? .french
            let result = try parsedOutcome(language.wording)
            let who = by ?? ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? "cli"
            let application: TaskOutcomeApplication
            do {
                application = try await PeopleActions(runtime: context.runtime).recordOutcome(result, onTask: id, by: who, channel: .cli)
            } catch let error as TaskOutcomeError {
                throw Failure(language.wording.outcomeRefusedOnTask(taskID: id, why: error.message) + " (code `\(error.code.rawValue)`)")
            }
            // A call to try again stays open: the journal line says when.
            print(application.closesTask ? language.wording.taskClosed(id: id, outcome: application.request.outcome) : application.journal)
        }

        /// The options through the one outcome parser the console also uses (`OutcomeInput`).
        private func parsedOutcome(_ words: any Wording) throws -> TaskOutcome {
            let input = OutcomeInput(outcome: outcome, date: date, amount: amount, invoices: invoice, reason: reason, means: means,
                                     phone: phone, email: email, tracking: tracking, acknowledged: acknowledged, note: note)
            do {
                return try input.parsed()
            } catch {
                throw Failure(error.worded(words))
            }
        }
    }
}

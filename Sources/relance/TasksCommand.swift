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
            let context = try CommandContext(options: options)
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
                                        state: task.state, outcome: task.outcome, title: task.title))
                for (key, value) in TaskDetails.ordered(task.detail) {
                    print(Self.indented(words.labelled(words.detailLabel(key), words.detailValue(key, value))))
                }
                if let document = task.documentPath { print(Self.indented(words.labelled(words.detailLabel("document"), document))) }
            }
        }

        /// A detail under its task; a multi-line one (a call script) keeps its lines aligned.
        static func indented(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { ($0.offset == 0 ? "      " : "          ") + $0.element }.joined(separator: "\n")
        }
    }

    struct Done: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a task with its outcome.",
            discussion: """
                Outcomes: promised (with --date), dispute (with --invoice), wrong-number, paid, no-answer, \
                letter-sent (with --tracking), acknowledged (with --date), done, cancelled.
                """)
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The task's number.") var id: Int64
        @Option(help: "What came of it.") var outcome: String
        @Option(help: ArgumentHelp("The promised payment date, or the acknowledgement's date (YYYY-MM-DD).", valueName: "date")) var date: String?
        @Option(help: ArgumentHelp("The disputed invoice's number.", valueName: "number")) var invoice: String?
        @Option(help: ArgumentHelp("The registered letter's tracking number.", valueName: "number")) var tracking: String?
        @Option(help: "A note for the journal.") var note: String?

        func run() async throws {
            var parameters: [String: String] = [:]
            if let date { parameters["date"] = try parseDate(date, option: "--date")!.iso8601 }
            parameters["invoice"] = invoice
            parameters["tracking"] = tracking
            parameters["note"] = note
            parameters["reason"] = note
            guard let result = TaskOutcome(code: outcome, parameters: parameters) else {
                throw Failure("--outcome \(outcome): unknown outcome, or a missing --date/--invoice (see relance tasks done --help)")
            }
            let context = try CommandContext(options: options)
            try await context.runtime.store.closeTask(id, outcome: result, at: context.runtime.clock.now())
            for creditor in context.runtime.creditors { try await context.runtime.reports.writeTasks(creditor.configuration) }
            let language = context.runtime.creditors.first?.configuration.language ?? .french
            print(language.wording.taskClosed(id: id, outcome: result))
        }
    }
}

import ArgumentParser
import Foundation
import RelanceCore
import RelanceDaemon

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what would be done on a date, for whom, and why; changes nothing.",
        discussion: "The same store and date always give the same plan. Held customers are listed with the reason.")

    @OptionGroup var options: GlobalOptions

    @Option(help: ArgumentHelp("The day to plan (YYYY-MM-DD); today in each creditor's time zone by default.", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("Pretend it is this date or instant (like run --now).", valueName: "date"))
    var now: FixedNow?

    @Option(help: ArgumentHelp("Only this creditor.", valueName: "id"))
    var creditor: String?

    @Option(help: ArgumentHelp("Only this customer (its id in the creditor's books).", valueName: "id"))
    var customer: String?

    @Flag(help: "Print the plan as JSON.")
    var json = false

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let runtime = try await RelanceRuntime.open(configuration: configuration, clock: clock(now), logger: options.makeLogger(),
                                                    composesMail: false, readOnly: true)
        var plans: [Plan] = []
        for target in runtime.creditors where creditor == nil || target.configuration.id.rawValue == creditor {
            let day: CivilDate
            if let date {
                guard let parsed = CivilDate(iso8601: date) else { throw Failure("--date \(date): expected YYYY-MM-DD") }
                day = parsed
            } else {
                day = runtime.today(for: target)
            }
            var plan = try await target.scheduler.plan(on: day)
            if let customer {
                plan.contacts = plan.contacts.filter { $0.customer.externalID == customer }
                plan.tasks = plan.tasks.filter { $0.customer.externalID == customer }
                plan.decisions = plan.decisions.filter { $0.customer == customer }
            }
            plans.append(plan)
        }
        if plans.isEmpty, let creditor { throw Failure("no creditor \"\(creditor)\" in \(configuration.file.path)") }
        if json {
            // A chunk of about 64 KiB per `print`: stdout's own buffer, as the text report's.
            try PlanJSONWriter.write(plans) { print(String(decoding: $0, as: UTF8.self), terminator: "") }
        } else {
            let languages = Dictionary(runtime.creditors.map { ($0.configuration.id, $0.configuration.language) }, uniquingKeysWith: { first, _ in first })
            for plan in plans {
                let words = (languages[plan.creditor] ?? .french).wording
                // The decisions are written on another core while the contacts are printed.
                async let decisions = PlanTextReport.chunks { PlanTextReport.writeDecisions(of: plan, words: words, emit: $0) }
                PlanTextReport.writeContacts(of: plan, words: words) { print($0, terminator: "") }
                for chunk in await decisions { print(chunk, terminator: "") }
            }
        }
        // Done, and nothing written: a large book's plan is hundreds of thousands of small
        // objects, and freeing them one by one cost a tenth of the command. The system takes
        // the memory back at once; the store was only read.
        fflush(nil)  // every stream, stdout included
        Foundation.exit(0)
    }
}

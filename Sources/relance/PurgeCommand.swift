import ArgumentParser
import Foundation
import RelanceDaemon

struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Remove personal data past its keeping period ([retention] in the configuration); the daemon does it daily.",
        discussion: """
            Removes the bytes of old messages and received mail, the files in processed/ older than processed_files_days, \
            and anonymises customers with nothing open and no activity for inactive_customer_days. Each purge is recorded. \
            Nothing else is ever deleted.
            """)

    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp("Pretend it is this date or instant.", valueName: "date")) var now: FixedNow?

    func run() async throws {
        let context = try await CommandContext(options: options, now: now)
        let (report, files, documents) = try await context.runtime.purge()
        print("""
            Purged: \(report.messagesBlanked) message bodies, \(report.inboundBlanked) received mails, \
            \(report.bankEntriesRedacted) bank entries' payers and labels, \(files) processed files, \
            \(documents) kept invoice documents; \(report.customersAnonymised) customers anonymised \
            (\(report.eventsRedacted) events redacted).
            """)
    }
}

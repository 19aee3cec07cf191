import ArgumentParser
import CurlMail
import RelanceDaemon

/// Every command, subcommands included, names itself (`commandName`): for a command without one,
/// ArgumentParser derives the name from the type's with `String(describing:)` on every start, whose
/// failed dynamic casts each scan all the binary's protocol conformances (4–5 ms of the 27 ms a
/// `relance` run takes before doing anything).
@main
struct Relance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relance",
        abstract: "Chases late-paying customers: imports the accountant's exports, plans reminders, sends them, reads the replies.",
        discussion: """
            Relance watches a drop folder for accounting exports (open-invoice reports, FEC ledgers, e-invoices, \
            contacts), keeps the aged balance of every customer, sends polite, then firmer, payment reminders by \
            email on business days, reads the replies and bounces, and hands calls and letters to people as tasks.

            Start with the bundled example: bash scripts/demo.sh (it copies examples/exports into the example's \
            drop folder, then runs relance run --once --config examples/relance.toml --now 2026-11-30).
            Configuration: --config, else $RELANCE_CONFIG, else $CONFIGURATION_DIRECTORY/relance.toml (systemd), \
            else /etc/relance/relance.toml. Secrets come from systemd credentials or RELANCE_CREDENTIAL_* variables.
            """,
        version: RelanceVersion.current,
        subcommands: [
            Run.self, Import.self, AgingCommand.self, PlanCommand.self, StatusCommand.self, TasksCommand.self, PauseCommand.self, ResumeCommand.self,
            DigestCommand.self, CustomerCommand.self, BankCommand.self, CreditorCommand.self, BackupCommand.self, StoreCommand.self, PurgeCommand.self, TemplatesCommand.self, InspectMailCommand.self, UserCommand.self, MessageCommand.self,
        ]
    )

    /// ArgumentParser's own `main`, and then, however the command ended, the mail connections
    /// still closing on their own queues are waited for before the process exits
    /// (`RetiredConnections`: exit would free OpenSSL's locks under them).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            RetiredConnections.waitUntilClosed()
            exit(withError: error)
        }
        RetiredConnections.waitUntilClosed()
    }
}

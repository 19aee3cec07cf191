import ArgumentParser
import Foundation
import RelanceCore
import RelanceConsole
import RelanceDaemon
import RelanceStore

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: import dropped files, plan reminders, send them.",
        discussion: """
            Without --once, runs until SIGTERM or SIGINT (as the systemd service does). \
            With --once, makes one pass (import, plan today, send what is due), prints what it did and exits. \
            Only one `relance run` may use a SQLite store at a time; several share a PostgreSQL one ([store] url).
            """)

    @OptionGroup var options: GlobalOptions

    @Flag(help: "One pass, then exit.")
    var once = false

    @Option(help: ArgumentHelp("Pretend it is this date (YYYY-MM-DD, 10:00 Paris time) or ISO 8601 instant.", valueName: "date"))
    var now: FixedNow?

    func run() async throws {
        // A daemon outlives its readers (journald restarting, a closed log pipe): a write to
        // them must fail with EPIPE, not kill the process in the middle of a send.
        signal(SIGPIPE, SIG_IGN)
        let configuration = try options.loadConfiguration()
        let logger = options.makeLogger()
        // One daemon per SQLite file (its lock file); on a PostgreSQL book several share the work
        // through leases and claims, and none takes a lock.
        var lock: RunLock?
        if configuration.postgresStore == nil {
            do {
                lock = try RunLock(beside: configuration.storeFile)
            } catch {
                throw Failure(error.description)
            }
        }
        let runtime = try await RelanceRuntime.open(configuration: configuration, clock: clock(now), logger: logger,
                                                    crashPoints: .fromEnvironment)
        do {
            try runtime.checkDropFolders()
        } catch {
            throw Failure("\(error)")
        }
        let reason = SendingRestart.daemonStarted
        if once {
            let report: RunOnceReport
            do {
                report = try await runtime.runOnce(startingSending: reason)
            } catch {
                guard let advice = AppDatabase.advice(for: error) else { throw error }
                throw Failure("\(error)\n  What to do: \(advice)")
            }
            print(RunOnceSummary(report: report, runtime: runtime).text)
        } else {
            try await runtime.startSending(because: reason)
            try await RelanceServices(runtime: runtime) { runtimes in
                guard let web = configuration.web else { return [] }
                logger.notice("web console on http://\(web.host):\(web.port)/")
                return [ConsoleServer.buildApplication(runtimes: runtimes, settings: web, logger: logger)]
            }.run()
        }
        await runtime.close()
        withExtendedLifetime(lock) {}
    }
}

import ArgumentParser
import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import RelanceStore
import RelanceTesting

/// The soak benchmark (issue #7): the whole daemon pipeline — import, plan, send — driven by an
/// injected clock through simulated days of a growing, paying, disputing, replying, bouncing
/// customer base with mail outages, checking the invariants every day.
@main
struct Soak: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relance-soak",
        abstract: "Simulate months of Relance in minutes and check its invariants every day (a benchmark, not a test).")

    @Option(help: "Customers in the simulated book.") var customers = 10_000
    @Option(help: "Simulated days.") var days = 120
    @Option(help: "Seed of the simulation (same seed, same run).") var seed: UInt64 = 42
    @Option(help: "The mail-templates folder.") var templates = "mail-templates"
    @Option(help: "Where to keep the simulation's files (a temporary folder by default).") var workspace: String?
    @Flag(help: "Print a line per simulated day.") var verbose = false

    func run() async throws {
        let temporary = workspace == nil ? try TemporaryWorkspace("relance-soak") : nil
        defer { withExtendedLifetime(temporary) {} }
        let requested = self.workspace
        let folder = try temporary?.root ?? {
            try FileManager.default.createDirectory(atPath: requested!, withIntermediateDirectories: true)
            return URL(fileURLWithPath: requested!)
        }()
        let configurationFile = folder.appendingPathComponent("relance.toml")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("drop"), withIntermediateDirectories: true)
        try Data("""
            drop_folder = "drop"
            create_drop_folder = true
            state_folder = "state"
            templates_folder = "\(URL(fileURLWithPath: templates).standardizedFileURL.path)"
            stable_after_seconds = 0
            [creditors.soak]
            legal_name = "Soak SAS"
            sender = "compta@soak.example"
            iban = "FR76 3000 4000 0312 3456 7890 143"
            active = true
            """.utf8).write(to: configurationFile)
        let start = CivilDate(iso8601: "2026-01-05")!
        let clock = ManualWallClock(try Date("2026-01-05T10:00:00+01:00", strategy: .iso8601))
        var logger = Logger(label: "soak")
        logger.logLevel = .critical
        let transport = SoakTransport()
        let runtime = try RelanceRuntime(configuration: try ConfigurationLoader.load(from: configurationFile), clock: clock,
                                         logger: logger, secrets: SecretStore(environment: [:]), transportOverride: { _ in transport })
        try await runtime.prepare()
        let creditor = runtime.creditors[0]
        let calendar = FrenchBusinessCalendar()
        let interval = creditor.configuration.policy.minimumBusinessDaysBetweenContacts
        var world = SoakWorld(seed: seed, customers: customers, start: start)
        var checker = SoakInvariants(calendar: calendar, interval: interval)
        var totals = (emails: 0, tasks: 0)
        let began = ContinuousClock.now
        emit("Soak: \(customers) customers, \(days) days, seed \(seed), workspace \(folder.path)")

        for offset in 0..<days {
            let day = start.adding(days: offset)
            let dayStarted = ContinuousClock.now
            clock.set(to: try Date("\(day.iso8601)T10:00:00+01:00", strategy: .iso8601))
            let disputes = world.advance(to: day)
            try Data(world.export(asOf: day).utf8).write(to: folder.appendingPathComponent("drop/day-\(day.iso8601).csv"))
            _ = try await creditor.intake.scan()
            let receivables = try await runtime.store.openReceivables(of: creditor.configuration.id)
            for number in disputes {
                if let invoice = receivables.first(where: { $0.number == number }) {
                    try await runtime.store.markDisputed(invoiceID: invoice.invoiceID, reason: "simulated dispute", at: clock.now())
                }
            }
            let planned = try await creditor.scheduler.run(on: day, at: clock.now())
            totals.tasks += planned.openedTasks.count
            // Outages: the mail server is down for three days in the second month.
            await transport.setOutage((40...42).contains(offset))
            _ = try await runtime.drainer.drain()
            let deliveries = await transport.takeDeliveries()
            totals.emails += deliveries.count
            try await checker.check(day: day, deliveries: deliveries, world: world, store: runtime.store)
            try await SoakReactions.react(to: deliveries, world: &world, store: runtime.store, creditor: creditor.configuration.id, at: clock.now())
            try await checker.checkCallTasks(store: runtime.store, creditor: creditor.configuration.id)
            if verbose || offset % 10 == 9 || offset == days - 1 {
                let size = (try? FileManager.default.attributesOfItem(atPath: runtime.configuration.storeFile.path)[.size] as? Int) ?? 0
                emit(String(format: "day %3d %@  %5.2f s  open %6d  emails %5d  tasks %4d  store %6.1f MB  violations %d",
                             offset + 1, day.iso8601, (ContinuousClock.now - dayStarted).seconds, world.open.count,
                             deliveries.count, planned.openedTasks.count, Double(size) / 1_048_576, checker.violations.count))
            }
        }
        let elapsed = (ContinuousClock.now - began).seconds
        emit(String(format: "Done: %d days in %.1f s (%.2f s per simulated day); %d emails, %d tasks opened.",
                     days, elapsed, elapsed / Double(days), totals.emails, totals.tasks))
        if checker.violations.isEmpty {
            emit("Invariants held every day: no two contacts within \(interval) business days, nothing on a non-business day, "
                  + "no email to a known-invalid address, nothing claimed for a settled or disputed invoice, one open call per wrong address.")
        } else {
            emit("INVARIANT VIOLATIONS (\(checker.violations.count)):")
            for violation in checker.violations.prefix(30) { emit("  \(violation)") }
            throw ExitCode.failure
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// One line at once, unbuffered, so a long run shows its progress even into a pipe or a file.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

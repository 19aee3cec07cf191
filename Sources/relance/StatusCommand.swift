import ArgumentParser
import Foundation
import RelanceCore
import RelanceDaemon
import RelancePostgres

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the outbox and the latest decisions recorded in the store.")

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Print as JSON.")
    var json = false

    @Option(help: "How many recent events to show.")
    var events = 15

    func run() async throws {
        let configuration = try options.loadConfiguration()
        if let postgres = configuration.postgresStore { return try await sharedBook(postgres) }
        let runtime = try RelanceRuntime(configuration: configuration, clock: SystemWallClock(), logger: options.makeLogger(), composesMail: false,
                                         readOnly: true)
        let counts = try await runtime.store.outboxCounts()
        let recent = try await runtime.store.recentEvents(of: nil, limit: events)
        let openTasks = try await runtime.store.tasks(of: nil, state: .open)
        let daemon = ServiceHealth.read(from: configuration.stateFolder.appendingPathComponent("status.json"))
        var creditors: [CreditorStatus] = []
        for creditor in runtime.creditors { creditors.append(try await runtime.status(of: creditor)) }
        if json {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            let services = try daemon.map { try JSONSerialization.jsonObject(with: try encoder.encode($0)) } ?? NSNull()
            let object: [String: Any] = [
                "store": configuration.storeFile.path,
                "daemon": services,
                "open_tasks": openTasks.count,
                "creditors": try JSONSerialization.jsonObject(with: try encoder.encode(creditors)),
            ]
            try Self.printJSON(object.merging(Self.outboxAndEvents(counts, recent)) { mine, _ in mine })
            return
        }
        let words = (runtime.creditors.first?.configuration.language ?? .french).wording
        print("Store: \(configuration.storeFile.path)")
        if let daemon {
            print("Daemon: pid \(daemon.pid), started \(daemon.startedAt.formatted(.iso8601)), last update \(daemon.updatedAt.formatted(.iso8601))")
            for (name, entry) in daemon.services.sorted(by: { $0.key < $1.key }) {
                var line = "  \(name): last success \(entry.lastSuccess?.formatted(.iso8601) ?? "never")"
                // The note in the creditor's words, as /health shows it.
                if let note = entry.note { line += " (\(words.serviceNote(note).printable))" }
                if entry.consecutiveFailures > 0, let error = entry.lastError {
                    line += "; FAILING \(entry.consecutiveFailures)× since \(entry.lastErrorAt?.formatted(.iso8601) ?? "?"): \(error.printable)"
                }
                print(line)
            }
        } else {
            print("Daemon: no status yet (relance run has not run with this state folder)")
        }
        // A creditor's lines are in its language; the rest (daemon, outbox, events) is the operator's.
        for (status, creditor) in zip(creditors, runtime.creditors) {
            let words = creditor.configuration.language.wording
            print(words.statusCreditor(id: status.creditor, active: status.active, paused: status.paused,
                                       outboxPaused: status.outboxPause != nil, openTasks: status.openTasks, heldImports: status.heldImports))
            if let pause = status.outboxPause {
                print("  " + words.statusOutboxPaused(since: pause.since.formatted(.iso8601), reason: pause.reason.printable))
                if let resume = status.outboxResume { print("    " + words.statusToResume(resume)) }
            }
            if let problem = status.dropFolderProblem { print("  " + words.statusProblem(problem.printable)) }
            if let summary = status.lastImport, let at = status.lastImportAt {
                print("  " + words.statusLastImport(at: at.formatted(.iso8601), summary: summary.printable))
            }
            for mark in status.mailbox {
                print("  " + words.statusMailbox(folder: mark.folder, uidValidity: "\(mark.uidValidity)", lastUID: "\(mark.lastUID)",
                                                 polled: mark.polledAt.formatted(.iso8601)))
            }
            if let opens = status.sendWindowOpens { print("  " + words.statusSendWindowClosed(until: opens.formatted(.iso8601))) }
            if let retry = status.nextRetry { print("  " + words.statusNextRetry(retry.formatted(.iso8601))) }
        }
        print(Self.outboxLine(counts))
        print("Open tasks: \(openTasks.count)\(openTasks.isEmpty ? "" : " (relance tasks)")")
        Self.printEvents(recent)
    }

    /// A PostgreSQL book: the daemons sharing it, their leases and claims, the outbox and the
    /// journal (what that store holds today; the creditors' own lines need its other ports).
    private func sharedBook(_ postgres: PostgresStoreConfiguration) async throws {
        let store = try await PostgresStore.open(try postgres.resolved(secrets: SecretStore()), logger: options.makeLogger())
        let read: (SharedBookStatus, [OutboxState: Int], [JournalEntry])
        do {
            read = (try await store.sharedBookStatus(), try await store.outboxCounts(), try await store.recentEvents(of: nil, limit: events))
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        let (shared, counts, recent) = read
        if json {
            let object: [String: Any] = [
                "store": postgres.settings.redactedURL,
                "database_time": shared.databaseNow.formatted(.iso8601),
                "daemons": shared.daemons.map { daemon in
                    ["id": daemon.id, "host": daemon.host, "pid": daemon.pid, "version": daemon.version,
                     "started_at": daemon.startedAt.formatted(.iso8601), "heartbeat_at": daemon.heartbeatAt.formatted(.iso8601)] as [String: Any]
                },
                "leases": shared.leases.map { lease in
                    ["name": lease.name, "holder": lease.holder, "token": lease.token, "acquired_at": lease.acquiredAt.formatted(.iso8601),
                     "expires_at": lease.expiresAt.formatted(.iso8601), "live": lease.expiresAt > shared.databaseNow] as [String: Any]
                },
                "claims": shared.claims.mapValues { ["live": $0.live, "expired": $0.expired] },
            ]
            try Self.printJSON(object.merging(Self.outboxAndEvents(counts, recent)) { mine, _ in mine })
            return
        }
        print("Store: PostgreSQL \(postgres.settings.redactedURL)")
        SharedBookStatusText.lines(shared).forEach { print($0) }
        print(Self.outboxLine(counts))
        Self.printEvents(recent)
    }

    // The outbox and the journal read the same on either store.

    static func outboxAndEvents(_ counts: [OutboxState: Int], _ recent: [JournalEntry]) -> [String: Any] {
        [
            "outbox": Dictionary(uniqueKeysWithValues: OutboxState.allCases.map { ($0.rawValue, counts[$0] ?? 0) }),
            "events": recent.map { entry in
                ["id": entry.id, "time": entry.event.time.formatted(.iso8601), "kind": entry.event.kind,
                 "creditor": entry.event.creditor?.rawValue ?? "", "summary": entry.event.summary] as [String: Any]
            },
        ]
    }

    static func printJSON(_ object: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        print(String(decoding: data, as: UTF8.self))
    }

    static func outboxLine(_ counts: [OutboxState: Int]) -> String {
        "Outbox: " + OutboxState.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")
    }

    static func printEvents(_ recent: [JournalEntry]) {
        print("Latest events:")
        for entry in recent {
            print("  #\(entry.id) \(entry.event.time.formatted(.iso8601)) \(entry.event.kind): \(entry.event.summary.printable)")
        }
    }
}

import ArgumentParser
import Foundation
import RelanceCore
import RelanceDaemon

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
        let runtime = try RelanceRuntime(configuration: configuration, clock: SystemWallClock(), logger: options.makeLogger())
        let counts = try await runtime.store.outboxCounts()
        let recent = try await runtime.store.recentEvents(of: nil, limit: events)
        if json {
            let object: [String: Any] = [
                "store": configuration.storeFile.path,
                "outbox": Dictionary(uniqueKeysWithValues: OutboxState.allCases.map { ($0.rawValue, counts[$0] ?? 0) }),
                "events": recent.map { entry in
                    ["id": entry.id, "time": entry.event.time.formatted(.iso8601), "kind": entry.event.kind,
                     "creditor": entry.event.creditor?.rawValue ?? "", "summary": entry.event.summary] as [String: Any]
                },
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print("Store: \(configuration.storeFile.path)")
        print("Outbox: " + OutboxState.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", "))
        print("Latest events:")
        for entry in recent {
            print("  #\(entry.id) \(entry.event.time.formatted(.iso8601)) \(entry.event.kind): \(entry.event.summary)")
        }
    }
}

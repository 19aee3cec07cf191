public import ArgumentParser
import Foundation
public import Logging
import RelanceCore
import RelanceDaemon

struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The configuration file.", valueName: "path"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("trace, debug, info, notice, warning, error or critical.", valueName: "level"))
    var logLevel: Logger.Level = .notice

    /// --config, else $RELANCE_CONFIG, else systemd's configuration directory, else /etc.
    var configurationURL: URL {
        let environment = ProcessInfo.processInfo.environment
        if let config { return URL(fileURLWithPath: config) }
        if let path = environment["RELANCE_CONFIG"], !path.isEmpty { return URL(fileURLWithPath: path) }
        if let directory = environment["CONFIGURATION_DIRECTORY"], !directory.isEmpty {
            return URL(fileURLWithPath: directory).appendingPathComponent("relance.toml")
        }
        return URL(fileURLWithPath: "/etc/relance/relance.toml")
    }

    func loadConfiguration() throws -> RelanceConfiguration {
        do {
            return try ConfigurationLoader.load(from: configurationURL)
        } catch {
            throw Failure("configuration: \(error)")
        }
    }

    func makeLogger() -> Logger {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            // Imported names and mail subjects reach the log: no raw line break may forge a record.
            return EscapingLogHandler(handler)
        }
        return Logger(label: "relance")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// `--now 2026-11-30` (10:00 in Europe/Paris that day) or a full ISO 8601 instant.
struct FixedNow: ExpressibleByArgument {
    let date: Date

    init?(argument: String) {
        if let instant = try? Date(argument, strategy: .iso8601) {
            date = instant
        } else if let day = CivilDate(iso8601: argument) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Europe/Paris")!
            guard let instant = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 10)) else { return nil }
            date = instant
        } else {
            return nil
        }
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

func clock(_ now: FixedNow?) -> any WallClock {
    now.map { FixedStartWallClock(start: $0.date) } ?? SystemWallClock()
}

/// Exit with a clear message on stderr and status 1 (ArgumentParser's `CleanExit` exits 0).
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

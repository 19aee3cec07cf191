import Foundation

/// The `relance` executable built beside the test bundle, run as systemd or a user would.
struct RelanceProcess {
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("relance")
    }

    let configuration: URL
    /// Added to this process's environment (credentials, crash points).
    let environment: [String: String]

    func start(_ arguments: [String], extra: [String: String] = [:]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments + ["--config", configuration.path, "--now", "2026-11-30"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }.merging(extra) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        return (process, output)
    }

    /// Runs to the end; the output is stdout and stderr together.
    func run(_ arguments: [String], extra: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let (process, pipe) = try start(arguments, extra: extra)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

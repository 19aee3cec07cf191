import Foundation
import RelancePostgres
import RelancePostgresTesting

/// A throwaway PostgreSQL cluster of its own (scripts/postgres-scratch.sh) for a test that stops
/// or restarts the server: the shared test cluster serves dozens of tests at once and must never
/// be restarted. TLS, role and password as the shared one's; a database `relance`.
struct ScratchPostgres: Sendable {
    let directory: String
    let port: Int

    struct ScriptFailed: Error, CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var output: String
        var description: String { "scripts/postgres-scratch.sh \(arguments.joined(separator: " ")) exited \(status): \(output)" }
    }

    /// Makes and starts a cluster, hands it to `body`, and removes it afterwards (even on failure).
    static func withCluster<T: Sendable>(_ body: (ScratchPostgres) async throws -> T) async throws -> T {
        let output = try run(["create"])
        var facts: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { facts[parts[0]] = parts[1] }
        }
        guard let directory = facts["DIR"], let port = facts["PORT"].flatMap(Int.init) else {
            throw ScriptFailed(arguments: ["create"], status: 0, output: "no DIR= and PORT= in: \(output)")
        }
        let cluster = ScratchPostgres(directory: directory, port: port)
        let result: Result<T, any Error>
        do { result = .success(try await body(cluster)) } catch { result = .failure(error) }
        _ = try? run(["remove", directory])
        return try result.get()
    }

    /// `pg_ctl -m fast restart`: every session is cut, the server is back at once.
    func restart() throws { _ = try Self.run(["restart", directory]) }
    /// `pg_ctl -m fast stop`: the outage begins.
    func stop() throws { _ = try Self.run(["stop", directory]) }
    func start() throws { _ = try Self.run(["start", directory]) }

    /// The database `relance` on this cluster, TLS verified against the test CA (verify-full).
    func settings() throws -> PostgresStoreSettings {
        let facts = try PostgresTestDatabase.facts()
        var settings = try PostgresStoreSettings.parse(url: "postgresql://\(facts.user)@\(facts.host):\(port)/relance",
                                                       sslMode: "verify-full", rootCertificatePath: facts.caFile)
        settings.password = facts.password
        return settings
    }

    /// Runs the script; its output (standard error too: its log lines start with "[postgres-scratch]").
    private static func run(_ arguments: [String]) throws -> String {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/postgres-scratch.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let status = exitStatus(of: process)
        guard status == 0 else { throw ScriptFailed(arguments: arguments, status: status, output: text) }
        return text
    }

    /// The script's exit status, reaped here: `Process.waitUntilExit` waited forever for a script
    /// that had exited (a zombie nobody reaped: the SIGCHLD Foundation listens for went to one of
    /// the many threads of the test process that do not block it). When Foundation reaped it
    /// first, its own status.
    private static func exitStatus(of process: Process) -> Int32 {
        var status: Int32 = 0
        var reaped: pid_t
        repeat { reaped = waitpid(process.processIdentifier, &status, 0) } while reaped == -1 && errno == EINTR
        guard reaped == process.processIdentifier else {
            process.waitUntilExit()
            return process.terminationStatus
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import (macros).
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}

import Foundation
import Testing
import RelanceDaemon
import RelancePostgres
import RelanceTesting

/// The unit in systemd/ must pass `systemd-analyze verify` with the binary the tests just built.
@Suite struct SystemdUnitTests {
    static let analyzer = "/usr/bin/systemd-analyze"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: analyzer), "systemd-analyze is not installed"))
    func theUnitVerifies() throws {
        let workspace = try TemporaryWorkspace("relance-unit")
        let unit = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("systemd/relance.service"), encoding: .utf8)
        let binary = ProcessTests.executable.path
        // verify wants ExecStart's binary to exist: point it at the one just built.
        let local = unit.replacingOccurrences(of: "ExecStart=/usr/local/bin/relance", with: "ExecStart=\(binary)")
        #expect(local != unit)
        let path = try workspace.write("relance.service", local)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.analyzer)
        process.arguments = ["verify", path.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(!text.contains("Unknown key"), "\(text)")
        #expect(!text.contains("relance.service:"), "\(text)")
    }

    @Test("the unit caps the daemon's memory, and systemd-analyze security still rates it 1.7 OK or better",
          .enabled(if: FileManager.default.isExecutableFile(atPath: analyzer), "systemd-analyze is not installed"))
    func memoryIsCappedAndExposureStaysLow() throws {
        let path = RepositoryPaths.root.appendingPathComponent("systemd/relance.service").path
        let unit = try String(contentsOfFile: path, encoding: .utf8)
        #expect(unit.contains("\nMemoryMax=1536M\n"))
        #expect(unit.contains("\nMemoryHigh=1G\n"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.analyzer)
        process.arguments = ["security", "--offline=true", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let line = try #require(text.split(separator: "\n").last { $0.contains("Overall exposure level") })
        let score = try #require(line.split(separator: " ").compactMap { Double($0) }.first)
        #expect(score <= 1.7, "\(line)")
    }

    @Test("a stop's bounds (ticks cancelled, the pool closed, then the daemon's own deadline) end before the unit's TimeoutStopSec kills the daemon")
    func aStopEndsBeforeSystemdKillsIt() throws {
        let unit = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("systemd/relance.service"), encoding: .utf8)
        let line = try #require(unit.split(separator: "\n").first { $0.hasPrefix("TimeoutStopSec=") })
        let limit = try #require(Int(line.dropFirst("TimeoutStopSec=".count)))
        #expect(RelanceServices.gracefulStop + PostgresStore.closingLimit < RelanceServices.stopDeadline,
                "ticks cancelled at \(RelanceServices.gracefulStop), the pool closed within \(PostgresStore.closingLimit): both before the deadline")
        #expect(RelanceServices.stopDeadline < .seconds(limit), "the daemon ends itself at \(RelanceServices.stopDeadline), systemd kills at \(limit) s")
    }
}

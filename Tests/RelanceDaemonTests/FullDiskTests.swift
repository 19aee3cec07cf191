import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceStore
import RelanceTesting

/// A full disk under the store: the import fails with a clear error, nothing is half written,
/// the dropped file stays where it was, and everything goes through once space returns.
/// Needs root to mount a small tmpfs (CI runs as root); elsewhere the test is skipped.
@Suite struct FullDiskTests {
    static var canMount: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount") }

    static func run(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: canMount, "needs root to mount a small tmpfs"))
    func aFullDiskFailsCleanlyAndRecoversWhenSpaceReturns() async throws {
        let fixture = try DaemonFixture()
        let state = fixture.workspace.url("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try #require(Self.run(["-t", "tmpfs", "-o", "size=32m", "tmpfs", state.path]) == 0)
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [state.path]
            try? umount.run()
            umount.waitUntilExit()
        }
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        // Fill the disk, leaving too little for the import below.
        let filler = state.appendingPathComponent("filler")
        let free = try #require(try FileManager.default.attributesOfFileSystem(forPath: state.path)[.systemFreeSize] as? Int)
        try Data(count: max(0, free - 64 * 1024)).write(to: filler)

        let rows = (1...1500).map { "C\($0);Client \($0) avec un nom assez long;compta\($0)@client.example;F-\($0);15/09/2026;15/10/2026;\($0),00" }
        try fixture.drop("big.csv", ([DaemonFixture.header] + rows).joined(separator: "\n") + "\n")
        await #expect {
            _ = try await runtime.runOnce()
        } throws: { error in
            "\(error)".contains("disk is full")
        }
        #expect(fixture.workspace.files(in: "drop").contains("big.csv"))   // not moved, not lost
        #expect(try #require(runtime.store as? AppDatabase).integrityProblems().isEmpty)
        #expect(try await runtime.store.openReceivables(of: CreditorID("acme")!).isEmpty)   // nothing half applied

        try FileManager.default.removeItem(at: filler)
        let report = try await runtime.runOnce()
        #expect(report.intake[CreditorID("acme")!]?.imported.count == 1)
        #expect(try await runtime.store.openReceivables(of: CreditorID("acme")!).count == 1500)
        #expect(try #require(runtime.store as? AppDatabase).integrityProblems().isEmpty)
    }
}

import Foundation
import RelanceTesting
import Testing

/// Issue #12 §4: a state folder this user cannot write. The read-only commands work on it
/// and leave nothing behind; the others say what is wrong and what to do, in words.
///
/// Root can write anywhere, so the commands run as `nobody` (setpriv) on a folder root owns:
/// exactly an operator reading the daemon's store with their own account.
@Suite(.serialized, .enabled(if: getuid() == 0, "needs root to run the commands as another user"))
struct ReadOnlyStoreTests {
    static func runAsNobody(_ arguments: [String], in fixture: DaemonFixture) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", ProcessTests.executable.path] + arguments
            + ["--config", fixture.workspace.url("relance.toml").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func readOnlyCommandsWorkOnAStoreThisUserCannotWriteAndLeaveNothingBehind() throws {
        let fixture = try DaemonFixture()
        try ProcessTests.dropInvoices(2, into: fixture)
        #expect(try ProcessTests.run(["run", "--once"], in: fixture).status == 0)
        let state = fixture.workspace.url("state")
        let before = fixture.workspace.files(in: "state")
        // Folders 0755 and files 0644, owned by root: `nobody` reads, never writes.
        for folder in [fixture.workspace.root, state] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        }
        for command in [["status"], ["status", "--json"], ["plan", "--date", "2026-11-30"], ["aging"], ["customer", "C1"], ["tasks"]] {
            let result = try Self.runAsNobody(command, in: fixture)
            #expect(result.status == 0, "\(command): \(result.output)")
            #expect(!result.output.contains("readonly database"), "\(command): \(result.output)")
            #expect(fixture.workspace.files(in: "state") == before, "\(command) left \(fixture.workspace.files(in: "state"))")
        }
        // A command that writes says what is wrong and what to do, not SQLite's text.
        let run = try Self.runAsNobody(["run", "--once", "--now", "2026-11-30"], in: fixture)
        #expect(run.status != 0)
        #expect(run.output.contains(state.path))
        #expect(run.output.contains("cannot be written") || run.output.contains("not writable"), "\(run.output)")
        #expect(!run.output.contains("grdb_issue") && !run.output.contains("while executing"), "\(run.output)")
        #expect(fixture.workspace.files(in: "state") == before)
        // And the daemon's own user still runs as before.
        #expect(try ProcessTests.run(["run", "--once"], in: fixture).status == 0)
    }
}

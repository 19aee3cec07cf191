import Foundation
import Testing
import RelanceStore
import RelanceTesting

/// The `relance` executable as a user and systemd run it: a second run refused by the lock,
/// SIGTERM stops it cleanly, SIGKILL loses nothing and sends nothing twice.
@Suite(.serialized) struct ProcessTests {
    /// The executable built beside the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("relance")
    }

    static func start(_ arguments: [String], in fixture: DaemonFixture) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + ["--config", fixture.workspace.url("relance.toml").path, "--now", "2026-11-30"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        return (process, output)
    }

    static func run(_ arguments: [String], in fixture: DaemonFixture) throws -> (status: Int32, output: String) {
        let (process, pipe) = try start(arguments, in: fixture)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func waitUntil(timeout: Duration = .seconds(20), _ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    static func dropInvoices(_ count: Int, into fixture: DaemonFixture, file: String = "open.csv") throws {
        let rows = (1...count).map { "C\($0);Client \($0);compta\($0)@client.example;F-\($0);15/09/2026;15/10/2026;\($0)0,00" }
        try fixture.drop(file, ([DaemonFixture.header] + rows).joined(separator: "\n") + "\n")
    }

    @Test func runOncePrintsWhatItDidAndTwiceSendsOnce() throws {
        let fixture = try DaemonFixture()
        try Self.dropInvoices(3, into: fixture)
        let first = try Self.run(["run", "--once"], in: fixture)
        #expect(first.status == 0)
        #expect(first.output.contains("Importé : open.csv : 3 factures ouvertes"), "\(first.output)")
        // A French creditor's run ends in French too: its closing lines are everyone's.
        let outbox = fixture.workspace.url("outbox/acme").path
        #expect(first.output.hasSuffix("\nMessages envoyés : 3, à réessayer plus tard : 0, en échec : 0\n"
            + "Acheminement : acme en fichiers .eml dans \(outbox)\n"), "\(first.output)")
        let second = try Self.run(["run", "--once"], in: fixture)
        #expect(second.status == 0)
        #expect(second.output.contains("\nMessages envoyés : 0, à réessayer plus tard : 0, en échec : 0\n"))
        #expect(fixture.workspace.files(in: "outbox/acme").count == 3)
    }

    @Test func anEnglishCreditorsRunEndsInEnglish() throws {
        let fixture = try DaemonFixture(extraCreditorSettings: "language = \"en\"")
        try Self.dropInvoices(3, into: fixture)
        let run = try Self.run(["run", "--once"], in: fixture)
        #expect(run.status == 0)
        #expect(run.output.hasSuffix("\nSent: 3, retrying later: 0, failed: 0\n"
            + "Delivery: acme as .eml files in \(fixture.workspace.url("outbox/acme").path)\n"), "\(run.output)")
    }

    @Test func aFileImportedButLeftInPlaceIsToldInTheCreditorsLanguage() throws {
        let fixture = try DaemonFixture()
        try Self.dropInvoices(1, into: fixture)
        // A plain file where the day's processed/ folder goes: the import is applied, the move fails.
        try fixture.workspace.write("drop/processed/2026-11-30", "not a folder\n")
        let run = try Self.run(["run", "--once"], in: fixture)
        #expect(run.status == 0)
        let processed = fixture.workspace.url("drop/processed/2026-11-30").path
        #expect(run.output.contains("""
            \n  LAISSÉ EN PLACE : open.csv — n'a pas pu être mis de côté
                  importé (import n°\u{00A0}1) mais n'a pas pu être déplacé dans `processed/` : \(processed) : un fichier de ce nom existe déjà\n
            """), "\(run.output)")
        // A file was seen and imported: not "no new file".
        #expect(!run.output.contains("aucun nouveau fichier"), "\(run.output)")
    }

    @Test func aSecondRunIsRefusedWhileTheFirstHoldsTheStore() async throws {
        let fixture = try DaemonFixture()
        let (daemon, _) = try Self.start(["run"], in: fixture)
        defer { if daemon.isRunning { daemon.terminate(); daemon.waitUntilExit() } }
        #expect(try await Self.waitUntil { FileManager.default.fileExists(atPath: fixture.workspace.url("state/relance.sqlite.lock").path) })
        try await Task.sleep(for: .milliseconds(300))
        let second = try Self.run(["run", "--once"], in: fixture)
        #expect(second.status != 0)
        #expect(second.output.contains("another `relance run` is already using this store"))
    }

    @Test func sigtermStopsTheDaemonCleanly() async throws {
        let fixture = try DaemonFixture()
        try Self.dropInvoices(2, into: fixture)
        let (daemon, _) = try Self.start(["run"], in: fixture)
        #expect(try await Self.waitUntil { fixture.workspace.files(in: "outbox/acme").count == 2 })
        daemon.terminate()   // SIGTERM
        #expect(try await Self.waitUntil(timeout: .seconds(10)) { !daemon.isRunning })
        #expect(daemon.terminationReason == .exit)
        #expect(daemon.terminationStatus == 0)
    }

    @Test func sighupReloadsAGoodConfigurationAndRefusesABadOne() async throws {
        let fixture = try DaemonFixture()
        let (daemon, pipe) = try Self.start(["run"], in: fixture)
        defer { if daemon.isRunning { daemon.terminate(); daemon.waitUntilExit() } }
        #expect(try await Self.waitUntil { FileManager.default.fileExists(atPath: fixture.workspace.url("state/status.json").path) })
        let good = try fixture.workspace.read("relance.toml")

        try fixture.workspace.write("relance.toml", good + "\nsender_nmae = \"typo\"\n")
        kill(daemon.processIdentifier, SIGHUP)
        try await Task.sleep(for: .milliseconds(500))
        #expect(daemon.isRunning)
        try fixture.workspace.write("relance.toml", good)
        kill(daemon.processIdentifier, SIGHUP)
        try await Task.sleep(for: .milliseconds(500))
        #expect(daemon.isRunning)
        daemon.terminate()
        daemon.waitUntilExit()
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("new configuration refused, the running one is kept"))
        #expect(log.contains("sender_nmae"))
        #expect(log.contains("configuration reloaded"))
        #expect(daemon.terminationStatus == 0)
    }

    /// SIGKILL at fifty moments (a sample of 20 in the test command; `KillMoments`) spread over import, planning and sending (every 10 ms from
    /// start to well past the end of the work): afterwards no input is lost, the store passes its
    /// integrity check, no customer got two messages, and every reminder is accounted for —
    /// sent, or held for a person when the kill cut a send in half (never resent blindly).
    @Test(arguments: KillMoments.sample(stride(from: 0, to: 500, by: 10).map { $0 }, count: 20))
    func sigkillLosesNothingAndSendsNothingTwice(afterMilliseconds delay: Int) async throws {
        let fixture = try DaemonFixture()
        try Self.dropInvoices(40, into: fixture)
        let (daemon, _) = try Self.start(["run"], in: fixture)
        try await Task.sleep(for: .milliseconds(delay))
        kill(daemon.processIdentifier, SIGKILL)
        daemon.waitUntilExit()

        let after = try Self.run(["run", "--once"], in: fixture)
        #expect(after.status == 0, "\(after.output)")
        // The input is somewhere: still in the drop folder, or processed; never gone.
        let kept = fixture.workspace.files(in: "drop").filter { $0.hasSuffix(".csv") }
            + fixture.workspace.files(in: "drop/processed/2026-11-30")
        #expect(kept == ["open.csv"])

        let store = try AppDatabase.openOnDisk(at: fixture.workspace.url("state/relance.sqlite"))
        #expect(try store.integrityProblems().isEmpty)
        let counts = try await store.outboxCounts()
        let sentCount = counts[.sent] ?? 0, held = counts[.held] ?? 0
        #expect(sentCount + held == 40, "\(counts)")
        #expect(held <= 1)   // only the message in flight at the kill can be in doubt

        let files = fixture.workspace.files(in: "outbox/acme").filter { $0.hasSuffix(".eml") }
        #expect(files.allSatisfy { $0.hasSuffix("-first-reminder.eml") })
        #expect(files.count >= sentCount && files.count <= sentCount + held)
        // No customer got two messages.
        let recipients = try files.map { name -> String in
            let text = try fixture.workspace.read("outbox/acme/\(name)")
            return text.components(separatedBy: "\r\n").first { $0.hasPrefix("To: ") } ?? ""
        }
        #expect(Set(recipients).count == recipients.count)
    }
}

/// `Type=notify`: the daemon tells systemd it is ready over `$NOTIFY_SOCKET`.
@Suite struct SystemdNotifyTests {
    @Test func theDaemonSaysReadyAndStopping() async throws {
        let fixture = try DaemonFixture()
        let socketPath = fixture.workspace.url("notify.sock").path
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(socketPath.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        let process = Process()
        process.executableURL = ProcessTests.executable
        process.arguments = ["run", "--config", fixture.workspace.url("relance.toml").path]
        process.environment = ["NOTIFY_SOCKET": socketPath, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        func receive() -> String {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(fd, &buffer, buffer.count, 0)
            return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
        }
        let first = receive()
        #expect(first.contains("READY=1"))
        process.terminate()
        var messages: [String] = []
        for _ in 0..<5 {
            let message = receive()
            if message.isEmpty { break }
            messages.append(message)
            if message.contains("STOPPING=1") { break }
        }
        #expect(messages.contains { $0.contains("STOPPING=1") })
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

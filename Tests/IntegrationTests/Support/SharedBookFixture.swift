import Foundation
import RelanceCore
import RelanceDaemon
import RelancePostgres
import RelanceTesting
import Testing

/// Several `relance run` daemons on one PostgreSQL book and the real Postfix/Dovecot: the
/// workspace (configuration with `[store]`, one dropped file of `customers` reminders, a log per
/// daemon), starting and stopping daemons, and the exactly-once checks of the shared-book tests.
struct SharedBookFixture {
    static let creditor = CreditorID("acme")!
    let workspace: TemporaryWorkspace
    let process: RelanceProcess
    let stack: MailStack
    /// The customers (by number) whose address does not exist: their reminders bounce.
    let bounced: Set<Int>

    /// `perMinute`: each daemon's pace, so that the sending lasts long enough for kills and
    /// pauses to fall in it (a paced creditor's daemon claims one message at a time); 0: unpaced.
    /// `bouncing`: one customer in that many has an address Postfix does not know; its DSN comes
    /// back to the creditor's mailbox (t41, VERP), which the daemons poll every 10 s.
    init(stack: MailStack, settings: PostgresStoreSettings, customers: Int, perMinute: Int, leaseSeconds: Int = 60,
         bouncing oneIn: Int? = nil) throws {
        self.stack = stack
        workspace = try TemporaryWorkspace("relance-shared-book")
        let bounced = Set((1...customers).filter { customer in oneIn.map { customer % $0 == 0 } ?? false })
        self.bounced = bounced
        try MailboxPollIntegrationTests.empty("t41", folders: ["INBOX"], remove: ["Relance"], stack: stack)
        let evidence = """
            archive_bcc = "\(stack.address("t42"))"
            evidence_delay_seconds = 1
            \(perMinute > 0 ? "max_messages_per_minute = \(perMinute)" : "")
            bounce_address = "\(stack.address("t41"))"
            verp = true

            \(IntegrationConfiguration.imap(stack, user: "t42", section: "archive_imap", credential: "archive-password"))

            \(IntegrationConfiguration.imap(stack, user: "t41", extra: """
                move_handled_to = "Relance"
                poll_interval_seconds = 10
                """))
            """
        let store = """

            [store]
            url = "\(settings.redactedURL)"
            password_credential = "postgres-password"
            sslmode = "verify-full"
            sslrootcert = "\(settings.rootCertificatePath ?? "")"
            claim_seconds = 10
            lease_seconds = \(leaseSeconds)
            """
        try workspace.write("relance.toml", IntegrationConfiguration.toml(sender: stack.address("t41"), creditorSettings: evidence,
                                                                             smtp: IntegrationConfiguration.submission(stack, user: "t41")) + store)
        let rows = (1...customers).map { "C\($0);Client \($0);\(Self.address(of: $0, bounced: bounced, stack: stack));F-\($0);01/09/2026;01/10/2026;\($0)0,00" }
        try workspace.write("drop/open.csv", (["customer;name;email;invoice;issue_date;due_date;amount"] + rows).joined(separator: "\n") + "\n")
        try FileManager.default.createDirectory(at: workspace.url("logs"), withIntermediateDirectories: true)
        process = RelanceProcess(configuration: workspace.url("relance.toml"), environment: [
            SecretStore.variableName(for: "smtp-password"): stack.password,
            SecretStore.variableName(for: "archive-password"): stack.password,
            SecretStore.variableName(for: "imap-password"): stack.password,
            SecretStore.variableName(for: "postgres-password"): settings.password ?? "",
        ])
    }

    static func address(of customer: Int, bounced: Set<Int>, stack: MailStack) -> String {
        bounced.contains(customer) ? "nobody-shared-book-c\(customer)@\(stack.domain)" : "t43+c\(customer)@\(stack.domain)"
    }

    /// The bounced customers' ids in the book, with their address.
    func bouncedCustomerIDs(_ observer: PostgresStore) async throws -> [Int64: String] {
        var ids: [Int64: String] = [:]
        for customer in bounced {
            let id = try #require(try await observer.customerID(external: "C\(customer)", of: Self.creditor))
            ids[id] = Self.address(of: customer, bounced: bounced, stack: stack)
        }
        return ids
    }

    func sentCount(_ observer: PostgresStore) async throws -> Int {
        try await observer.outboxCounts()[.sent] ?? 0
    }

    /// Waits until at least `count` reminders are sent (or the deadline passes: a kill then
    /// falls wherever the work is).
    func waitUntilSent(atLeast count: Int, observer: PostgresStore, atMost wait: Duration) async throws {
        let deadline = ContinuousClock.now + wait
        while try await sentCount(observer) < count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Waits until every bounce is recorded, then one poll interval more, so that a bounce
    /// recorded twice would show.
    func waitUntilBouncesRead(observer: PostgresStore, atMost wait: Duration) async throws {
        guard !bounced.isEmpty else { return }
        let deadline = ContinuousClock.now + wait
        while ContinuousClock.now < deadline {
            let events = try await observer.recentEvents(of: Self.creditor, limit: 100_000).map(\.event)
            if events.filter({ $0.kind == "mail.received" && $0.detail["kind"] == "bounce" }).count >= bounced.count { break }
            try await Task.sleep(for: .seconds(1))
        }
        try await Task.sleep(for: .seconds(12))
    }

    /// A `relance run` daemon, its output appended to logs/daemon-N.log (never a pipe nobody reads).
    func startDaemon(index: Int, arguments: [String] = []) throws -> Process {
        let daemon = Process()
        daemon.executableURL = RelanceProcess.executable
        daemon.arguments = ["run", "--config", process.configuration.path, "--now", "2026-11-30"] + arguments
        daemon.environment = ProcessInfo.processInfo.environment.merging(process.environment) { $1 }
        let log = workspace.url("logs/daemon-\(index).log")
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        daemon.standardOutput = handle
        daemon.standardError = handle
        try daemon.run()
        return daemon
    }

    /// What the book and the customers' mailbox hold once the daemons stopped: what the
    /// exactly-once checks look at.
    struct Outcome {
        var counts: [OutboxState: Int]
        /// The Message-ID of each `message.queued` event, in the journal's order.
        var queued: [String]
        var importsApplied: Int
        var filesLeftInDrop: [String]
        /// Copies of each queued message in the customers' mailbox.
        var copies: [String: Int]
    }

    func outcome(observer: PostgresStore) async throws -> Outcome {
        let counts = try await observer.outboxCounts()
        let events = try await observer.recentEvents(of: nil, limit: 100_000).map(\.event)
        let queued = events.filter { $0.kind == "message.queued" }.compactMap { $0.detail["message_id"] }
        return Outcome(counts: counts, queued: queued, importsApplied: events.filter { $0.kind == "import.applied" }.count,
                       filesLeftInDrop: workspace.files(in: "drop").filter { $0.hasSuffix(".csv") },
                       copies: try await deliveredCopies(of: queued))
    }

    /// How many copies of each message reached the customers' mailbox (t43).
    func deliveredCopies(of messageIDs: [String]) async throws -> [String: Int] {
        try await DeliveredCopies(stack: stack, user: "t43").delivered(messageIDs, waitingAtMost: .seconds(60))
    }

    /// Waits until the outbox holds `count` messages, all sent (or the deadline passes).
    static func waitUntilAllSent(_ count: Int, observer: PostgresStore, atMost wait: Duration) async throws {
        let deadline = ContinuousClock.now + wait
        while ContinuousClock.now < deadline {
            // Asked again when the observer's connection was cut (PostgreSQL restarted under it).
            let counts = (try? await observer.outboxCounts()) ?? [:]
            if counts[.sent] == count && counts.values.reduce(0, +) == count { return }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    /// SIGTERM to each daemon (resumed first, if stopped), and waits for it to end: the pids of
    /// those still running `within` after it (then SIGKILLed, so that a hang fails the test
    /// instead of holding the whole test run).
    @discardableResult
    static func stop(_ daemons: [Process], within wait: Duration = .seconds(90)) -> [Int32] {
        var hung: [Int32] = []
        for daemon in daemons {
            let pid = daemon.processIdentifier
            kill(pid, SIGCONT)
            kill(pid, SIGTERM)
            let deadline = ContinuousClock.now + wait
            // Reaped here (WNOHANG), not by `waitUntilExit`: Foundation may miss a SIGCHLD taken by
            // another thread of the test process. -1 (ECHILD): Foundation reaped it already.
            var status: Int32 = 0
            while waitpid(pid, &status, WNOHANG) == 0 {
                if ContinuousClock.now >= deadline {
                    hung.append(pid)
                    kill(pid, SIGKILL)
                    _ = waitpid(pid, &status, 0)
                    break
                }
                usleep(50_000)
            }
        }
        return hung
    }
}

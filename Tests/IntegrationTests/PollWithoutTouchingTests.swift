import CurlMail
import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import RelanceTesting
import Testing

// Mailbox: t34's folders "Issue17" (polled) and "Issue17-handled" (move_handled_to), of their
// own so that other tests using t34's INBOX cannot disturb them: a shared mailbox, colleagues'
// mail (unread and read) beside the customers' auto-replies and replies to our reminders.

/// Issue 17: the poll reads the mailbox without touching it. Messages are written straight into
/// the folder's Maildir (new/ is unread, cur/…:2,S is read), the real `relance` process polls it over
/// IMAP, and Dovecot's own tool reads every message's flags back: no unread message ever
/// becomes read, not after a whole poll, not after a poll killed at any of its steps.
@Suite(.mailStack, .serialized) struct PollWithoutTouchingTests {
    static let user = "t34"
    static let folder = "Issue17"
    static let handled = "Issue17-handled"
    static let customers = 4

    struct Fixture {
        let stack: MailStack
        let workspace: TemporaryWorkspace
        let process: RelanceProcess
        /// Message-ID → read, as written into the Maildir.
        private(set) var written: [String: Bool] = [:]
        /// Message-IDs of the customers' answers to our reminders.
        private(set) var ours: [String] = []

        init(stack: MailStack) throws {
            self.stack = stack
            let address = stack.address(PollWithoutTouchingTests.user)
            try Self.doveadm(["mailbox", "delete", "-u", address, PollWithoutTouchingTests.folder, PollWithoutTouchingTests.handled])
            try Self.doveadm(["mailbox", "create", "-u", address, PollWithoutTouchingTests.folder])
            workspace = try TemporaryWorkspace("relance-poll-peek")
            try workspace.write("relance.toml", """
                drop_folder = "drop"
                state_folder = "state"
                outbox_folder = "outbox"
                templates_folder = "\(RepositoryPaths.mailTemplates.path)"
                stable_after_seconds = 0

                [creditors.acme]
                legal_name = "ACME SAS"
                sender = "\(stack.address(PollWithoutTouchingTests.user))"
                iban = "FR76 3000 4000 0312 3456 7890 143"
                active = true

                \(IntegrationConfiguration.imap(stack, user: PollWithoutTouchingTests.user, extra: """
                    folders = ["\(PollWithoutTouchingTests.folder)"]
                    move_handled_to = "\(PollWithoutTouchingTests.handled)"
                    """))
                """)
            let rows = (1...PollWithoutTouchingTests.customers).map {
                "C\($0);Client \($0);client\($0)@client.example;F-\($0);01/09/2026;01/10/2026;\($0)00,00"
            }
            try workspace.write("drop/open.csv", (["customer;name;email;invoice;issue_date;due_date;amount"] + rows).joined(separator: "\n") + "\n")
            process = RelanceProcess(configuration: workspace.url("relance.toml"), environment: [
                SecretStore.variableName(for: "imap-password"): stack.password,
            ])
        }

        /// The first run: imports, writes one reminder per customer into the outbox folder, and
        /// polls the (still empty) mailbox.
        func sendReminders() throws -> [(customer: Int, messageID: String)] {
            let run = try process.run(["run", "--once"])
            #expect(run.status == 0, "\(run.output)")
            let folder = workspace.url("outbox/acme")
            var reminders: [(Int, String)] = []
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".eml") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                guard let id = Self.header("Message-ID", in: text), let to = Self.header("To", in: text),
                      let number = to.firstMatch(of: /client(\d+)@/).flatMap({ Int($0.1) })
                else { continue }
                reminders.append((number, String(id.dropFirst().dropLast())))
            }
            try #require(reminders.count == PollWithoutTouchingTests.customers)
            return reminders.sorted { $0.0 < $1.0 }
        }

        /// Writes the shared mailbox: an auto-reply to each reminder (ours, moved once handled; the
        /// first one already read by a colleague), a reply to the first (ours, stays), and the
        /// colleagues' mail, a third of it read.
        mutating func fill(unrelated: Int, reminders: [(customer: Int, messageID: String)]) throws {
            for (index, reminder) in reminders.enumerated() {
                let id = "away-\(reminder.customer)-\(UUID().uuidString)@client.example"
                try deliver(SampleInboundMail.autoReply(from: "client\(reminder.customer)@client.example", inReplyTo: reminder.messageID,
                                                        back: "15/12/2026", id: id), id: id, seen: index == 0)
                ours.append(id)
            }
            let replyID = "reply-\(UUID().uuidString)@client.example"
            try deliver(SampleInboundMail.reply(from: "client1@client.example", to: stack.address(PollWithoutTouchingTests.user),
                                                inReplyTo: reminders[0].messageID, text: "Nous avons payé hier.", id: replyID),
                        id: replyID, seen: false)
            ours.append(replyID)
            for index in 0..<unrelated {
                let id = "colleague-\(index)-\(UUID().uuidString)@else.example"
                try deliver(SampleInboundMail.unrelated(id: id), id: id, seen: index % 3 == 0)
            }
        }

        private mutating func deliver(_ text: String, id: String, seen: Bool) throws {
            // Maildir++: a folder is a dot-directory of the user's Maildir.
            let maildir = URL(fileURLWithPath: stack.maildir).appendingPathComponent(PollWithoutTouchingTests.user)
                .appendingPathComponent("." + PollWithoutTouchingTests.folder)
            let name = "\(Int(Date().timeIntervalSince1970)).R\(UUID().uuidString.prefix(12)).relance-test"
            let file = seen ? maildir.appendingPathComponent("cur/\(name):2,S") : maildir.appendingPathComponent("new/\(name)")
            try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: file)
            try FileManager.default.setAttributes([.ownerAccountName: "vmail", .groupOwnerAccountName: "vmail"], ofItemAtPath: file.path)
            written[id] = seen
        }

        /// Message-ID → read, for every message in the polled and the handled folder, as Dovecot itself
        /// reports them (no IMAP session of ours involved).
        func flags() throws -> [String: Bool] {
            var result: [String: Bool] = [:]
            for folder in [PollWithoutTouchingTests.folder, PollWithoutTouchingTests.handled] {
                let output = try Self.doveadm(["-f", "tab", "fetch", "-u", stack.address(PollWithoutTouchingTests.user),
                                               "flags hdr.message-id", "mailbox", folder, "all"])
                for line in output.split(separator: "\n").dropFirst() {
                    let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
                    guard columns.count >= 2 else { continue }
                    let id = columns[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
                    #expect(result[id] == nil, "\(id) is in the mailbox twice")
                    result[id] = columns[0].contains("\\Seen")
                }
            }
            return result
        }

        /// Every message still there, each exactly as read or unread as it was written.
        func expectUntouched(_ moment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let now = try flags()
            #expect(now.count == written.count, "\(moment): \(now.count) messages, \(written.count) written", sourceLocation: sourceLocation)
            let changed = written.filter { now[$0.key] != $0.value }.map(\.key).sorted()
            #expect(changed.isEmpty, "\(moment): flags changed on \(changed)", sourceLocation: sourceLocation)
        }

        func receivedEvents() async throws -> Int {
            var logger = Logger(label: "poll-peek-test")
            logger.logLevel = .critical
            let runtime = try RelanceRuntime(configuration: try ConfigurationLoader.load(from: workspace.url("relance.toml")),
                                             clock: ManualWallClock("2026-11-30T10:00:00+01:00"), logger: logger,
                                             secrets: SecretStore(environment: process.environment))
            return try await runtime.store.recentEvents(of: nil, limit: 10_000).filter { $0.event.kind == "mail.received" }.count
        }

        static func header(_ name: String, in text: String) -> String? {
            // CR LF is one Character in Swift: split on every kind of line end.
            text.split(whereSeparator: \.isNewline).first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
                .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespacesAndNewlines) }
        }

        @discardableResult
        static func doveadm(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/doveadm")
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
    }

    @Test func aFirstPollOfHundredsOfUnreadMessagesLeavesEveryOneAsItWasInAFewCommands() async throws {
        let stack = try MailStack.require()
        var fixture = try Fixture(stack: stack)
        let reminders = try fixture.sendReminders()
        try fixture.fill(unrelated: 400, reminders: reminders)
        try fixture.expectUntouched("before the poll")

        let run = try fixture.process.run(["run", "--once", "--log-level", "trace"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("Boîte aux lettres : 405 nouveaux messages, 5 pour nous"), "\(run.output)")
        try fixture.expectUntouched("after the poll")
        #expect(try await fixture.receivedEvents() == 5)
        // Read-only, peeked, batched: no STORE at all, no BODY[] without PEEK, 405 messages in two FETCHes.
        // (The trace shows our commands and libcurl's for STATUS, LOGIN and MOVE, never a body.)
        let commands = run.output.split(separator: "\n").filter { $0.contains("line=C: ") }
        #expect(!commands.contains { $0.uppercased().contains(" STORE ") })
        #expect(!commands.contains { $0.contains("BODY[]") })
        #expect(commands.filter { $0.contains("BODY.PEEK[]") }.count == 2)
        #expect(commands.contains { $0.contains("EXAMINE \"\(Self.folder)\"") })
        // The only read-write selection is the one that moves our own handled auto-replies.
        // (The first MOVE finds no handled folder, creates it and moves again.)
        let moved = Set(commands.compactMap { $0.firstMatch(of: #/UID MOVE (\d+) /#).map { String($0.1) } })
        #expect(moved.count == 4)
    }

    @Test(arguments: [
        "poll-after-list", "poll-mid-fetch:1", "poll-mid-fetch:9", "poll-after-fetch", "poll-after-record:1",
        "poll-after-record:3", "poll-after-move:2", "poll-before-mark",
    ])
    func aPollKilledAtAnyStepLeavesUnreadMailUnread(point: String) async throws {
        let stack = try MailStack.require()
        var fixture = try Fixture(stack: stack)
        let reminders = try fixture.sendReminders()
        try fixture.fill(unrelated: 12, reminders: reminders)

        let crashed = try fixture.process.run(["run", "--once"], extra: [CrashPoints.variable: point])
        #expect(crashed.status == CrashPoints.exitStatus, "\(crashed.output)")
        try fixture.expectUntouched("killed at \(point)")

        let restarted = try fixture.process.run(["run", "--once"])
        #expect(restarted.status == 0, "\(restarted.output)")
        try fixture.expectUntouched("after the restart")
        // Each answer to a reminder recorded once, whether before the kill or after the restart.
        #expect(try await fixture.receivedEvents() == fixture.ours.count)
    }
}

import Foundation
public import Logging
public import RelanceCore
public import RelanceMail

/// Builds and sends a creditor's daily digest to its people, once a day from the configured hour.
///
/// Idempotence is by the journal: a `digest.sent` event for the day means it went out. A crash
/// between the server's answer and that event may send a second copy of an internal email;
/// it never touches customers.
public struct DigestSender: Sendable {
    public let creditor: CreditorConfiguration
    public let settings: DigestSettings
    public typealias Store = ReceivablesStore & EventJournal & TaskStore & TaskOutcomeStore & CustomerStateStore
    public let store: any Store
    public let transport: any MailTransport
    public let clock: any WallClock
    public let logger: Logger
    /// Signs the digest's Message-ID, so that a reply to it may record outcomes; nil: it cannot.
    public let secret: ReferenceSecret?

    public init(creditor: CreditorConfiguration, settings: DigestSettings, store: any Store,
                transport: any MailTransport, clock: any WallClock, logger: Logger, secret: ReferenceSecret? = nil) {
        self.creditor = creditor
        self.settings = settings
        self.store = store
        self.transport = transport
        self.clock = clock
        self.logger = logger
        self.secret = secret
    }

    var timeZone: TimeZone { TimeZone(identifier: creditor.timeZone) ?? .current }

    public func content(on day: CivilDate) async throws -> DigestContent {
        let previous = try await lastDigest()
        let since = previous ?? clock.now().addingTimeInterval(-86_400)
        let tasks = try await store.tasks(of: creditor.id, state: .open)
        var content = DigestContent.build(
            creditorName: creditor.legalName, day: day,
            tasks: tasks,
            sent: try await store.events(of: creditor.id, kinds: ["message.sent"], since: since),
            settled: try await store.events(of: creditor.id, kinds: ["invoice.settled"], since: since),
            aging: AgedBalance(receivables: try await store.openReceivables(of: creditor.id), asOf: day),
            escalateAfterDays: settings.escalateAfterDays, timeZone: timeZone)
        let refused = try await store.events(of: creditor.id, kinds: ["task.outcome-refused"], since: previous ?? .distantPast)
        content.taskFacts = TaskDigestFacts.build(
            openTasks: tasks, holds: try await store.liveHolds(of: creditor.id), today: day,
            acknowledged: try await store.unacknowledgedEmailOutcomes(of: creditor.id), refused: refused.map(\.event.summary))
        content.acknowledgements = content.taskFacts.acknowledged.map {
            DigestContent.Line(title: TaskWords.acknowledgement(taskID: $0.taskID, outcome: $0.outcome, by: $0.recordedBy, settings.language))
        } + content.taskFacts.refused.map { DigestContent.Line(title: $0) }
        content.promisesDue = content.taskFacts.promisesDueToday.map { DigestContent.Line(title: $0.reason) }
        return content
    }

    /// Sends today's digest when its hour has come and it has not gone out yet.
    public func sendIfDue() async throws -> Bool {
        let now = clock.now()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard calendar.component(.hour, from: now) >= settings.hour else { return false }
        let today = CivilDate(now, in: timeZone)
        if let last = try await lastDigest(), CivilDate(last, in: timeZone) == today { return false }
        return try await send(on: today)
    }

    /// Sends the digest for `day` now; returns false when there was nothing to say and the
    /// configuration asks for no empty digest.
    @discardableResult
    public func send(on day: CivilDate) async throws -> Bool {
        let content = try await content(on: day)
        guard content.hasWork || settings.sendWhenEmpty else {
            try await store.record(NewEvent(time: clock.now(), kind: "digest.sent", creditor: creditor.id,
                                            summary: "No digest on \(day): nothing to do.", detail: ["empty": "true"]))
            return false
        }
        let bytes = try compose(content, day: day, attachments: try await documentAttachments(since: try await lastDigest()))
        let message = OutboxMessage(id: 0, creditor: creditor.id, customerID: 0, step: "digest-\(day)",
                                    messageID: "", envelopeFrom: creditor.bounceAddress, recipients: settings.recipients,
                                    bytes: bytes, attempts: 1, queuedAt: clock.now())
        switch await transport.deliver(message) {
        case .delivered(let reply), .deliveredTo(let reply, _):
            try await store.record(NewEvent(time: clock.now(), kind: "digest.sent", creditor: creditor.id,
                                            summary: "Digest of \(day) sent to \(settings.recipients.map(\.value).joined(separator: ", ")): \(reply)"))
            try await store.markOutcomesAcknowledged(content.taskFacts.acknowledged.map(\.id), at: clock.now())
            return true
        case .temporaryFailure(let reason), .permanentFailure(let reason), .senderProblem(let reason),
             .recipientsRefused(let reason, _):
            logger.error("digest not sent", metadata: ["creditor": "\(creditor.id)", "reason": "\(reason)"])
            throw DigestError(creditor: creditor.id, reason: reason)
        }
    }

    /// The documents of the letter, formal-notice, legal-action and hand-off tasks opened since
    /// the last digest (all open ones for the first digest), so the pages to print arrive with
    /// the list. A document missing from disk (moved, cleaned up) is skipped: the task still
    /// names its path. Capped well under the usual 10–25 MB message limits.
    func documentAttachments(since previous: Date?) async throws -> [MailAttachment] {
        let limit = 8 * 1024 * 1024
        var attachments: [MailAttachment] = []
        var total = 0
        let tasks = try await store.tasks(of: creditor.id, state: .open)
            .filter { task in task.documentPath != nil && previous.map { task.createdAt > $0 } ?? true }
        for task in tasks {
            for (name, file) in Self.documentFiles(at: URL(fileURLWithPath: task.documentPath!)) {
                guard let data = FileManager.default.contents(atPath: file.path), total + data.count <= limit else { continue }
                total += data.count
                let type = file.pathExtension == "csv" ? "text/csv" : "text/html"
                attachments.append(MailAttachment(fileName: "\(task.id)-\(name)", mediaType: type, bytes: Array(data)))
            }
        }
        return attachments
    }

    /// A letter is one file; a dossier is a folder whose files are sent under `<folder>-<file>`.
    static func documentFiles(at url: URL) -> [(name: String, url: URL)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [(url.lastPathComponent, url)] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { ("\(url.lastPathComponent)-\($0)", url.appendingPathComponent($0)) }
    }

    /// The digest's Message-ID, without angle brackets: signed, so that a reply quoting it may
    /// record outcomes (`DigestReplyMatcher`).
    public func messageID(on day: CivilDate) -> String {
        let token = secret.map { DigestToken.make(day: day, creditor: creditor.id, secret: $0) } ?? "\(creditor.id.rawValue).\(day.iso8601)"
        return "relance.digest.\(token)@\(creditor.senderAddress.domain)"
    }

    func compose(_ content: DigestContent, day: CivilDate, attachments: [MailAttachment] = []) throws -> [UInt8] {
        let language = settings.language
        let token = secret.map { DigestToken.make(day: day, creditor: creditor.id, secret: $0) } ?? "\(creditor.id.rawValue).\(day.iso8601)"
        let messageID = try MessageID(token: "digest.\(token)", domain: creditor.senderAddress.domain)
        let message = OutgoingMessage(
            from: MailboxAddress(name: "Relance", address: creditor.senderAddress),
            to: settings.recipients.map { MailboxAddress(address: $0) },
            subject: DigestRenderer.subject(content, language: language),
            textBody: DigestRenderer.text(content, language: language),
            htmlBody: DigestRenderer.html(content, language: language), attachments: attachments,
            date: MessageDate(clock.now(), timeZone: timeZone), messageID: messageID, language: language)
        return try MessageComposer().compose(message)
    }

    private func lastDigest() async throws -> Date? {
        try await store.events(of: creditor.id, kinds: ["digest.sent"], since: .distantPast).last?.event.time
    }
}

public struct DigestError: Error, CustomStringConvertible {
    public var creditor: CreditorID
    public var reason: String
    public var description: String { "the digest of \(creditor) could not be sent: \(reason)" }
}

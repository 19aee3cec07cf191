public import Foundation
public import Logging
public import RelanceCore
public import RelanceMail

/// Builds and sends a creditor's daily digest to its people, once a day from the configured hour.
///
/// Idempotence is by the journal: a `digest.sent` event for the day means it went out. A crash
/// between the server's answer and that event may send a second copy of an internal email;
/// it never touches customers.
public struct DigestSender: Sendable {
    /// What the digest reads: tasks, receivables, the journal, holds and the creditor's state,
    /// the ledger's date, held imports.
    public typealias Store = ReceivablesStore & EventJournal & TaskStore & CustomerStateStore & PlanningFactsStore & ImportReviewStore & OutboxRecoveryStore & BankPaymentStore
        & TaskOutcomeStore & BankReceiptStore

    public let creditor: CreditorConfiguration
    public let settings: DigestSettings
    public let store: any Store
    public let transport: any MailTransport
    public let clock: any WallClock
    public let logger: Logger
    /// The creditor's drop folder: the digest says when it is missing (never its path).
    public let dropFolder: URL?
    /// Signs the digest's Message-ID, so that a reply to it may record outcomes; nil: it cannot.
    public let secret: ReferenceSecret?

    public init(creditor: CreditorConfiguration, settings: DigestSettings, store: any Store,
                transport: any MailTransport, clock: any WallClock, logger: Logger, dropFolder: URL? = nil,
                secret: ReferenceSecret? = nil) {
        self.secret = secret
        self.creditor = creditor
        self.settings = settings
        self.store = store
        self.transport = transport
        self.clock = clock
        self.logger = logger
        self.dropFolder = dropFolder
    }

    var timeZone: TimeZone { TimeZone(identifier: creditor.timeZone) ?? .current }
    var words: any Wording { settings.language.wording }

    /// The digest of `day`, in the digest's language, with its call sheet.
    public func content(on day: CivilDate, attachedDocuments: [Int64: [String]] = [:]) async throws -> (digest: DigestContext, calls: CallSheetContext) {
        let built = DigestContextBuilder.build(try await facts(on: day, attachedDocuments: attachedDocuments), words: words)
        var digest = built.digest
        if secret != nil { digest.addReplyHelp(words.replyHelp()) }
        digest.addUnmatchedReceipts(try await store.unmatchedReceipts(of: creditor.id), day: day, words: words)
        return (digest, built.calls)
    }

    /// The task model's facts (#13): letters to post, promises due, escalated tasks, and the
    /// outcomes emailed since the last digest (recorded, or refused with why).
    public func taskFacts(on day: CivilDate) async throws -> TaskDigestFacts {
        let refused = try await store.events(of: creditor.id, kinds: ["task.outcome-refused"], since: try await lastDigest()?.event.time ?? .distantPast)
        return TaskDigestFacts.build(openTasks: try await store.tasks(of: creditor.id, state: .open), holds: try await store.liveHolds(of: creditor.id),
                                     today: day, acknowledged: try await store.unacknowledgedEmailOutcomes(of: creditor.id),
                                     refused: refused.map(\.event.summary))
    }


    /// The digest's Message-ID, without angle brackets: signed, so that a reply quoting it may
    /// record outcomes (`DigestReplyMatcher`).
    public func messageID(on day: CivilDate) -> String {
        "relance.digest.\(digestToken(day))@\(creditor.senderAddress.domain)"
    }

    private func digestToken(_ day: CivilDate) -> String {
        secret.map { DigestToken.make(day: day, creditor: creditor.id, secret: $0) } ?? "\(creditor.id.rawValue).\(day.iso8601)"
    }

    /// Everything the store knows that the digest reports.
    public func facts(on day: CivilDate, attachedDocuments: [Int64: [String]] = [:]) async throws -> DigestFacts {
        let previous = try await lastDigest()
        let since = previous?.event.time ?? clock.now().addingTimeInterval(-86_400)
        let receivables = try await BankAwareReceivables.read(creditor.id, from: store)
        let holds = try await store.liveHolds(of: creditor.id)
        let stored = try await store.creditorState(creditor.id)
        let planning = try await store.planningFacts(of: creditor.id)
        let sentEntries = try await store.events(of: creditor.id, kinds: ["message.sent"],
                                                 since: clock.now().addingTimeInterval(-60 * 86_400))
        // The same standing pause the sender obeys: lifted by a sent message or by `outbox.resumed`.
        let paused = try await store.standingOutboxPause(of: creditor.id)?.reason
        let health = DigestHealth(
            lastSent: sentEntries.last.map { CivilDate($0.event.time, in: timeZone) },
            latestExport: planning.latestAuthoritativeSnapshot, maximumLedgerAgeDays: creditor.maximumLedgerAgeDays,
            outboxPausedReason: paused, heldImports: try await store.heldImports(of: creditor.id),
            dropFolderMissing: dropFolder.map { !FileManager.default.fileExists(atPath: $0.path) } ?? false,
            creditorPaused: stored.paused && (stored.pausedUntil.map { $0 >= day } ?? true), creditorPausedUntil: stored.pausedUntil,
            reviewMode: !(stored.active ?? creditor.active))
        return DigestFacts(
            creditorName: creditor.legalName, day: day, timeZone: timeZone,
            openTasks: try await store.tasks(of: creditor.id, state: .open), receivables: receivables,
            sent: sentEntries.filter { $0.event.time > since },
            settled: try await store.events(of: creditor.id, kinds: ["invoice.settled"], since: since),
            received: try await store.events(of: creditor.id, kinds: ["mail.received"], since: since),
            previous: previous.flatMap { entry in
                entry.event.detail["overdue"].map { PreviousDigest(day: CivilDate(entry.event.time, in: timeZone), overdue: PreviousDigest.decode($0)) }
            },
            escalateAfterDays: settings.escalateAfterDays,
            promisesDue: holds.filter { $0.kind == .promise && $0.until == day }.map { PromiseDue(customerID: $0.customerID, promisedOn: day) },
            health: health, attachedDocuments: attachedDocuments, outcomes: try await taskFacts(on: day))
    }

    /// Sends today's digest when its hour has come and it has not gone out yet.
    public func sendIfDue() async throws -> Bool {
        let now = clock.now()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard calendar.component(.hour, from: now) >= settings.hour else { return false }
        let today = CivilDate(now, in: timeZone)
        if let last = try await lastDigest(), CivilDate(last.event.time, in: timeZone) == today { return false }
        return try await send(on: today)
    }

    /// Sends the digest for `day` now; returns false when there was nothing to say and the
    /// configuration asks for no empty digest.
    @discardableResult
    public func send(on day: CivilDate) async throws -> Bool {
        let documents = try await documentAttachments(since: try await lastDigest()?.event.time)
        let facts = try await facts(on: day, attachedDocuments: documents.names)
        let built = DigestContextBuilder.build(facts, words: words)
        var digest = built.digest
        let calls = built.calls
        let outcomes = facts.outcomes
        if secret != nil { digest.addReplyHelp(words.replyHelp()) }
        digest.addUnmatchedReceipts(try await store.unmatchedReceipts(of: creditor.id), day: day, words: words)
        let overdue = PreviousDigest.encode(DigestContextBuilder.overdueTotals(facts.receivables, on: day))
        guard digest.needsAttention || settings.sendWhenEmpty else {
            try await store.record(NewEvent(time: clock.now(), kind: "digest.sent", creditor: creditor.id,
                                            summary: words.digestNotNeeded(day: day), detail: ["empty": "true", "overdue": overdue]))
            return false
        }
        var attachments = documents.files
        if !calls.calls.isEmpty {
            attachments.insert(MailAttachment(fileName: words.callSheetFileName(day: day), mediaType: "text/html",
                                              bytes: Array(DigestRenderer.callSheet(calls).utf8)), at: 0)
        }
        let bytes = try compose(digest, day: day, attachments: attachments)
        let message = OutboxMessage(id: 0, creditor: creditor.id, customerID: 0, step: "digest-\(day)",
                                    messageID: "", envelopeFrom: creditor.bounceAddress, recipients: settings.recipients,
                                    bytes: bytes, attempts: 1, queuedAt: clock.now())
        switch await transport.deliver(message) {
        case .delivered(let reply), .deliveredTo(let reply, _):
            try await store.record(NewEvent(time: clock.now(), kind: "digest.sent", creditor: creditor.id,
                                            summary: words.digestSent(day: day, to: settings.recipients.map(\.value), serverReply: reply),
                                            detail: ["overdue": overdue]))
            try await store.markOutcomesAcknowledged(outcomes.acknowledged.map(\.id), at: clock.now())
            return true
        case .temporaryFailure(let reason), .permanentFailure(let reason), .senderProblem(let reason),
             .recipientsRefused(let reason, _):
            // The log and the error are the operator's, in English like the rest of the log.
            let why = EnglishWording().sendFailure(reason)
            logger.error("digest not sent", metadata: ["creditor": "\(creditor.id)", "reason": "\(why)"])
            throw DigestError(creditor: creditor.id, reason: why)
        case .claimLapsed:
            // A digest is not an outbox message: it has no claim, so no hand-over deadline.
            throw DigestError(creditor: creditor.id, reason: "the digest was not handed over in time")
        }
    }

    /// The documents of the letter, formal-notice, legal-action and hand-off tasks opened since
    /// the last digest (all open ones for the first digest), so the pages to print arrive with
    /// the list. A document missing from disk (moved, cleaned up) is skipped: the task still
    /// names its path. Capped well under the usual 10–25 MB message limits, and to the letters the
    /// digest lists (`DigestContextBuilder.listedLetterTasks`).
    func documentAttachments(since previous: Date?) async throws -> (files: [MailAttachment], names: [Int64: [String]]) {
        let limit = 8 * 1024 * 1024
        var attachments: [MailAttachment] = []
        var names: [Int64: [String]] = [:]
        var total = 0
        let openTasks = try await store.tasks(of: creditor.id, state: .open)
        // A cut letter list attaches only the letters it shows; the others are in the console.
        let listed = DigestContextBuilder.listedLetterTasks(openTasks)
        let tasks = openTasks.filter { task in
            task.documentPath != nil && (previous.map { task.createdAt > $0 } ?? true) && (listed.contains(task.id) || !DigestContextBuilder.isLetterList(task.kind))
        }
        for task in tasks {
            for (name, file) in Self.documentFiles(at: URL(fileURLWithPath: task.documentPath!)) {
                guard let data = FileManager.default.contents(atPath: file.path), total + data.count <= limit else { continue }
                total += data.count
                let type = file.pathExtension == "csv" ? "text/csv" : "text/html"
                let attached = "\(task.id)-\(name)"
                attachments.append(MailAttachment(fileName: attached, mediaType: type, bytes: Array(data)))
                names[task.id, default: []].append(attached)
            }
        }
        return (attachments, names)
    }

    /// A letter is one file; a dossier is a folder whose files are sent under `<folder>-<file>`.
    static func documentFiles(at url: URL) -> [(name: String, url: URL)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [(url.lastPathComponent, url)] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { ("\(url.lastPathComponent)-\($0)", url.appendingPathComponent($0)) }
    }

    func compose(_ digest: DigestContext, day: CivilDate, attachments: [MailAttachment] = []) throws -> [UInt8] {
        let language = settings.language
        let messageID = try MessageID(token: "digest.\(digestToken(day))", domain: creditor.senderAddress.domain)
        let message = OutgoingMessage(
            from: MailboxAddress(name: "Relance", address: creditor.senderAddress),
            to: settings.recipients.map { MailboxAddress(address: $0) },
            subject: DigestRenderer.subject(digest),
            textBody: DigestRenderer.text(digest),
            htmlBody: DigestRenderer.html(digest), attachments: attachments,
            date: MessageDate(clock.now(), timeZone: timeZone), messageID: messageID, language: language)
        return try MessageComposer().compose(message)
    }

    private func lastDigest() async throws -> JournalEntry? {
        try await store.events(of: creditor.id, kinds: ["digest.sent"], since: .distantPast).last
    }
}
public struct DigestError: Error, CustomStringConvertible {
    public var creditor: CreditorID
    public var reason: String
    public var description: String { "the digest of \(creditor) could not be sent: \(reason)" }
}

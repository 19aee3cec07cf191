public import Foundation
public import Logging
public import RelanceCore
import Synchronization

/// Sends what the outbox holds and records every outcome.
///
/// Order of writes is what makes "exactly once" hold: the store marks a message `sending`
/// before the first byte leaves, and `sent` after the server's final answer. A crash in
/// between leaves it `sending`, which the next start settles from server-side evidence
/// (see `InterruptedSendRecovery`) instead of resending blindly.
///
/// `workers` messages may be in flight at once (parallel SMTP connections); the store's
/// claim is atomic, so two workers never take the same message.
///
/// Each worker claims `claimBatch` messages in one write and sends them in turn; while a batch is
/// on the wire, one write records the deliveries of the batch before it and claims the next one
/// (`OutboxBatchStore`). A crash then leaves up to three batches per worker `sending` (the one
/// sent but not yet recorded, the one on the wire, the one claimed next), each message settled
/// from the evidence by its own Message-ID; without an evidence source each would be held for a
/// person, so the runtime claims one at a time then.
public struct OutboxDrainer: Sendable {
    public let store: any OutboxStore & OutboxRecoveryStore & OutboxBatchStore & CustomerStateStore & TaskStore
    public let transport: @Sendable (CreditorID) -> any MailTransport
    public let clock: any WallClock
    public let schedule: RetrySchedule
    /// Creditors whose retries follow their own schedule (`retry_for_hours`); others use `schedule`.
    public let schedules: [CreditorID: RetrySchedule]
    public let workers: Int
    /// Messages a worker claims in one write (see the type's comment); 1 claims one at a time.
    public let claimBatch: Int
    /// Creditors whose sent messages are copied to their Sent folder.
    public let copyToSent: Set<CreditorID>
    public let crashPoints: CrashPoints
    public let logger: Logger
    /// The creditors this drainer serves (their pause state is read before each round).
    public let creditors: [CreditorID]
    /// When each creditor's mail may leave: business days, within its hours, in its time zone.
    /// A creditor without an entry sends at any time.
    public let sendWindows: [CreditorID: CreditorSendWindow]
    /// On a shared book, how long a claim lasts before another daemon may take the message over,
    /// and how long before that its content must have been handed over (`ClaimWindow`); nil: claims
    /// never lapse (one daemon per book).
    public let claimWindow: ClaimWindow?
    /// Each creditor's language: a failure journaled, and the task it opens, are worded in it
    /// (#13). A creditor without an entry reads English, as the store does for one without a language.
    public let languages: [CreditorID: Language]

    public init(store: any OutboxStore & OutboxRecoveryStore & OutboxBatchStore & CustomerStateStore & TaskStore,
                transport: @escaping @Sendable (CreditorID) -> any MailTransport,
                clock: any WallClock, schedule: RetrySchedule = RetrySchedule(), workers: Int = 1, claimBatch: Int = 1,
                copyToSent: Set<CreditorID> = [], crashPoints: CrashPoints = .disabled, logger: Logger,
                creditors: [CreditorID] = [], sendWindows: [CreditorID: CreditorSendWindow] = [:],
                schedules: [CreditorID: RetrySchedule] = [:], claimWindow: ClaimWindow? = nil,
                languages: [CreditorID: Language] = [:]) {
        self.store = store
        self.transport = transport
        self.clock = clock
        self.schedule = schedule
        self.workers = max(1, workers)
        self.claimBatch = max(1, claimBatch)
        self.copyToSent = copyToSent
        self.crashPoints = crashPoints
        self.logger = logger
        self.creditors = creditors
        self.sendWindows = sendWindows
        self.schedules = schedules
        self.claimWindow = claimWindow
        self.languages = languages
    }

    /// The words of the creditor's people; the log stays the operator's, in English.
    private func words(of creditor: CreditorID) -> any Wording {
        (languages[creditor] ?? .english).wording
    }

    private static let logWords = EnglishWording()

    public struct Report: Sendable, Hashable {
        public var sent = 0
        public var retrying = 0
        public var failed = 0
        /// Creditors whose outbox stopped this round because of a problem on our side.
        public var paused: Set<CreditorID> = []
        /// Creditors outside their send window now: their messages wait for the next opening.
        public var outsideWindow: [CreditorID: Date] = [:]

        /// Adds another worker's or round's outcomes (the send windows are each round's own).
        public mutating func add(_ other: Report) {
            sent += other.sent
            retrying += other.retrying
            failed += other.failed
            paused.formUnion(other.paused)
        }
    }

    /// Drains every message due now. `shouldStop` is asked between messages (graceful shutdown):
    /// a message in progress always finishes and is recorded. The `skipping` creditors' messages
    /// wait (an outbox a previous round paused).
    public func drain(skipping: Set<CreditorID> = [], shouldStop: @escaping @Sendable () -> Bool = { false }) async throws -> Report {
        let shared = SharedReport()
        // Paused for a fault on our side (a round before this one, or the evidence check):
        // messages wait until the configuration is loaded again or a person resumes.
        var faultPaused = skipping
        for creditor in creditors {
            if try await store.standingOutboxPause(of: creditor) != nil { faultPaused.insert(creditor) }
        }
        shared.total.withLock { $0.paused = faultPaused }
        // Paused by a person: their messages wait in the outbox, untouched.
        // Outside its send window (a weekend, a holiday, the evening), a creditor's mail waits.
        let now = clock.now()
        let closed = sendWindows.filter { !$0.value.isOpen(at: now) }.mapValues { $0.nextOpening(after: now) }
        let personPaused = try await pausedCreditors().union(closed.keys)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<workers {
                group.addTask { try await work(shared: shared, alsoSkipping: personPaused, shouldStop: shouldStop) }
            }
            try await group.waitForAll()
        }
        var report = shared.total.withLock { $0 }
        report.outsideWindow = closed
        return report
    }

    /// The workers' running totals; the paused set is read by every claim.
    private final class SharedReport: Sendable {
        let total = Mutex(Report())
    }

    private func work(shared: SharedReport, alsoSkipping personPaused: Set<CreditorID>,
                      shouldStop: @escaping @Sendable () -> Bool) async throws {
        let skipped = { @Sendable in shared.total.withLock { $0.paused }.union(personPaused) }
        var batch = shouldStop() ? [] : try await claimWindow.stamp {
            try await store.claimMessages(now: clock.now(), skipping: skipped(), limit: claimBatch)
        }
        var previous = BatchResult()
        while !batch.isEmpty {
            if claimBatch == 1 {
                // One at a time (no evidence source): one message `sending` at any moment.
                let sent = try await send(batch, shared: shared, skipped: skipped, shouldStop: shouldStop)
                batch = try await settle(sent, claimingNext: shouldStop() || sent.onlyLapsed ? 0 : 1, skipping: skipped(), shared: shared)
                continue
            }
            // The previous batch is recorded, and the next one claimed, in one write that runs while
            // this batch is on the wire: the sender never waits for the store between batches.
            let settling = previous
            let next = Task {
                try await settle(settling, claimingNext: shouldStop() || settling.onlyLapsed ? 0 : claimBatch, skipping: skipped(), shared: shared)
            }
            do {
                previous = try await send(batch, shared: shared, skipped: skipped, shouldStop: shouldStop)
            } catch {
                // Whatever this batch recorded, the previous one must be recorded too.
                _ = try? await next.value
                throw error
            }
            batch = try await next.value
        }
        _ = try await settle(previous, claimingNext: 0, skipping: [], shared: shared)
    }

    /// What sending a batch left to record: its deliveries, and the messages put back untried.
    private struct BatchResult {
        var delivered: [(message: OutboxMessage, record: DeliveryRecord)] = []
        var unclaimed: [Int64] = []
        /// How many were put back because their claim lapsed (see `putBackLapsed`).
        var lapsed = 0

        /// Every message of the batch went back for a lapsed claim: the round ends there rather
        /// than claim again at once (a machine too slow for its claims would otherwise spin).
        var onlyLapsed: Bool { lapsed > 0 && delivered.isEmpty && lapsed == unclaimed.count }
    }

    private func send(_ batch: [OutboxMessage], shared: SharedReport, skipped: @escaping @Sendable () -> Set<CreditorID>,
                      shouldStop: @escaping @Sendable () -> Bool) async throws -> BatchResult {
        var result = BatchResult()
        var index = batch.startIndex
        while index < batch.endIndex {
            let message = batch[index]
            // A claim that may lapse before the message could be handed over, a creditor paused by a
            // message before this one, or the worker stopping: it goes back to the outbox untouched.
            if message.claimHasLapsed {
                putBackLapsed(message, into: &result)
                index += 1
                continue
            }
            if shouldStop() || skipped().contains(message.creditor) {
                result.unclaimed.append(message.id)
                index += 1
                continue
            }
            let transport = transport(message.creditor)
            guard let batching = transport as? any BatchMailTransport else {
                crashPoints.reach(.afterClaim)
                let outcome = await transport.deliver(message)
                if let record = deliveryToBatch(outcome, of: message, at: clock.now()) {
                    crashPoints.reach(.beforeMarkSent)
                    result.delivered.append((message, record))
                } else if outcome == .claimLapsed {
                    putBackLapsed(message, into: &result)
                } else {
                    try await recordAtOnce(outcome, of: message, shared: shared)
                }
                index += 1
                continue
            }
            // The creditor's next messages go to its transport in one hand-over; the same checks as
            // above run before each of them, on the transport's thread.
            let run = Array(batch[index...].prefix { $0.creditor == message.creditor })
            let accepted = Mutex<[Int64: Date]>([:])
            let outcomes = await batching.deliver(run, mayStart: { [crashPoints] next in
                if shouldStop() || skipped().contains(next.creditor) || next.claimHasLapsed { return false }
                crashPoints.reach(.afterClaim)
                return true
            }, proceed: { [crashPoints, clock] next, outcome in
                guard Self.isRecordedWithItsBatch(outcome) else { return false }
                accepted.withLock { $0[next.id] = clock.now() }
                crashPoints.reach(.beforeMarkSent)
                return true
            })
            let times = accepted.withLock { $0 }
            for (sent, outcome) in zip(run, outcomes) {
                if let record = deliveryToBatch(outcome, of: sent, at: times[sent.id] ?? clock.now()) {
                    result.delivered.append((sent, record))
                } else if outcome == .claimLapsed {
                    putBackLapsed(sent, into: &result)
                } else {
                    try await recordAtOnce(outcome, of: sent, shared: shared)
                }
            }
            if outcomes.isEmpty {
                // Stopped, paused or past its hand-over between the check above and the transport's own.
                if message.claimHasLapsed {
                    putBackLapsed(message, into: &result)
                } else {
                    result.unclaimed.append(message.id)
                }
                index += 1
            }
            index += outcomes.count
        }
        return result
    }

    /// A message whose claim lapsed before it could be handed over (nothing delivered): back to the
    /// outbox if the claim is still ours; else the daemon that took it over settles it.
    private func putBackLapsed(_ message: OutboxMessage, into result: inout BatchResult) {
        result.unclaimed.append(message.id)
        result.lapsed += 1
        logger.warning("message not sent: this daemon's claim on it lapsed first (paused, or too slow); it goes back to the outbox",
                       metadata: metadata(of: message))
    }

    /// An outcome other than a plain delivery: recorded on its own, and at once.
    private func recordAtOnce(_ outcome: DeliveryOutcome, of message: OutboxMessage, shared: SharedReport) async throws {
        var report = Report()
        try await record(outcome, of: message, into: &report)
        // The next claim, and the rest of this batch, must see a pause at once.
        shared.total.withLock { $0.add(report) }
    }

    /// Records a batch's deliveries and puts back its untried messages, claiming the next batch
    /// in the same write.
    private func settle(_ result: BatchResult, claimingNext limit: Int, skipping: Set<CreditorID>,
                        shared: SharedReport) async throws -> [OutboxMessage] {
        if result.delivered.isEmpty && result.unclaimed.isEmpty && limit == 0 { return [] }
        let next = try await claimWindow.stamp {
            try await store.settleBatch(delivered: result.delivered.map(\.record), unclaimed: result.unclaimed, at: clock.now(),
                                        claimingNext: limit, skipping: skipping)
        }
        for (message, record) in result.delivered { logDelivery(record, of: message) }
        shared.total.withLock { $0.sent += result.delivered.count }
        return next
    }

    /// A delivery recorded with the rest of its batch; nil for every other outcome, recorded at
    /// once (a refusal by policy among them: it pauses the creditor before its next message).
    private func deliveryToBatch(_ outcome: DeliveryOutcome, of message: OutboxMessage, at time: Date) -> DeliveryRecord? {
        guard Self.isRecordedWithItsBatch(outcome) else { return nil }
        let copy = copyToSent.contains(message.creditor)
        switch outcome {
        case .delivered(let reply):
            return DeliveryRecord(id: message.id, at: time, serverReply: reply, recipients: [], copyToSent: copy)
        case .deliveredTo(let reply, let recipients):
            return DeliveryRecord(id: message.id, at: time, serverReply: reply, recipients: recipients, copyToSent: copy)
        default:
            return nil
        }
    }

    /// A delivery without a refusal by policy: nothing to do before the next message.
    static func isRecordedWithItsBatch(_ outcome: DeliveryOutcome) -> Bool {
        switch outcome {
        case .delivered: true
        case .deliveredTo(_, let recipients): !recipients.contains { $0.verdict == .ourProblem }
        default: false
        }
    }

    private func logDelivery(_ record: DeliveryRecord, of message: OutboxMessage) {
        let refused = record.recipients.filter { $0.verdict != .accepted }
        // The metadata is built only for a line that will be written: this runs for every message sent.
        guard logger.logLevel <= (refused.isEmpty ? .info : .warning) else { return }
        var metadata = metadata(of: message)
        metadata["reply"] = "\(record.serverReply)"
        if refused.isEmpty {
            logger.info("message sent", metadata: metadata)
        } else {
            metadata["refused"] = "\(refused.map { "\($0.address): \($0.reply)" })"
            logger.warning("message sent, but some recipients were refused", metadata: metadata)
        }
    }

    private func metadata(of message: OutboxMessage) -> Logger.Metadata {
        ["creditor": "\(message.creditor)", "message": "\(message.id)", "step": "\(message.step)",
         "attempt": "\(message.attempts)", "message_id": "\(message.messageID)"]
    }

    /// Every outcome but a plain delivery, recorded on its own and at once.
    private func record(_ outcome: DeliveryOutcome, of message: OutboxMessage, into report: inout Report) async throws {
        var metadata = metadata(of: message)
        switch outcome {
        case .delivered(let reply):
            try await markSent(message, reply: reply, recipients: [], report: &report)
            metadata["reply"] = "\(reply)"
            logger.info("message sent", metadata: metadata)
        case .deliveredTo(let reply, let recipients):
            let refused = recipients.filter { $0.verdict != .accepted }
            try await markSent(message, reply: reply, recipients: recipients, report: &report)
            metadata["reply"] = "\(reply)"
            if refused.isEmpty {
                logger.info("message sent", metadata: metadata)
            } else {
                metadata["refused"] = "\(refused.map { "\($0.address): \($0.reply)" })"
                logger.warning("message sent, but some recipients were refused", metadata: metadata)
            }
            if let policy = refused.first(where: { $0.verdict == .ourProblem }) {
                let reason: SendFailure = policy.isArchive ? .archiveRefused(address: policy.address, reply: policy.reply)
                    : .addressRefused(address: policy.address, reply: policy.reply)
                try await pause(message.creditor, reason: reason, report: &report)
            }
        case .temporaryFailure(let reason):
            try await retryOrFail(message, reason: reason, report: &report)
            metadata["reason"] = "\(Self.logWords.sendFailure(reason))"
            logger.warning("message not sent, will retry", metadata: metadata)
        case .permanentFailure(let reason):
            try await store.markFailed(message.id, at: clock.now(), reason: words(of: message.creditor).sendFailure(reason))
            report.failed += 1
            metadata["reason"] = "\(Self.logWords.sendFailure(reason))"
            logger.error("message refused for good", metadata: metadata)
        case .recipientsRefused(let reason, let recipients):
            try await store.markFailed(message.id, at: clock.now(), reason: words(of: message.creditor).sendFailure(reason))
            try await store.recordRecipientReplies(message.id, recipients, at: clock.now())
            report.failed += 1
            metadata["reason"] = "\(Self.logWords.sendFailure(reason))"
            logger.error("every recipient refused the message", metadata: metadata)
        case .senderProblem(let reason):
            try await retryOrFail(message, reason: reason, report: &report)
            try await pause(message.creditor, reason: reason, report: &report)
            metadata["reason"] = "\(Self.logWords.sendFailure(reason))"
            logger.critical("outbox paused: the problem is on our side, fix the configuration", metadata: metadata)
        case .claimLapsed:
            // Put back with its batch by `send` (`putBackLapsed`), never recorded on its own.
            break
        }
    }

    private func markSent(_ message: OutboxMessage, reply: String, recipients: [RecipientReply], report: inout Report) async throws {
        crashPoints.reach(.beforeMarkSent)
        try await store.markDelivered(message.id, at: clock.now(), serverReply: reply, recipients: recipients,
                                      copyToSent: copyToSent.contains(message.creditor))
        report.sent += 1
    }

    /// Stops the creditor's outbox for this round and raises one alert, not one per message.
    private func pause(_ creditor: CreditorID, reason: SendFailure, report: inout Report) async throws {
        report.paused.insert(creditor)
        try await store.recordOutboxPaused(creditor, reason: words(of: creditor).sendFailure(reason), at: clock.now())
    }

    /// Creditors a person paused: their messages wait in the outbox, untouched.
    private func pausedCreditors() async throws -> Set<CreditorID> {
        var paused = Set<CreditorID>()
        for creditor in creditors {
            let state = try await store.creditorState(creditor)
            if state.paused && (state.pausedUntil.map { $0 >= CivilDate(clock.now(), in: TimeZone(identifier: "UTC")!) } ?? true) {
                paused.insert(creditor)
            }
        }
        return paused
    }

    private func retryOrFail(_ message: OutboxMessage, reason: SendFailure, report: inout Report) async throws {
        let now = clock.now()
        let words = words(of: message.creditor)
        if let next = (schedules[message.creditor] ?? schedule).nextAttempt(after: message.attempts, firstAttempt: message.queuedAt, now: now,
                                           jitter: Double.random(in: 0..<1)) {
            try await store.markForRetry(message.id, at: now, retryAt: next, reason: words.sendFailure(reason))
            report.retrying += 1
        } else {
            let why = SendFailure.gaveUp(attempts: message.attempts, last: reason)
            try await store.markFailed(message.id, at: now, reason: words.sendFailure(why))
            // Too old to retry: a person decides whether the reminder still makes sense. The
            // title says that Relance gave up and after how many attempts, the detail why the
            // last one failed (the journal's one line above says both).
            _ = try await store.openTask(NewTask(
                creditor: message.creditor, customerID: message.customerID, kind: .reviewMessage,
                title: words.messageGivenUpTitle(messageID: message.id, attempts: message.attempts), detail: ["reason": words.sendFailure(reason)],
                dedupKey: "failed-message-\(message.id)", step: message.step, messageID: message.id), at: now)
            report.failed += 1
        }
    }
}

import Foundation
public import Logging
public import RelanceCore

/// Sends what the outbox holds, one message at a time, and records every outcome.
///
/// Order of writes is what makes "exactly once" hold: the store marks a message `sending`
/// before the first byte leaves, and `sent` after the server's final answer. A crash in
/// between leaves it `sending`, which the next start holds for a person instead of resending.
public struct OutboxDrainer: Sendable {
    public let store: any OutboxStore & CustomerStateStore
    public let transport: @Sendable (CreditorID) -> any MailTransport
    public let clock: any WallClock
    public let schedule: RetrySchedule
    public let logger: Logger
    /// The creditors this drainer serves (their pause state is read before each round).
    public let creditors: [CreditorID]

    public init(store: any OutboxStore & CustomerStateStore, transport: @escaping @Sendable (CreditorID) -> any MailTransport,
                clock: any WallClock, schedule: RetrySchedule = RetrySchedule(), logger: Logger, creditors: [CreditorID] = []) {
        self.store = store
        self.transport = transport
        self.clock = clock
        self.schedule = schedule
        self.logger = logger
        self.creditors = creditors
    }

    public struct Report: Sendable, Hashable {
        public var sent = 0
        public var retrying = 0
        public var failed = 0
        /// Creditors whose outbox stopped this round because of a problem on our side.
        public var paused: Set<CreditorID> = []
    }

    /// Drains every message due now. `shouldStop` is asked between messages (graceful shutdown):
    /// a message in progress always finishes and is recorded.
    public func drain(shouldStop: @Sendable () -> Bool = { false }) async throws -> Report {
        var report = Report()
        let paused = try await pausedCreditors()
        while !shouldStop(), let message = try await store.claimNextMessage(now: clock.now(), skipping: report.paused.union(paused)) {
            var metadata: Logger.Metadata = [
                "creditor": "\(message.creditor)", "message": "\(message.id)", "step": "\(message.step)",
                "attempt": "\(message.attempts)", "message_id": "\(message.messageID)",
            ]
            let outcome = await transport(message.creditor).deliver(message)
            switch outcome {
            case .delivered(let reply):
                try await store.markSent(message.id, at: clock.now(), serverReply: reply)
                report.sent += 1
                metadata["reply"] = "\(reply)"
                logger.info("message sent", metadata: metadata)
            case .temporaryFailure(let reason):
                try await retryOrFail(message, reason: reason, report: &report)
                metadata["reason"] = "\(reason)"
                logger.warning("message not sent, will retry", metadata: metadata)
            case .permanentFailure(let reason):
                try await store.markFailed(message.id, at: clock.now(), reason: reason)
                report.failed += 1
                metadata["reason"] = "\(reason)"
                logger.error("message refused for good", metadata: metadata)
            case .senderProblem(let reason):
                try await retryOrFail(message, reason: reason, report: &report)
                report.paused.insert(message.creditor)
                metadata["reason"] = "\(reason)"
                logger.critical("outbox paused: the problem is on our side, fix the configuration", metadata: metadata)
            }
        }
        return report
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

    private func retryOrFail(_ message: OutboxMessage, reason: String, report: inout Report) async throws {
        let now = clock.now()
        if let next = schedule.nextAttempt(after: message.attempts, firstAttempt: message.queuedAt, now: now,
                                           jitter: Double.random(in: 0..<1)) {
            try await store.markForRetry(message.id, at: now, retryAt: next, reason: reason)
            report.retrying += 1
        } else {
            try await store.markFailed(message.id, at: now, reason: "gave up after \(message.attempts) attempts: \(reason)")
            report.failed += 1
        }
    }
}

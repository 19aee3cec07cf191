import CurlMail
import Foundation
public import Logging
public import RelanceCore

/// Settles the messages a stopped run left `sending`, from evidence on the server side only:
/// the archive copy delivered in the same SMTP transaction, or the provider's own copy of
/// submitted mail, looked up by Message-ID over IMAP once the configured delay has passed.
///
/// Found → sent. Searched and not found → queued again (the server never took it). No
/// evidence source → held for a person. The search failing → left `sending`, tried again
/// at the next round: a guess either way could send twice or never.
public struct InterruptedSendRecovery: Sendable {
    public let store: any OutboxRecoveryStore
    public let settings: [CreditorID: SendingSettings]
    public let secrets: SecretStore
    public let clock: any WallClock
    public let logger: Logger

    public init(store: any OutboxRecoveryStore, settings: [CreditorID: SendingSettings], secrets: SecretStore,
                clock: any WallClock, logger: Logger) {
        self.store = store
        self.settings = settings
        self.secrets = secrets
        self.clock = clock
        self.logger = logger
    }

    public struct Report: Sendable, Hashable {
        public var confirmedSent: [Int64] = []
        public var requeued: [Int64] = []
        public var held: [Int64] = []
        /// The evidence could not be searched: still `sending`, decided at the next round.
        public var undecided: [Int64] = []
    }

    public func run() async throws -> Report {
        var report = Report()
        let interrupted = try await store.interruptedSends()
        for (creditor, messages) in Dictionary(grouping: interrupted, by: \.creditor).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let sending = settings[creditor] ?? SendingSettings()
            guard let source = EvidenceSource(sending.evidence) else {
                for message in messages {
                    try await store.holdForReview(message.id, at: clock.now(), reason: .noEvidenceSource)
                    report.held.append(message.id)
                }
                continue
            }
            try await waitForEvidence(of: messages, delaySeconds: sending.evidenceDelaySeconds)
            do {
                let client = try source.server.imapClient(secrets: secrets)
                for message in messages {
                    let found = try await client.uidSearch(source.folder, criteria: "HEADER Message-ID \"\(message.messageID)\"")
                    if found.isEmpty {
                        try await store.requeueUnsent(message.id, at: clock.now(), evidence: .noCopy(
                            messageID: message.messageID, source: source.name, afterSeconds: sending.evidenceDelaySeconds))
                        report.requeued.append(message.id)
                    } else {
                        try await store.confirmSent(message.id, at: clock.now(),
                                                    evidence: .copyFound(messageID: message.messageID, source: source.name))
                        report.confirmedSent.append(message.id)
                    }
                }
            } catch let error as IMAPError {
                report.undecided += messages.map(\.id).filter { !report.confirmedSent.contains($0) && !report.requeued.contains($0) }
                logger.error("cannot search the evidence of interrupted sends; they stay undecided and are tried again later",
                             metadata: ["creditor": "\(creditor)", "error": "\(error)"])
            } catch let error as SecretError {
                report.undecided += messages.map(\.id)
                logger.error("cannot search the evidence of interrupted sends", metadata: ["creditor": "\(creditor)", "error": "\(error)"])
            }
        }
        if !report.held.isEmpty {
            logger.warning("messages interrupted while sending are held for review", metadata: ["messages": "\(report.held)"])
        }
        if !report.confirmedSent.isEmpty || !report.requeued.isEmpty {
            logger.notice("interrupted sends settled from server-side evidence",
                          metadata: ["sent": "\(report.confirmedSent)", "requeued": "\(report.requeued)"])
        }
        return report
    }

    /// The copy takes a moment to land: wait until the delay has passed since the latest
    /// interrupted attempt (never longer than the delay itself, whatever the clock says).
    private func waitForEvidence(of messages: [InterruptedSend], delaySeconds: Int) async throws {
        let delay = TimeInterval(delaySeconds)
        let now = clock.now()
        let latest = messages.compactMap(\.attemptStartedAt).max() ?? now
        let wait = min(delay, max(0, latest.addingTimeInterval(delay).timeIntervalSince(now)))
        if wait > 0 { try await Task.sleep(for: .seconds(wait)) }
    }

    private struct EvidenceSource {
        let server: MailServerSettings
        let folder: String
        let name: String

        init?(_ evidence: SendingSettings.Evidence) {
            switch evidence {
            case .none: return nil
            case .archive(let address, let server, let folder):
                self.server = server
                self.folder = folder
                name = "the archive \(address)'s \(folder)"
            case .providerSentFolder(let server, let folder):
                self.server = server
                self.folder = folder
                name = "the provider's \(folder) folder"
            }
        }
    }
}

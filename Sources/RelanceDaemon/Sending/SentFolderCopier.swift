import CurlMail
public import Logging
public import RelanceCore

/// Appends a copy of each sent message to its creditor's Sent folder over IMAP, so the
/// people at the creditor see what went out in their own mail client.
///
/// Runs after the sending, never in its way: a failure is logged and the copy stays
/// pending, to be tried again at the next round.
public struct SentFolderCopier: Sendable {
    public let store: any OutboxRecoveryStore
    /// The creditors with `copy_to_sent = true`: their IMAP server and folder.
    public let targets: [CreditorID: (server: MailServerSettings, folder: String)]
    public let secrets: SecretStore
    public let clock: any WallClock
    public let logger: Logger

    public init(store: any OutboxRecoveryStore, targets: [CreditorID: (server: MailServerSettings, folder: String)],
                secrets: SecretStore, clock: any WallClock, logger: Logger) {
        self.store = store
        self.targets = targets
        self.secrets = secrets
        self.clock = clock
        self.logger = logger
    }

    /// Copies what is pending; returns how many copies were appended.
    @discardableResult
    public func copyPending(batch: Int = 200) async -> Int {
        var copied = 0
        for (creditor, target) in targets.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            do {
                let pending = try await store.pendingSentCopies(of: creditor, limit: batch)
                if pending.isEmpty { continue }
                let client = try target.server.imapClient(secrets: secrets)
                for copy in pending {
                    try await client.append(target.folder, message: copy.bytes)
                    try await store.markSentCopyDone(copy.id, at: clock.now(), folder: target.folder)
                    copied += 1
                }
            } catch {
                logger.warning("cannot copy sent messages to the Sent folder; will try again later",
                               metadata: ["creditor": "\(creditor)", "folder": "\(target.folder)", "error": "\(error)"])
            }
        }
        return copied
    }
}

import CurlMail
public import Foundation
public import Logging
public import RelanceCore
import RelanceMail
public import RelanceStore

/// Everything built from the configuration, once: the store, templates, token key, and per
/// creditor the intake, the scheduler and the transport. The CLI and the services use this.
public final class RelanceRuntime: Sendable {
    public let configuration: RelanceConfiguration
    public let store: AppDatabase
    public let clock: any WallClock
    public let logger: Logger
    public let creditors: [CreditorRuntime]
    private let transports: [CreditorID: any MailTransport]

    public struct CreditorRuntime: Sendable {
        public let configuration: CreditorConfiguration
        public let intake: FileIntake
        public let scheduler: ReminderScheduler
        /// Reads the creditor's IMAP mailbox; nil without `[creditors.ID.imap]`.
        public let poller: MailboxPoller?

        public var timeZone: TimeZone { TimeZone(identifier: configuration.timeZone) ?? .current }
    }

    public init(configuration: RelanceConfiguration, clock: any WallClock, logger: Logger,
                secrets: SecretStore = SecretStore()) throws {
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        store = try AppDatabase.openOnDisk(at: configuration.storeFile)
        let steps = Set(configuration.creditors.flatMap { $0.policy.steps.filter { $0.channel == .email }.map(\.name) })
        let renderer = try TemplateLoader.load(from: configuration.templatesFolder, requiredTemplates: steps.sorted())
        let secret = try TokenSecretLoader.load(secrets: secrets, stateFolder: configuration.stateFolder)
        let rules = IntakeRules(stableAfterSeconds: configuration.stableAfterSeconds, maximumFileBytes: configuration.maximumFileBytes)
        var creditors: [CreditorRuntime] = []
        var transports: [CreditorID: any MailTransport] = [:]
        for creditor in configuration.creditors {
            let intake = FileIntake(creditor: creditor, folder: LocalDropFolder(folder: configuration.dropFolder(of: creditor)),
                                    rules: rules, store: store, clock: clock, logger: logger)
            let scheduler = ReminderScheduler(creditor: creditor, store: store,
                                              composer: ReminderComposer(creditor: creditor, renderer: renderer, secret: secret),
                                              reviewFolder: configuration.reviewFolder, logger: logger)
            var poller: MailboxPoller?
            if let imap = creditor.imap {
                // `--log-level trace` shows the IMAP exchange (credentials redacted, bodies never).
                let trace = logger.logLevel <= .trace ? Self.protocolTrace(logger, creditor: creditor.id) : nil
                poller = MailboxPoller(creditor: creditor, mailbox: IMAPMailbox(settings: imap, secrets: secrets, log: trace),
                                       store: store, secret: secret, clock: clock, logger: logger)
            }
            creditors.append(CreditorRuntime(configuration: creditor, intake: intake, scheduler: scheduler, poller: poller))
            if let smtp = creditor.smtp {
                transports[creditor.id] = SMTPTransport(settings: smtp, secrets: secrets,
                                                        ehloName: Self.ehloName(for: creditor), logger: logger)
            } else {
                transports[creditor.id] = OutboxFolderTransport(folder: configuration.outboxFolder.appendingPathComponent(creditor.id.rawValue))
            }
        }
        self.creditors = creditors
        self.transports = transports
    }

    /// Registers the configured creditors and holds any message a crash left half sent.
    public func prepare() async throws {
        for creditor in creditors {
            try await store.registerCreditor(creditor.configuration.id, at: clock.now())
        }
        let held = try await store.holdInterruptedSends(at: clock.now())
        if !held.isEmpty {
            logger.warning("messages interrupted while sending are held for review", metadata: ["messages": "\(held)"])
        }
    }

    public var drainer: OutboxDrainer {
        let transports = transports
        return OutboxDrainer(store: store, transport: { transports[$0]! }, clock: clock, logger: logger)
    }

    public func today(for creditor: CreditorRuntime) -> CivilDate {
        CivilDate(clock.now(), in: creditor.timeZone)
    }

    private static func protocolTrace(_ logger: Logger, creditor: CreditorID) -> ProtocolLogSink {
        { line in logger.trace("imap", metadata: ["creditor": "\(creditor)", "line": "\(line)"]) }
    }

    /// The host name we greet SMTP servers with: this machine's, when it is fully qualified,
    /// else the sender's domain (a bare "localhost" makes some servers score the mail as spam).
    static func ehloName(for creditor: CreditorConfiguration) -> String {
        let host = ProcessInfo.processInfo.hostName
        return host.contains(".") && host != "localhost.localdomain" ? host : String(creditor.senderAddress.domain)
    }
}

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
    public let secrets: SecretStore
    public let creditors: [CreditorRuntime]
    private let transports: [CreditorID: any MailTransport]
    private let crashPoints: CrashPoints

    public struct CreditorRuntime: Sendable {
        public let configuration: CreditorConfiguration
        public let intake: FileIntake
        public let scheduler: ReminderScheduler
        /// Reads the creditor's IMAP mailbox; nil without `[creditors.ID.imap]`.
        public let poller: MailboxPoller?

        public var timeZone: TimeZone { TimeZone(identifier: configuration.timeZone) ?? .current }
    }

    /// `openStore` reuses an open store (a reload); otherwise the configured file is opened.
    /// `composesMail: false` is for the commands that write no mail and no letter (`plan`,
    /// `import`, `status`): the templates are neither read nor checked, and any attempt to
    /// compose fails with a missing-template error.
    public init(configuration: RelanceConfiguration, clock: any WallClock, logger: Logger,
                secrets: SecretStore = SecretStore(), reusing openStore: AppDatabase? = nil,
                transportOverride: (@Sendable (CreditorConfiguration) -> any MailTransport)? = nil,
                crashPoints: CrashPoints = .disabled, composesMail: Bool = true) throws {
        self.configuration = configuration
        self.crashPoints = crashPoints
        self.clock = clock
        self.logger = logger
        self.secrets = secrets
        let store = try openStore ?? AppDatabase.openOnDisk(at: configuration.storeFile)
        self.store = store
        let allSteps = (configuration.creditors.map(\.policy) + configuration.policies.values).flatMap(\.steps)
        let emails = Set(allSteps.filter { $0.channel == .email }.map(\.template))
        let letters = Set(allSteps.filter(\.channel.printsLetter).map(\.template))
        let renderer = composesMail
            ? try TemplateLoader.load(from: configuration.templatesFolder, requiredTemplates: emails.sorted(),
                                      requiredDocuments: letters.sorted())
            : try TemplateRenderer(files: [:])
        let secret = try TokenSecretLoader.load(secrets: secrets, stateFolder: configuration.stateFolder)
        let rules = IntakeRules(stableAfterSeconds: configuration.stableAfterSeconds, maximumFileBytes: configuration.maximumFileBytes)
        var creditors: [CreditorRuntime] = []
        var transports: [CreditorID: any MailTransport] = [:]
        for creditor in configuration.creditors {
            let intake = FileIntake(creditor: creditor, folder: LocalDropFolder(folder: configuration.dropFolder(of: creditor)),
                                    rules: rules, store: store, clock: clock, logger: logger,
                                    documents: DocumentVault(stateFolder: configuration.stateFolder))
            let scheduler = ReminderScheduler(creditor: creditor, store: store, policies: configuration.policies,
                                              composer: ReminderComposer(creditor: creditor, renderer: renderer, secret: secret),
                                              reviewFolder: configuration.reviewFolder, logger: logger,
                                              documentsFolder: configuration.stateFolder.appendingPathComponent("documents"))
            var poller: MailboxPoller?
            if let imap = creditor.imap {
                // `--log-level trace` shows the IMAP exchange (credentials redacted, bodies never).
                let trace = logger.logLevel <= .trace ? Self.protocolTrace(logger, creditor: creditor.id) : nil
                poller = MailboxPoller(creditor: creditor, mailbox: IMAPMailbox(settings: imap, secrets: secrets, log: trace),
                                       store: store, secret: secret, clock: clock, logger: logger)
            }
            creditors.append(CreditorRuntime(configuration: creditor, intake: intake, scheduler: scheduler, poller: poller))
            var transport: any MailTransport
            if let transportOverride {
                // Simulations (the soak benchmark) deliver into a world model instead.
                transport = transportOverride(creditor)
            } else if let smtp = creditor.smtp {
                transport = SMTPTransport(settings: smtp, secrets: secrets, ehloName: Self.ehloName(for: creditor),
                                          archive: creditor.sending.archiveBcc, connections: creditor.sending.smtpConnections,
                                          crashPoints: crashPoints, logger: logger)
            } else {
                transport = OutboxFolderTransport(folder: configuration.outboxFolder.appendingPathComponent(creditor.id.rawValue))
            }
            if let rate = creditor.sending.maxMessagesPerMinute {
                transport = PacedTransport(transport, messagesPerMinute: rate)
            }
            transports[creditor.id] = transport
        }
        self.creditors = creditors
        self.transports = transports
    }

    /// Registers the configured creditors and settles any message a crash left half sent.
    public func prepare() async throws {
        for creditor in creditors {
            try await store.registerCreditor(creditor.configuration.id, at: clock.now())
        }
        _ = try await recovery.run()
    }

    /// One digest sender per creditor that configures `[creditors.ID.digest]`.
    public var digestSenders: [DigestSender] {
        creditors.compactMap { creditor in
            creditor.configuration.digest.map {
                DigestSender(creditor: creditor.configuration, settings: $0, store: store,
                             transport: transports[creditor.configuration.id]!, clock: clock, logger: logger,
                             dropFolder: configuration.dropFolder(of: creditor.configuration))
            }
        }
    }

    public var reports: ReportsWriter {
        ReportsWriter(folder: configuration.reportsFolder, store: store)
    }

    public var drainer: OutboxDrainer {
        let transports = transports
        let sending = creditors.map(\.configuration)
        return OutboxDrainer(store: store, transport: { transports[$0]! }, clock: clock,
                             workers: sending.filter { $0.smtp != nil }.map(\.sending.smtpConnections).max() ?? 1,
                             copyToSent: Set(sending.filter { $0.sending.copyToSent && $0.imap != nil }.map(\.id)),
                             crashPoints: crashPoints, logger: logger, creditors: sending.map(\.id),
                             sendWindows: Dictionary(uniqueKeysWithValues: sending.map { creditor in
                                 (creditor.id, CreditorSendWindow(window: creditor.sendWindow,
                                                                  timeZone: TimeZone(identifier: creditor.timeZone) ?? .current,
                                                                  calendar: FrenchBusinessCalendar(alsaceMoselle: creditor.alsaceMoselle)))
                             }),
                             schedules: Dictionary(uniqueKeysWithValues: sending.map { creditor in
                                 (creditor.id, RetrySchedule(maximumAge: TimeInterval(creditor.sending.retryForHours) * 3600))
                             }))
    }

    /// Settles messages left `sending` (at start, and before each round of the sender service).
    public var recovery: InterruptedSendRecovery {
        InterruptedSendRecovery(store: store, settings: Dictionary(uniqueKeysWithValues: creditors.map {
            ($0.configuration.id, $0.configuration.sending)
        }), secrets: secrets, clock: clock, logger: logger)
    }

    public var sentFolderCopier: SentFolderCopier {
        var targets: [CreditorID: (server: MailServerSettings, folder: String)] = [:]
        for creditor in creditors.map(\.configuration) where creditor.sending.copyToSent {
            if let imap = creditor.imap { targets[creditor.id] = (imap, creditor.sending.sentFolder) }
        }
        return SentFolderCopier(store: store, targets: targets, secrets: secrets, clock: clock, logger: logger)
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

import CurlMail
public import Foundation
public import Logging
public import RelanceCore
public import RelanceMail
import RelanceStore

/// Everything built from the configuration, once: the store, templates, token key, and per
/// creditor the intake, the scheduler and the transport. The CLI and the services use this.
public final class RelanceRuntime: Sendable {
    public let configuration: RelanceConfiguration
    public let store: any RelanceBook
    /// Work that must run once among the daemons sharing the book runs through this, under a
    /// lease (see `LeasedWork`); on the SQLite store it simply runs.
    public let work: LeasedWork
    public let clock: any WallClock
    public let logger: Logger
    public let secrets: SecretStore
    /// Signs reference tokens (reminders' Message-IDs and VERP addresses, digests).
    public let referenceSecret: ReferenceSecret
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
    /// `readOnly` opens the store read-only (see `AppDatabase.openForReading`).
    /// `composesMail: false` is for the commands that write no mail and no letter (`plan`,
    /// `import`, `status`): the templates are neither read nor checked, and any attempt to
    /// compose fails with a missing-template error.
    public init(configuration: RelanceConfiguration, clock: any WallClock, logger: Logger,
                secrets: SecretStore = SecretStore(), reusing openStore: (any RelanceBook)? = nil, signingKey: ReferenceSecret? = nil,
                transportOverride: (@Sendable (CreditorConfiguration) -> any MailTransport)? = nil,
                crashPoints: CrashPoints = .disabled, composesMail: Bool = true, readOnly: Bool = false) throws {
        self.configuration = configuration
        self.crashPoints = crashPoints
        self.clock = clock
        self.logger = logger
        self.secrets = secrets
        // `[store] url` (PostgreSQL) cannot run the daemon yet: refused here, not replaced by SQLite.
        if openStore == nil, let postgres = configuration.postgresStore {
            throw StoreNotOpened(file: configuration.file.path, url: postgres.settings.redactedURL)
        }
        let allSteps = (configuration.creditors.map(\.policy) + configuration.policies.values).flatMap(\.steps)
        let emails = Set(allSteps.filter { $0.channel == .email }.map(\.template))
        let letters = Set(allSteps.filter(\.channel.printsLetter).map(\.template))
        // The templates are read, checked and compiled on a thread of their own while the store
        // opens (and, new, migrates): each takes some 50 ms before the first message (issue #17).
        // A store that cannot open is still the error reported first.
        let folder = configuration.templatesFolder
        let templates = composesMail
            ? StartupWork { try TemplateLoader.load(from: folder, requiredTemplates: emails.sorted(), requiredDocuments: letters.sorted()) }
            : nil
        // `readOnly`: the commands that only read (status, plan, aging, customer, tasks) open the
        // store without creating, migrating or leaving any file, so they work on a state folder
        // this user cannot write.
        let store = try openStore ?? (readOnly ? AppDatabase.openForReading(at: configuration.storeFile)
                                               : AppDatabase.openOnDisk(at: configuration.storeFile))
        self.store = store
        let leases = store as? any LeaseStore
        work = LeasedWork(leases: leases, duration: leases?.leaseDuration ?? .seconds(60), logger: logger)
        let renderer = try templates?.value() ?? TemplateRenderer(files: [:])
        // A read-only command signs nothing: when the key cannot be read (mode 0600, the daemon's
        // user), a throwaway one stands in rather than writing a new one. A shared book's key
        // comes from the book (`open`).
        let secret = try signingKey ?? (readOnly ? (TokenSecretLoader.existing(secrets: secrets, stateFolder: configuration.stateFolder)
                                                    ?? TokenSecretLoader.throwaway())
                                                 : TokenSecretLoader.load(secrets: secrets, stateFolder: configuration.stateFolder))
        referenceSecret = secret
        let rules = IntakeRules(stableAfterSeconds: configuration.stableAfterSeconds, maximumFileBytes: configuration.maximumFileBytes)
        var creditors: [CreditorRuntime] = []
        var transports: [CreditorID: any MailTransport] = [:]
        for creditor in configuration.creditors {
            let dropFolder = LocalDropFolder(folder: configuration.dropFolder(of: creditor), root: configuration.dropFolder,
                                             createRoot: configuration.createDropFolder)
            let intake = FileIntake(creditor: creditor, folder: dropFolder,
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
                let mailbox = IMAPMailbox(settings: imap, secrets: secrets, maximumMessageBytes: creditor.inbound.maximumMessageBytes,
                                          log: Self.pollCrashSink(crashPoints, then: trace))
                poller = MailboxPoller(creditor: creditor, mailbox: mailbox, store: store, secret: secret, clock: clock,
                                       logger: logger, crashPoints: crashPoints)
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

    /// The daemon's start-up check of its surroundings: every creditor's drop folder is there
    /// (or created, when `create_drop_folder` allows it). Throws the first problem found.
    public func checkDropFolders() throws {
        for creditor in creditors { try creditor.intake.folder.createFolders() }
    }

    /// Before the first message of a start or a reload: an outbox paused for a fault is tried
    /// again (the configuration may have been fixed), then each creditor's evidence source is
    /// checked (log in, the folder exists); one that fails pauses the outbox again, saying which
    /// key to fix. Nothing is sent for that creditor until it is fixed.
    public func startSending(because reason: SendingRestart) async throws {
        let check = EvidenceCheck(secrets: secrets)
        for creditor in creditors {
            let id = creditor.configuration.id
            try await store.registerCreditor(id, language: creditor.configuration.language, at: clock.now())
            try await store.resumeOutbox(id, reason: creditor.configuration.language.wording.sendingRestart(reason), at: clock.now())
            if let problem = await check.problem(of: id, creditor.configuration.sending) {
                logger.critical("outbox paused: fix the configuration",
                                metadata: ["creditor": "\(id)", "reason": "\(EnglishWording().settingFault(problem))"])
                try await store.recordOutboxPaused(id, reason: creditor.configuration.language.wording.sendFailure(.setting(problem)),
                                                   at: clock.now())
            }
        }
    }

    /// Registers the configured creditors and settles any message a crash left half sent.
    public func prepare() async throws {
        for creditor in creditors {
            try await store.registerCreditor(creditor.configuration.id, language: creditor.configuration.language, at: clock.now())
        }
        _ = try await recovery.run()
    }

    /// One digest sender per creditor that configures `[creditors.ID.digest]`.
    public var digestSenders: [DigestSender] {
        creditors.compactMap { creditor in
            creditor.configuration.digest.map {
                DigestSender(creditor: creditor.configuration, settings: $0, store: store,
                             transport: transports[creditor.configuration.id]!, clock: clock, logger: logger,
                             dropFolder: configuration.dropFolder(of: creditor.configuration), secret: referenceSecret)
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
                             claimBatch: Self.claimBatch(for: sending),
                             copyToSent: Set(sending.filter { $0.sending.copyToSent && $0.imap != nil }.map(\.id)),
                             crashPoints: crashPoints, logger: logger, creditors: sending.map(\.id),
                             sendWindows: Dictionary(uniqueKeysWithValues: sending.map { creditor in
                                 (creditor.id, CreditorSendWindow(window: creditor.sendWindow,
                                                                  timeZone: TimeZone(identifier: creditor.timeZone) ?? .current,
                                                                  calendar: FrenchBusinessCalendar(alsaceMoselle: creditor.alsaceMoselle)))
                             }),
                             schedules: Dictionary(uniqueKeysWithValues: sending.map { creditor in
                                 (creditor.id, RetrySchedule(maximumAge: TimeInterval(creditor.sending.retryForHours) * 3600))
                             }),
                             claimWindow: configuration.postgresStore.map { ClaimWindow(lifetime: $0.settings.claimDuration) },
                             languages: Dictionary(uniqueKeysWithValues: sending.map { ($0.id, $0.language) }))
    }

    /// Messages a sender claims in one write. A crash leaves the whole batch `sending`: with an
    /// evidence source each is settled by its Message-ID, without one each would be held for a
    /// person, so batches need every creditor to have one. A paced creditor (a few messages a
    /// minute) claims one at a time, so that the store says `sent` as soon as it is.
    static func claimBatch(for creditors: [CreditorConfiguration]) -> Int {
        let settled = creditors.allSatisfy { $0.sending.evidence != .none && $0.sending.maxMessagesPerMinute == nil }
        return settled && !creditors.isEmpty ? 32 : 1
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

    /// `poll-mid-fetch` fires when a FETCH answer carrying a message has arrived, while the rest
    /// of its batch is still on the wire; nil (no cost) when that point is not armed.
    private static func pollCrashSink(_ crashPoints: CrashPoints, then next: ProtocolLogSink?) -> ProtocolLogSink? {
        guard crashPoints.armed == .pollMidFetch else { return next }
        return { line in
            if line.direction == .server, line.text.hasPrefix("* "), line.text.contains(" FETCH ("), line.text.contains("BODY[") {
                crashPoints.reach(.pollMidFetch)
            }
            next?(line)
        }
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

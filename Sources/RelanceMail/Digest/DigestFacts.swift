public import Foundation
public import RelanceCore

/// Everything the store knows that the morning digest reports, as plain data: the open tasks
/// and receivables, what happened since the last digest, promises falling due, and what keeps
/// Relance from working. Gathered by the daemon; turned into words by `DigestContextBuilder`.
public struct DigestFacts: Sendable {
    public var creditorName: String
    public var day: CivilDate
    public var timeZone: TimeZone
    public var openTasks: [WorkTask]
    public var receivables: [Receivable]
    /// Journal entries since the last digest: `message.sent`, `invoice.settled`, `mail.received`.
    public var sent: [JournalEntry]
    public var settled: [JournalEntry]
    public var received: [JournalEntry]
    /// The overdue totals the last digest reported, and its day: the change since then.
    public var previous: PreviousDigest?
    public var escalateAfterDays: Int
    public var promisesDue: [PromiseDue]
    public var health: DigestHealth
    /// The names under which each task's documents are attached, by task id.
    public var attachedDocuments: [Int64: [String]]
    /// The task model's facts (#13): outcomes people emailed since the last digest, to acknowledge.
    public var outcomes: TaskDigestFacts

    public init(creditorName: String, day: CivilDate, timeZone: TimeZone, openTasks: [WorkTask], receivables: [Receivable],
                sent: [JournalEntry] = [], settled: [JournalEntry] = [], received: [JournalEntry] = [],
                previous: PreviousDigest? = nil, escalateAfterDays: Int = 3, promisesDue: [PromiseDue] = [],
                health: DigestHealth = DigestHealth(), attachedDocuments: [Int64: [String]] = [:],
                outcomes: TaskDigestFacts = TaskDigestFacts()) {
        self.outcomes = outcomes
        self.creditorName = creditorName
        self.day = day
        self.timeZone = timeZone
        self.openTasks = openTasks
        self.receivables = receivables
        self.sent = sent
        self.settled = settled
        self.received = received
        self.previous = previous
        self.escalateAfterDays = escalateAfterDays
        self.promisesDue = promisesDue
        self.health = health
        self.attachedDocuments = attachedDocuments
    }
}

/// What the last digest said, for "change since yesterday".
public struct PreviousDigest: Sendable, Hashable {
    public var day: CivilDate
    public var overdue: [Money]

    public init(day: CivilDate, overdue: [Money]) {
        self.day = day
        self.overdue = overdue
    }

    /// `EUR:123456;USD:-100`, as kept in the `digest.sent` event.
    public static func encode(_ amounts: [Money]) -> String {
        amounts.map { "\($0.currency.code):\($0.minorUnits)" }.joined(separator: ";")
    }

    public static func decode(_ text: String) -> [Money] {
        text.split(separator: ";").compactMap { part in
            let pieces = part.split(separator: ":")
            guard pieces.count == 2, let currency = Currency(code: pieces[0]), let units = Int64(pieces[1]) else { return nil }
            return Money(minorUnits: units, currency: currency)
        }
    }
}

/// A customer's promise to pay that falls due today: a person checks the money arrived.
public struct PromiseDue: Sendable, Hashable {
    public var customerID: Int64
    public var promisedOn: CivilDate

    public init(customerID: Int64, promisedOn: CivilDate) {
        self.customerID = customerID
        self.promisedOn = promisedOn
    }
}

/// Why nothing may be moving: each is told in the digest with what to do.
public struct DigestHealth: Sendable, Hashable {
    public var lastSent: CivilDate?
    /// The as-of date of the latest authoritative export; nil when none was ever imported.
    public var latestExport: CivilDate?
    public var maximumLedgerAgeDays: Int
    /// The reason the outbox is paused (our mail server refuses us), when it is.
    public var outboxPausedReason: String?
    public var heldImports: [HeldImport]
    public var dropFolderMissing: Bool
    /// The creditor is paused (`relance pause --creditor`): until this day, or until resumed.
    public var creditorPaused: Bool
    public var creditorPausedUntil: CivilDate?
    public var reviewMode: Bool

    public init(lastSent: CivilDate? = nil, latestExport: CivilDate? = nil, maximumLedgerAgeDays: Int = 7,
                outboxPausedReason: String? = nil, heldImports: [HeldImport] = [], dropFolderMissing: Bool = false,
                creditorPaused: Bool = false, creditorPausedUntil: CivilDate? = nil, reviewMode: Bool = false,
                ledgerTracked: Bool = true) {
        self.lastSent = lastSent
        self.latestExport = latestExport
        self.maximumLedgerAgeDays = maximumLedgerAgeDays
        self.outboxPausedReason = outboxPausedReason
        self.heldImports = heldImports
        self.dropFolderMissing = dropFolderMissing
        self.creditorPaused = creditorPaused
        self.creditorPausedUntil = creditorPausedUntil
        self.reviewMode = reviewMode
        self.ledgerTracked = ledgerTracked
    }

    /// False in setups where exports are not dated (tests of other parts): no stale-ledger line.
    public var ledgerTracked: Bool
}

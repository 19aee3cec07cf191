public import Foundation

// The store seen by the rest of Relance: intention-named operations only, no SQL and
// no database types, so that another implementation (PostgreSQL, for firms that run
// several daemons on one shared store) can be added beside the SQLite one.
// Every operation that decides something appends its events in the same transaction.

/// What was imported, and the receivables it shows.
public protocol ReceivablesStore: Sendable {
    /// Makes sure the creditor exists (creditors come from the configuration), in its language:
    /// the lines the store journals by itself are worded in it. A nil language leaves the stored
    /// one as it is (English for a creditor never registered with one).
    func registerCreditor(_ creditor: CreditorID, language: Language?, at time: Date) async throws

    /// Applies one file's snapshot in one transaction: all of it or nothing.
    /// The same bytes applied twice for a creditor return `.duplicate` and change nothing.
    func importSnapshot(_ file: ImportedFile, _ snapshot: ReceivableSnapshot, at time: Date) async throws -> ImportReceipt

    /// The same, for items fed in batches as the file is read (`snapshot.items` comes first,
    /// usually empty); the feed's end gives the refused rows and warnings. Throws
    /// `WholeFileNeeded`, having changed nothing, when the file must be imported whole.
    func importSnapshot(_ file: ImportedFile, _ snapshot: ReceivableSnapshot, feed: OpenItemFeed, at time: Date) async throws -> ImportReceipt

    /// Records a refused file and why, so that the import history is complete.
    func recordRejectedImport(_ file: ImportedFile, reason: String, at time: Date) async throws -> Int64

    /// Open invoices and credits of a creditor, with contacts and reminder history.
    func openReceivables(of creditor: CreditorID) async throws -> [Receivable]
    /// One customer's open receivables, the same as `openReceivables(of:)` filtered to it, read
    /// without reading the book (the console's customer page).
    func openReceivables(of creditor: CreditorID, customer: Int64) async throws -> [Receivable]
}

extension ReceivablesStore {
    /// Without a language (tests, tools): never changes the one the configuration set.
    public func registerCreditor(_ creditor: CreditorID, at time: Date) async throws {
        try await registerCreditor(creditor, language: nil, at: time)
    }
}

/// Messages from planned to sent: exactly once.
public protocol OutboxStore: Sendable {
    /// Stores planned messages, a day's worth in one transaction. Each is stored atomically:
    /// the row gets its id, `compose` turns that id into the message bytes (the id is signed
    /// into the Message-ID), and the invoices are marked as having reached the step. A message
    /// comes back nil, changing nothing, when one of its invoices already has a live message
    /// for that step (the schema refuses a second one), and as a failure, changing nothing,
    /// when it cannot be composed; the others are stored all the same. Results in order.
    /// `compose` runs outside the store's write transaction (rendering holds no lock) and may
    /// run twice when another batch took the ids meanwhile: it must be a pure function.
    func enqueue(_ batch: [PendingMessage], at time: Date) async throws -> [Result<Int64?, any Error>]

    /// Takes the next message due for an attempt and marks it `sending`. A message whose
    /// invoices are no longer open at the stated amount is cancelled on the way, with an event.
    /// Messages of the `skipping` creditors are left alone (their outbox is paused).
    func claimNextMessage(now: Date, skipping: Set<CreditorID>) async throws -> OutboxMessage?

    func markSent(_ id: Int64, at time: Date, serverReply: String) async throws
    func markForRetry(_ id: Int64, at time: Date, retryAt: Date, reason: String) async throws
    func markFailed(_ id: Int64, at time: Date, reason: String) async throws

    func outboxCounts() async throws -> [OutboxState: Int]
}

extension OutboxStore {
    /// One message alone (see the batch form).
    public func enqueue(_ draft: MessageDraft, at time: Date,
                        compose: @escaping @Sendable (Int64) throws -> ComposedMail) async throws -> Int64? {
        try await enqueue([PendingMessage(draft, compose: compose)], at: time)[0].get()
    }
}

/// The append-only journal of decisions.
public protocol EventJournal: Sendable {
    func record(_ event: NewEvent) async throws
    /// Several events in one transaction (a day's plan decisions).
    func record(_ events: [NewEvent]) async throws
    func recentEvents(of creditor: CreditorID?, limit: Int) async throws -> [JournalEntry]
    /// A creditor's events of the given kinds recorded at or after `since`, oldest first.
    func events(of creditor: CreditorID, kinds: Set<String>, since: Date) async throws -> [JournalEntry]
    /// Everything recorded about one customer, oldest first: its timeline.
    func events(ofCustomer customerID: Int64) async throws -> [JournalEntry]
}

public typealias RelanceStorage = ReceivablesStore & OutboxStore & EventJournal & TaskStore & CustomerStateStore
    & CustomerProfileStore & ImportReviewStore

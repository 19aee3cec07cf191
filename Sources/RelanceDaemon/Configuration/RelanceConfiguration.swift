public import Foundation
public import RelanceCore

/// Everything `relance` reads from its one human-edited file (see `examples/relance.toml`).
/// Paths are absolute, resolved against the file's folder when written relative.
public struct RelanceConfiguration: Sendable, Hashable {
    public var file: URL
    /// Where the accountant drops exports (one subfolder per creditor when there are several).
    public var dropFolder: URL
    /// Store, lock, outbox, token secret: the daemon's own state.
    public var stateFolder: URL
    public var storeFile: URL
    /// Where messages are written as `.eml` files for creditors with no SMTP server.
    public var outboxFolder: URL
    /// Where messages of creditors in review mode are written for a person to read.
    public var reviewFolder: URL
    public var templatesFolder: URL
    /// Where the aged balance (CSV and HTML) is written after each import, per creditor.
    public var reportsFolder: URL
    /// A dropped file is taken once its size and modification time have not changed for this long.
    public var stableAfterSeconds: Double
    /// Larger files are refused (moved to `rejected/` with an explanation).
    public var maximumFileBytes: Int
    public var creditors: [CreditorConfiguration]
    /// How long personal data is kept; `processedFilesDays` applies to `processed/` in the drop folders.
    public var retention: RetentionPolicy
    public var processedFilesDays: Int
    /// Every policy by name (built-in and configured), for customers whose contacts name one.
    public var policies: [String: Policy] = [:]
    /// `create_drop_folder`: create a missing drop folder when its parent exists. Off by
    /// default: a missing folder is usually an unmounted share, and must be said, not papered over.
    public var createDropFolder = false
    /// The web console (`[web]`); nil: no console.
    public var web: WebSettings?
    /// `[store]`: the PostgreSQL store, opened by `RelanceRuntime.open`; nil: the SQLite file `storeFile`.
    public var postgresStore: PostgresStoreConfiguration?

    public init(file: URL, dropFolder: URL, stateFolder: URL, storeFile: URL, outboxFolder: URL, reviewFolder: URL,
                templatesFolder: URL, reportsFolder: URL, stableAfterSeconds: Double, maximumFileBytes: Int, creditors: [CreditorConfiguration],
                retention: RetentionPolicy = RetentionPolicy(), processedFilesDays: Int = 400) {
        self.file = file
        self.dropFolder = dropFolder
        self.stateFolder = stateFolder
        self.storeFile = storeFile
        self.outboxFolder = outboxFolder
        self.reviewFolder = reviewFolder
        self.templatesFolder = templatesFolder
        self.reportsFolder = reportsFolder
        self.stableAfterSeconds = stableAfterSeconds
        self.maximumFileBytes = maximumFileBytes
        self.creditors = creditors
        self.retention = retention
        self.processedFilesDays = processedFilesDays
    }

    public func creditor(_ id: String) -> CreditorConfiguration? {
        creditors.first { $0.id.rawValue == id }
    }

    /// The folder a creditor's files are dropped into.
    public func dropFolder(of creditor: CreditorConfiguration) -> URL {
        creditor.dropSubfolder.isEmpty ? dropFolder : dropFolder.appendingPathComponent(creditor.dropSubfolder, isDirectory: true)
    }
}

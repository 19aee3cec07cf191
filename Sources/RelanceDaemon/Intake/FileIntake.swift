public import Foundation
public import Logging
public import RelanceCore

/// Takes stable files from a creditor's drop folder, imports each in one transaction, and
/// moves it to `processed/` or, with an explanation, to `rejected/`. Never deletes an input.
///
/// Crash safety: the store records the file's hash in the same transaction as its content,
/// so a file imported just before a crash (and not yet moved) is recognised as a duplicate
/// on the next scan and simply moved.
public struct FileIntake: Sendable {
    public let creditor: CreditorConfiguration
    public let folder: LocalDropFolder
    public let rules: IntakeRules
    public let importer: ExportImporter
    public let clock: any WallClock
    public let logger: Logger
    private let memory = IntakeMemory()
    private var readingMark: ReadingMark { ReadingMark(dropFolder: folder.folder) }

    public init(creditor: CreditorConfiguration, folder: LocalDropFolder, rules: IntakeRules,
                store: any ReceivablesStore & CustomerProfileStore & BankPaymentStore, clock: any WallClock, logger: Logger,
                documents: DocumentVault? = nil) {
        self.creditor = creditor
        self.folder = folder
        self.rules = rules
        self.importer = ExportImporter(creditor: creditor, store: store, clock: clock, documents: documents)
        self.clock = clock
        self.logger = logger
    }

    public struct Report: Sendable {
        public init() {}

        public var imported: [(file: String, receipt: ImportReceipt, items: Int)] = []
        public var rejected: [(file: String, reason: String)] = []
        /// Files not yet stable, and when they will be.
        public var waiting: [(file: String, until: Date)] = []
        /// Snapshots held by the mass-settlement safety: `relance import confirm ID` applies them.
        public var held: [(file: String, importID: Int64, reason: String)] = []
        /// Files that could not be moved aside (reported once, then skipped while unchanged), and why
        /// in the creditor's language.
        public var stuck: [(file: String, reason: String)] = []
    }

    /// One pass over the folder. Files still being written are left for the next pass.
    public func scan() async throws -> Report {
        try folder.createFolders()
        var report = Report()
        let entries = try folder.list()
        // Stability compares file times with the machine's own clock, never an injected one:
        // a run with `--now` in the past must still see a finished file as finished.
        let now = Date()
        let unchangedSince = memory.observe(entries, now: now)
        let (interrupted, died) = try await setAsideInterruptedRead(entries, into: &report)
        for entry in entries where !memory.isStuck(entry) && entry.name != interrupted {
            switch rules.verdict(for: entry, unchangedSince: unchangedSince[entry.name], now: now) {
            case .ignore:
                continue
            case .wait(let until):
                report.waiting.append((entry.name, until))
            case .refuse(let reason):
                try await reject(entry, sha256: nil, reason: words.dropRefusal(reason), into: &report)
            case .take:
                // `died` names an entry of this listing (name and size checked), or is nil.
                try await take(entry, attempt: died.map { $0.name == entry.name ? $0.attempts + 1 : 1 } ?? 1, into: &report)
            }
        }
        return report
    }

    private func take(_ entry: DropFolderEntry, attempt: Int, into report: inout Report) async throws {
        let name = entry.name
        let bytes: [UInt8]
        do {
            bytes = try folder.read(name, limit: rules.maximumFileBytes)
        } catch {
            try await reject(entry, sha256: nil, reason: words.dropRefusal(error), into: &report)
            return
        }
        try readingMark.set(entry, attempts: attempt)
        // An error thrown below (the store, not the file) leaves the file for the next scan: clear.
        defer { readingMark.clear() }
        switch try await importer.importExport(bytes, fileName: name) {
        case .rejected(let importID, let reason):
            moveRejected(entry, importID: importID, reason: reason, into: &report)
        case .imported(let receipt, let parsed):
            if receipt.outcome == .held {
                report.held.append((name, receipt.importID, receipt.warnings.first ?? "held"))
                logger.warning("import held: it would settle too much at once", metadata: [
                    "creditor": "\(creditor.id)", "file": "\(name)", "import": "\(receipt.importID)",
                    "reason": "\(receipt.warnings.first ?? "")", "confirm": "relance import confirm \(receipt.importID)",
                ])
            }
            let destination: URL
            do {
                destination = try folder.moveToProcessed(name, day: importer.today.iso8601)
            } catch {
                // Applied (or held) already: the hash makes the next scan a duplicate; say it once.
                stuck(entry, reason: { $0.notMovedToProcessed(importID: receipt.importID, cause: error) }, into: &report)
                return
            }
            report.imported.append((name, receipt, parsed.kind == .contacts ? parsed.contacts.count : parsed.items.count))
            logger.info("imported", metadata: [
                "creditor": "\(creditor.id)", "file": "\(name)", "import": "\(receipt.importID)", "outcome": "\(receipt.outcome.rawValue)",
                "items": "\(parsed.items.count)", "new": "\(receipt.newInvoices)", "settled": "\(receipt.settledInvoices)",
                "skipped_rows": "\(parsed.skippedRows)", "moved_to": "\(destination.path)",
            ])
            for warning in receipt.warnings where receipt.outcome != .held {
                logger.notice("import warning", metadata: ["creditor": "\(creditor.id)", "file": "\(name)", "warning": "\(warning)"])
            }
        }
    }

    /// A file runs died reading (`ReadingMark`) is read once more after the first death (a
    /// restart may have had nothing to do with it), then refused: the daemon would die on it
    /// at every restart. Returns the name set aside, and the standing note for the retry.
    private func setAsideInterruptedRead(_ entries: [DropFolderEntry],
                                         into report: inout Report) async throws -> (String?, ReadingMark.Note?) {
        guard let note = readingMark.standing() else { return (nil, nil) }
        guard let entry = entries.first(where: { $0.name == note.name && $0.size == note.size && $0.type == .regular }) else {
            readingMark.clear()
            return (nil, nil)
        }
        guard note.attempts >= ReadingMark.deathsBeforeSettingAside else { return (nil, note) }
        defer { readingMark.clear() }
        try await reject(entry, sha256: nil, reason: words.dropRefusal(.stoppedTwiceReading), into: &report)
        return (entry.name, nil)
    }

    /// The creditor's words: the refusals and the report beside a refused file are for its people.
    private var words: any Wording { creditor.language.wording }

    private func reject(_ entry: DropFolderEntry, sha256: String?, reason: String, into report: inout Report) async throws {
        let importID = try await importer.reject(entry.name, sha256: sha256, byteCount: entry.size, reason: reason)
        moveRejected(entry, importID: importID, reason: reason, into: &report)
    }

    private func moveRejected(_ entry: DropFolderEntry, importID: Int64, reason: String, into report: inout Report) {
        let name = entry.name
        let explanation = words.rejectionReport(file: name, importID: importID, at: clock.now(), reason: reason)
        let destination: URL
        do {
            destination = try folder.moveToRejected(name, explanation: explanation)
        } catch {
            stuck(entry, reason: { $0.notMovedToRejected(reason: reason, cause: error) }, into: &report)
            return
        }
        report.rejected.append((name, reason))
        logger.warning("file rejected", metadata: [
            "creditor": "\(creditor.id)", "file": "\(name)", "import": "\(importID)", "reason": "\(reason)",
            "moved_to": "\(destination.path)",
        ])
    }

    /// Left in place, logged once: the next scans skip it until its size or mtime changes. The
    /// report (`relance run --once`) words why for the creditor's people; the log, for
    /// the operators' tools, stays in English.
    private func stuck(_ entry: DropFolderEntry, reason: (any Wording) -> String, into report: inout Report) {
        memory.markStuck(entry)
        report.stuck.append((entry.name, reason(words)))
        logger.error("file left in the drop folder: fix its permissions or the folder's", metadata: [
            "creditor": "\(creditor.id)", "file": "\(entry.name)", "reason": "\(reason(EnglishWording()))",
        ])
    }
}

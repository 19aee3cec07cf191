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

    public init(creditor: CreditorConfiguration, folder: LocalDropFolder, rules: IntakeRules,
                store: any ReceivablesStore, clock: any WallClock, logger: Logger) {
        self.creditor = creditor
        self.folder = folder
        self.rules = rules
        self.importer = ExportImporter(creditor: creditor, store: store, clock: clock)
        self.clock = clock
        self.logger = logger
    }

    public struct Report: Sendable {
        public init() {}

        public var imported: [(file: String, receipt: ImportReceipt, items: Int)] = []
        public var rejected: [(file: String, reason: String)] = []
        /// Files not yet stable, and when they will be.
        public var waiting: [(file: String, until: Date)] = []
    }

    /// One pass over the folder. Files still being written are left for the next pass.
    public func scan() async throws -> Report {
        try folder.createFolders()
        var report = Report()
        for entry in try folder.list() {
            // Stability compares file times with the machine's own clock, never an injected one:
            // a run with `--now` in the past must still see a finished file as finished.
            switch rules.verdict(for: entry, now: Date()) {
            case .ignore:
                continue
            case .wait(let until):
                report.waiting.append((entry.name, until))
            case .refuse(let reason):
                try await reject(entry.name, sha256: nil, byteCount: entry.size, reason: "The file was not read: \(reason)", into: &report)
            case .take:
                try await take(entry.name, into: &report)
            }
        }
        return report
    }

    private func take(_ name: String, into report: inout Report) async throws {
        let bytes: [UInt8]
        do {
            bytes = try folder.read(name, limit: rules.maximumFileBytes)
        } catch {
            try await reject(name, sha256: nil, byteCount: 0, reason: "The file could not be read: \(error.message)", into: &report)
            return
        }
        switch try await importer.importExport(bytes, fileName: name) {
        case .rejected(let importID, let reason):
            try moveRejected(name, importID: importID, reason: reason, into: &report)
        case .imported(let receipt, let parsed):
            let destination = try folder.moveToProcessed(name, day: importer.today.iso8601)
            report.imported.append((name, receipt, parsed.items.count))
            logger.info("imported", metadata: [
                "creditor": "\(creditor.id)", "file": "\(name)", "import": "\(receipt.importID)", "outcome": "\(receipt.outcome.rawValue)",
                "items": "\(parsed.items.count)", "new": "\(receipt.newInvoices)", "settled": "\(receipt.settledInvoices)",
                "skipped_rows": "\(parsed.skippedRows)", "moved_to": "\(destination.path)",
            ])
            for warning in parsed.warnings {
                logger.notice("import warning", metadata: ["creditor": "\(creditor.id)", "file": "\(name)", "warning": "\(warning)"])
            }
        }
    }

    private func reject(_ name: String, sha256: String?, byteCount: Int, reason: String, into report: inout Report) async throws {
        let importID = try await importer.reject(name, sha256: sha256, byteCount: byteCount, reason: reason)
        try moveRejected(name, importID: importID, reason: reason, into: &report)
    }

    private func moveRejected(_ name: String, importID: Int64, reason: String, into report: inout Report) throws {
        let explanation = """
            Relance refused \(name) (import #\(importID)) on \(clock.now().formatted(.iso8601)).

            \(reason)

            Nothing from this file was imported. The file itself is kept here, unchanged.
            Fix the export (or the configuration) and drop the corrected file into the drop folder again.

            """
        let destination = try folder.moveToRejected(name, explanation: explanation)
        report.rejected.append((name, reason))
        logger.warning("file rejected", metadata: [
            "creditor": "\(creditor.id)", "file": "\(name)", "import": "\(importID)", "reason": "\(reason)",
            "moved_to": "\(destination.path)",
        ])
    }
}

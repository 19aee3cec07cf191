import Crypto
public import Foundation
public import Logging
public import RelanceCore
import RelanceImport

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
    public let store: any ReceivablesStore
    public let clock: any WallClock
    public let logger: Logger

    public init(creditor: CreditorConfiguration, folder: LocalDropFolder, rules: IntakeRules,
                store: any ReceivablesStore, clock: any WallClock, logger: Logger) {
        self.creditor = creditor
        self.folder = folder
        self.rules = rules
        self.store = store
        self.clock = clock
        self.logger = logger
    }

    public struct Report: Sendable {
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
            switch rules.verdict(for: entry, now: clock.now()) {
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
        let sha256 = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let parsed: ParsedImport
        do {
            parsed = try ExportParsing.parse(bytes, fileName: name)
        } catch {
            try await reject(name, sha256: sha256, byteCount: bytes.count, reason: error.description, into: &report)
            return
        }
        let timeZone = TimeZone(identifier: creditor.timeZone) ?? .current
        let today = CivilDate(clock.now(), in: timeZone)
        let snapshot = ReceivableSnapshot(items: parsed.items, asOf: parsed.asOf ?? today,
                                          isAuthoritative: parsed.kind == creditor.authoritativeSource)
        let file = ImportedFile(creditor: creditor.id, fileName: name, sha256: sha256, byteCount: bytes.count, kind: parsed.kind.rawValue)
        let receipt = try await store.importSnapshot(file, snapshot, at: clock.now())
        let destination = try folder.moveToProcessed(name, day: today.iso8601)
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

    private func reject(_ name: String, sha256: String?, byteCount: Int, reason: String, into report: inout Report) async throws {
        let file = ImportedFile(creditor: creditor.id, fileName: name,
                                sha256: sha256 ?? String(repeating: "0", count: 64), byteCount: byteCount, kind: "unknown")
        let importID = try await store.recordRejectedImport(file, reason: reason, at: clock.now())
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

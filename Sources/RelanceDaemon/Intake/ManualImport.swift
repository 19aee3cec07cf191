public import Foundation
public import RelanceCore

/// `relance import FILE`: the drop folder's rules for a file a person names; the file stays
/// where it is. A refused file is recorded in the store and its error thrown.
public struct ManualImport: Sendable {
    public let importer: ExportImporter

    public init(importer: ExportImporter) { self.importer = importer }

    /// The file is mapped, not read (`importExport(mapped:)`): a large report or ledger is
    /// never held whole in memory.
    public func importFile(at url: URL) async throws -> ImportReceipt {
        let importer = importer
        let outcome = try await ExportFile.withMapped(at: url) { file in
            try await importer.importExport(mapped: file, fileName: url.lastPathComponent)
        }
        switch outcome {
        case .imported(let receipt, _): return receipt
        case .rejected(let id, let reason): throw IntakeError(.rejected, file: url.path, "refused (import #\(id)):\n\(reason)")
        }
    }
}

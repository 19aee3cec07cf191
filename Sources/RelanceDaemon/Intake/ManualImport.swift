public import Foundation
public import RelanceCore

/// `relance import FILE`: the drop folder's rules for a file a person names; the file stays
/// where it is. A refused file is recorded in the store and its error thrown.
public struct ManualImport: Sendable {
    public let importer: ExportImporter

    public init(importer: ExportImporter) { self.importer = importer }

    public func importFile(at url: URL) async throws -> ImportReceipt {
        switch try await importer.importExport(try ExportFile.bytes(at: url), fileName: url.lastPathComponent) {
        case .imported(let receipt, _): return receipt
        case .rejected(let id, let reason): throw IntakeError(.rejected, file: url.path, "refused (import #\(id)):\n\(reason)")
        }
    }
}

public import Foundation
public import RelanceCore

/// Keeps invoice documents (Factur-X PDFs, UBL/CII XML) in the state folder, named by their
/// SHA-256, so that a reminder can attach the invoice itself. Content-addressed: the same
/// document dropped twice is stored once, and a name from a file can never choose a path.
public struct DocumentVault: Sendable {
    public let stateFolder: URL

    public init(stateFolder: URL) { self.stateFolder = stateFolder }

    /// Writes the bytes (once) and returns how the store refers to them.
    public func keep(_ bytes: [UInt8], sha256: String, fileName: String, mediaType: String) throws -> InvoiceDocument {
        let ext = mediaType == "application/pdf" ? "pdf" : "xml"
        let relative = "documents/\(sha256.prefix(2))/\(sha256).\(ext)"
        let url = stateFolder.appendingPathComponent(relative)
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Atomic: a crash leaves either no document or the whole one, never a truncated PDF.
            try Data(bytes).write(to: url, options: .atomic)
        }
        return InvoiceDocument(path: relative, sha256: sha256, mediaType: mediaType, fileName: fileName)
    }

    /// The stored file of a document the store names.
    public func url(of document: InvoiceDocument) -> URL {
        stateFolder.appendingPathComponent(document.path)
    }

    /// Deletes the kept documents whose paths are not in `referenced` and that were last
    /// written before `cutoff` (a younger one may belong to an import not committed yet).
    /// Only `documents/XX/FILE` is looked at: letters and dossiers live one level deeper.
    /// Returns how many files went.
    public func sweep(keeping referenced: Set<String>, writtenBefore cutoff: Date) throws -> Int {
        let root = stateFolder.appendingPathComponent("documents")
        var removed = 0
        for shard in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] {
            let folder = root.appendingPathComponent(shard)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                let file = folder.appendingPathComponent(name)
                let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
                guard !referenced.contains("documents/\(shard)/\(name)"), attributes?[.type] as? FileAttributeType == .typeRegular,
                      let modified = attributes?[.modificationDate] as? Date, modified < cutoff else { continue }
                try FileManager.default.removeItem(at: file)
                removed += 1
            }
        }
        return removed
    }
}

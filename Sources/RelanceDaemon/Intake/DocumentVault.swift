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
}

import Crypto
import Foundation
public import RelanceCore
public import RelanceImport

/// Bytes of one export → one store transaction, or one recorded rejection. Shared by the
/// drop folder and `relance import`, so both follow exactly the same rules.
public struct ExportImporter: Sendable {
    public let creditor: CreditorConfiguration
    public let store: any ReceivablesStore
    public let clock: any WallClock

    public init(creditor: CreditorConfiguration, store: any ReceivablesStore, clock: any WallClock) {
        self.creditor = creditor
        self.store = store
        self.clock = clock
    }

    public enum Outcome: Sendable {
        case imported(ImportReceipt, ParsedImport)
        case rejected(importID: Int64, reason: String)
    }

    public func importExport(_ bytes: [UInt8], fileName: String) async throws -> Outcome {
        let sha256 = Self.sha256(bytes)
        let parsed: ParsedImport
        do {
            parsed = try ExportParsing.parse(bytes, fileName: fileName)
        } catch {
            let id = try await reject(fileName, sha256: sha256, byteCount: bytes.count, reason: error.description)
            return .rejected(importID: id, reason: error.description)
        }
        let file = ImportedFile(creditor: creditor.id, fileName: fileName, sha256: sha256, byteCount: bytes.count, kind: parsed.kind.rawValue)
        let snapshot = ReceivableSnapshot(items: parsed.items, asOf: parsed.asOf ?? today,
                                          isAuthoritative: parsed.kind == creditor.authoritativeSource)
        return .imported(try await store.importSnapshot(file, snapshot, at: clock.now()), parsed)
    }

    /// Records a file refused before or while parsing; a file never read has no hash (zeros).
    public func reject(_ fileName: String, sha256: String?, byteCount: Int, reason: String) async throws -> Int64 {
        let file = ImportedFile(creditor: creditor.id, fileName: fileName, sha256: sha256 ?? String(repeating: "0", count: 64),
                                byteCount: byteCount, kind: "unknown")
        return try await store.recordRejectedImport(file, reason: reason, at: clock.now())
    }

    public var today: CivilDate {
        CivilDate(clock.now(), in: TimeZone(identifier: creditor.timeZone) ?? .current)
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}

public import Foundation

/// One file the intake (or `relance import`) took: what became of it, and why when refused.
public struct ImportRecord: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case applied, rejected, held
    }

    public var importID: Int64
    public var creditor: CreditorID
    public var fileName: String
    public var kind: String
    public var status: Status
    public var itemCount: Int
    public var asOf: CivilDate?
    public var importedAt: Date
    /// The refusal's explanation (what is wrong, where, what to do) for a rejected file.
    public var error: String?
    /// Why a held snapshot waits for a person.
    public var heldReason: String?
    /// The file's warnings as journaled (`import.warning`, in the creditor's language): the
    /// guesses a reader reported, the cells it cleaned or did not use.
    public var warnings: [String] = []
    /// The same undated file dropped again, dating the books by a later day (`import.reconfirmed`):
    /// the history shows the drop, which is no import of its own.
    public var reconfirmations: [String] = []

    public init(importID: Int64, creditor: CreditorID, fileName: String, kind: String, status: Status, itemCount: Int,
                asOf: CivilDate?, importedAt: Date, error: String?, heldReason: String?) {
        self.importID = importID
        self.creditor = creditor
        self.fileName = fileName
        self.kind = kind
        self.status = status
        self.itemCount = itemCount
        self.asOf = asOf
        self.importedAt = importedAt
        self.error = error
        self.heldReason = heldReason
    }
}

/// The imports' history, and a person's refusal of a held snapshot.
public protocol ImportHistoryStore: Sendable {
    /// The most recent imports first, at most `limit`.
    func importHistory(of creditor: CreditorID?, limit: Int) async throws -> [ImportRecord]

    /// Drops a held snapshot without applying it: the import becomes rejected with `reason`, and
    /// the same file may be dropped again later.
    func rejectHeldImport(_ importID: Int64, reason: String, at time: Date) async throws
}

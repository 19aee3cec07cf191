public import Foundation

/// Open items handed to the store in batches while their file is still being read (a large
/// open-invoice report), inside the store's one transaction: the store asks for the next batch
/// when it has written the last, so the file's items are never all in memory.
///
/// Called by the store's writer only, one call at a time, which is why it may be shared
/// unchecked.
public final class OpenItemFeed: @unchecked Sendable {
    /// What the file said besides its items, known once the last batch is read.
    public struct End: Sendable {
        public var refusedRows: [RefusedRow]
        /// The parse's warnings, in the creditor's language.
        public var warnings: [String]
        /// The reading stopped on what it does not handle (invoice lines to fold): the store
        /// writes nothing (`WholeFileNeeded`), and the file is parsed whole instead.
        public var needsWholeFile: Bool

        public init(refusedRows: [RefusedRow], warnings: [String], needsWholeFile: Bool) {
            self.refusedRows = refusedRows
            self.warnings = warnings
            self.needsWholeFile = needsWholeFile
        }
    }

    private let nextBatch: () throws -> [OpenItem]?
    private let ending: () -> End

    public init(next: @escaping () throws -> [OpenItem]?, end: @escaping () -> End) {
        nextBatch = next
        ending = end
    }

    /// The next items, or nil when there are no more.
    public func next() throws -> [OpenItem]? { try nextBatch() }

    public func end() -> End { ending() }
}

/// Thrown by a store, inside the import's transaction (which it undoes), when a fed import
/// must be made from the whole file instead: invoice lines to fold, or a snapshot to hold
/// (a held import keeps its whole snapshot for the person who confirms it).
public struct WholeFileNeeded: Error, Sendable {
    public init() {}
}

extension ReceivablesStore {
    /// For stores without a fed import: the batches gathered, then imported as one snapshot.
    public func importSnapshot(_ file: ImportedFile, _ snapshot: ReceivableSnapshot, feed: OpenItemFeed,
                               at time: Date) async throws -> ImportReceipt {
        var whole = snapshot
        while let batch = try feed.next() { whole.items += batch }
        let end = feed.end()
        if end.needsWholeFile { throw WholeFileNeeded() }
        whole.refusedRows = end.refusedRows.isEmpty ? nil : end.refusedRows
        var file = file
        file.warnings = end.warnings
        return try await importSnapshot(file, whole, at: time)
    }
}

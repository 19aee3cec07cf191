import Foundation
import Logging
import NIOCore
import PostgresNIO
public import RelanceCore

extension PostgresStoreError.Code {
    /// `relance store copy` will not copy: the destination holds data, or the source has a table
    /// or column the PostgreSQL schema does not. Nothing was written.
    public static let copyRefused = PostgresStoreError.Code(rawValue: "copy-refused")
    /// A table's rows read back from PostgreSQL differ from the source's: the copy was rolled back.
    public static let copyMismatch = PostgresStoreError.Code(rawValue: "copy-mismatch")
}

/// What `relance store copy` did: each table, its rows and the checksum both sides agreed on.
public struct StoreCopyReport: Sendable {
    public struct Table: Sendable, Hashable {
        public var name: String
        public var rows: Int
        public var checksum: String
    }

    public var tables: [Table]
    /// PostgreSQL's tables the source has no counterpart of: kept by PostgreSQL itself (the
    /// customers' search rows, by triggers) or by the daemons sharing it (heartbeats, leases).
    public var notCopied: [String]
}

extension PostgresStore {
    /// Rows per page read from the source, and at most this many bytes of them at once.
    static let copyPageRows = 2_000
    static let copyPageBytes = 8 * 1024 * 1024
    /// The claimer of a message copied while `sending`: no daemon has this id.
    static let copiedClaimer = "relance-store-copy"

    /// Copies a whole book into this database, which must hold none: in one transaction, table
    /// by table in the order of their foreign keys, every cell cast to its column's type; then
    /// every table is read back and compared with the source by row count and checksum
    /// (`StoreCopyDigest`) before the transaction commits. Any refusal or difference rolls the
    /// whole copy back. The source must not change meanwhile (the caller holds its run lock).
    public func copy(from source: some StoreCopySource,
                     progress: @Sendable (StoreCopyReport.Table) -> Void = { _ in }) async throws -> StoreCopyReport {
        let sourceTables = try await source.copyTables()
        return try await transaction { connection in
            // Instants read back in UTC, days as ISO dates, bytes in hex: what StoreCopyDigest reads.
            for setting in ["SET LOCAL TimeZone = 'UTC'", "SET LOCAL DateStyle = 'ISO, YMD'", "SET LOCAL bytea_output = 'hex'"] {
                try await connection.liveQuery(PostgresQuery(unsafeSQL: setting), logger: logger)
            }
            let schema = try await CopySchema.read(connection, logger: logger)
            let plan = try schema.plan(for: sourceTables)
            for table in plan.order {
                if try await schema.holdsRows(table.name, connection, logger: logger) {
                    throw PostgresStoreError(.copyRefused, "the PostgreSQL database already holds a book: copy only into a new, empty database; nothing was written",
                                             context: ["table": table.name])
                }
            }
            var copied: [StoreCopyReport.Table] = []
            for table in plan.order {
                let types = table.columns.map { schema.type(of: $0, in: table.name) }
                var written = StoreCopyDigest(types: types)
                var cursor: Int64?
                repeat {
                    let page = try await source.copyRows(of: table, after: cursor, limit: Self.copyPageRows, maximumBytes: Self.copyPageBytes)
                    try await insert(page.rows, into: table, types: types, connection)
                    for row in page.rows { try written.add(row) }
                    cursor = page.next
                } while cursor != nil
                try await schema.restartIdentity(of: table.name, connection, logger: logger)
                let readBack = try await readBack(table, types: types, connection)
                guard readBack.rowCount == written.rowCount, readBack.checksum == written.checksum else {
                    throw PostgresStoreError(.copyMismatch, "a table read back from PostgreSQL differs from the source; the copy was rolled back, nothing was written",
                                             context: ["table": table.name, "source rows": String(written.rowCount), "copied rows": String(readBack.rowCount)])
                }
                let done = StoreCopyReport.Table(name: table.name, rows: written.rowCount, checksum: written.checksum)
                progress(done)
                copied.append(done)
            }
            return StoreCopyReport(tables: copied, notCopied: plan.notCopied)
        }
    }

    /// Multi-row INSERTs, each under PostgreSQL's limit of 65,535 parameters.
    private func insert(_ rows: [[StoreCopyCell]], into table: StoreCopyTable, types: [String], _ connection: PostgresConnection) async throws {
        let perStatement = max(1, min(500, 60_000 / max(1, table.columns.count)))
        // A message SQLite left `sending` (its daemon stopped mid-send) gets a claim that has
        // already expired, by no daemon: PostgreSQL requires a claimer of every `sending`
        // message, and recovery settles an expired claim from the server's evidence.
        let sendingState = table.name == "message" ? table.columns.firstIndex(of: "state") : nil
        let columns = (table.columns + (sendingState == nil ? [] : ["claimed_by", "claim_expires_at"]))
            .map(CopySchema.quoted).joined(separator: ", ")
        for chunk in rows.parts(ofAtMost: perStatement) {
            var binds = PostgresBindings(capacity: chunk.count * table.columns.count)
            var tuples: [String] = []
            tuples.reserveCapacity(chunk.count)
            for row in chunk {
                var placeholders: [String] = []
                for (cell, type) in zip(row, types) {
                    switch cell {
                    case .null: binds.appendNull()
                    case .text(let text) where type == "bytea": binds.append(ByteBuffer(string: text))
                    case .text(let text): binds.append(text)
                    case .blob(let bytes): binds.append(ByteBuffer(bytes: bytes))
                    }
                    placeholders.append("$\(binds.count)::\(type)")
                }
                if let sendingState {
                    let state = placeholders[sendingState]
                    placeholders.append("CASE WHEN \(state) = 'sending' THEN '\(Self.copiedClaimer)' END")
                    placeholders.append("CASE WHEN \(state) = 'sending' THEN TIMESTAMPTZ 'epoch' END")
                }
                tuples.append("(" + placeholders.joined(separator: ", ") + ")")
            }
            let sql = "INSERT INTO \(CopySchema.quoted(table.name)) (\(columns)) VALUES " + tuples.joined(separator: ", ")
            try await connection.liveQuery(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        }
    }

    private func readBack(_ table: StoreCopyTable, types: [String], _ connection: PostgresConnection) async throws -> StoreCopyDigest {
        var digest = StoreCopyDigest(types: types)
        let columns = table.columns.map { "\(CopySchema.quoted($0))::text" }.joined(separator: ", ")
        let rows = try await connection.liveQuery(PostgresQuery(unsafeSQL: "SELECT \(columns) FROM \(CopySchema.quoted(table.name))"), logger: logger)
        for try await row in rows {
            let cells = row.makeRandomAccess()
            var texts: [String?] = []
            texts.reserveCapacity(table.columns.count)
            for index in 0..<table.columns.count { texts.append(try cells[index].decode(String?.self)) }
            try digest.add(texts: texts)
        }
        return digest
    }
}

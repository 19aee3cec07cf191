import PostgresNIO
public import RelanceCore

extension PostgresStore: TaskReportStore {
    /// The count and a digest of the creditor's open tasks, each as its whole row's text (every
    /// column, whatever a later migration adds; a NULL and an empty text are spelled apart).
    public func openTasksFingerprint(of creditor: CreditorID) async throws -> String {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT count(*), COALESCE(md5(string_agg(t::text, E'\\n' ORDER BY t.id)), '')
                FROM task t WHERE t.creditor_id = \(creditor.rawValue) AND t.state = 'open'
                """, logger: logger)
            for try await (count, digest) in rows.decode((Int64, String).self) { return "\(count)-\(digest)" }
            return "0-"
        }
    }
}

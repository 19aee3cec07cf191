import PostgresNIO

extension PostgresStore {
    /// The names of the secrets a shared book keeps (`book_secret.name`).
    public enum BookSecretName: String, Sendable {
        /// The key that signs reference tokens (`TokenSecretLoader`).
        case tokenSecret = "token-secret"
    }

    /// The book's secret `name`: `proposed` is stored if the book has none yet, and whichever the
    /// book holds afterwards is returned — daemons starting together all get the first one written.
    public func bookSecret(_ name: BookSecretName, proposing proposed: [UInt8]) async throws -> [UInt8] {
        try await unfencedTransaction { connection in
            try await connection.liveQuery("""
                INSERT INTO book_secret (name, value, created_by) VALUES (\(name.rawValue), \(ByteBuffer(bytes: proposed)), \(daemonID))
                ON CONFLICT (name) DO NOTHING
                """, logger: logger)
            return try await Self.secret(name, on: connection, logger: logger)
                ?? { throw PostgresStoreError(.corrupt, "the book's \(name.rawValue) was not stored") }()
        }
    }

    /// The book's secret `name` if it has one, never writing (for commands that only read).
    public func existingBookSecret(_ name: BookSecretName) async throws -> [UInt8]? {
        try await unfencedTransaction { connection in try await Self.secret(name, on: connection, logger: logger) }
    }

    private static func secret(_ name: BookSecretName, on connection: PostgresConnection, logger: Logger) async throws -> [UInt8]? {
        let rows = try await connection.liveQuery("SELECT value FROM book_secret WHERE name = \(name.rawValue)", logger: logger)
        for try await value in rows.decode(ByteBuffer.self) { return Array(buffer: value) }
        return nil
    }
}

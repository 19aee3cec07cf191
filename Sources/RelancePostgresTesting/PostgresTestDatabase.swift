import Foundation
public import Logging
import PostgresNIO
import RelanceCore
public import RelancePostgres

/// The loopback cluster of scripts/postgres.sh, and a fresh database per test on it
/// (`relance_test_<random>`, dropped afterwards). With RELANCE_REQUIRE_POSTGRES=1 (as
/// scripts/test.sh sets) a missing cluster fails the tests that need it; without, they do not run.
public enum PostgresTestDatabase {
    public static let factsFile = "/etc/relance-test/postgres.env"

    public struct Facts: Sendable {
        public var host: String
        public var port: Int
        public var user: String
        public var password: String
        public var caFile: String
    }

    public static var isRequired: Bool { ProcessInfo.processInfo.environment["RELANCE_REQUIRE_POSTGRES"] == "1" }

    /// Whether the PostgreSQL cases run: when required, always (and fail if the cluster is missing).
    public static var shouldRun: Bool { isRequired || (try? facts()) != nil }

    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    public static func facts() throws -> Facts {
        guard let text = try? String(contentsOfFile: factsFile, encoding: .utf8) else {
            throw Missing(description: "no PostgreSQL test cluster: \(factsFile) is missing; run `bash scripts/postgres.sh` (as root)")
        }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { values[parts[0]] = parts[1] }
        }
        guard let port = values["RELANCE_POSTGRES_PORT"].flatMap(Int.init), let user = values["RELANCE_POSTGRES_USER"],
              let passwordFile = values["RELANCE_POSTGRES_PASSWORD_FILE"], let ca = values["RELANCE_POSTGRES_CA"],
              let password = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
            throw Missing(description: "\(factsFile) is incomplete or its password file unreadable; run `bash scripts/postgres.sh` (as root)")
        }
        return Facts(host: "localhost", port: port, user: user,
                     password: password.trimmingCharacters(in: .whitespacesAndNewlines), caFile: ca)
    }

    /// Settings for `database` on the test cluster, TLS verified against its CA (verify-full).
    public static func settings(database: String) throws -> PostgresStoreSettings {
        let facts = try facts()
        var settings = try PostgresStoreSettings.parse(url: "postgresql://\(facts.user)@\(facts.host):\(facts.port)/\(database)",
                                                       sslMode: "verify-full", rootCertificatePath: facts.caFile)
        settings.password = facts.password
        return settings
    }

    /// Creates a fresh database, hands its settings to `body`, and drops it afterwards.
    public static func withFreshDatabase<T: Sendable>(_ body: (PostgresStoreSettings) async throws -> T) async throws -> T {
        let name = "relance_test_" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        try await admin { connection in
            try await connection.query("CREATE DATABASE \(unescaped: name)", logger: logger)
        }
        let result: Result<T, any Error>
        do { result = .success(try await body(try settings(database: name))) } catch { result = .failure(error) }
        try await drop(name)
        return try result.get()
    }

    /// A fresh database with the store opened on it (migrated), closed and dropped afterwards.
    public static func withStore<T: Sendable>(daemonID: String = "test-daemon", _ body: (PostgresStore) async throws -> T) async throws -> T {
        try await withFreshDatabase { settings in
            let store = try await PostgresStore.open(settings, daemonID: daemonID, logger: logger)
            let result: Result<T, any Error>
            do { result = .success(try await body(store)) } catch { result = .failure(error) }
            await store.close()
            return try result.get()
        }
    }

    public static let logger = Logger(label: "relance.tests.postgres")

    /// Drops a test database. `WITH (FORCE)` refuses to end a session it cannot signal — an
    /// autovacuum worker analysing the freshly migrated tables (PostgreSQL 15, a role without
    /// pg_signal_backend) — so a refusal is tried again once that worker is done.
    private static func drop(_ name: String) async throws {
        for attempt in 1...50 {
            do {
                try await admin { connection in
                    try await connection.query("DROP DATABASE IF EXISTS \(unescaped: name) WITH (FORCE)", logger: logger)
                }
                return
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42501" && attempt < 50 {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    /// One connection to the cluster's `postgres` database, as the test role (CREATEDB).
    private static func admin(_ body: (PostgresConnection) async throws -> Void) async throws {
        let settings = try settings(database: "postgres")
        let client = PostgresClient(configuration: try settings.clientConfiguration(applicationName: "relance tests"), backgroundLogger: logger)
        let running = Task { await client.run() }
        var failure: (any Error)?
        do { try await client.withConnection { connection in try await body(connection) } } catch { failure = error }
        running.cancel()
        await running.value
        if let failure { throw failure }
    }
}

import Foundation
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
import Testing

/// Opening a PostgreSQL store that cannot be used says why at once, in words, instead of a
/// first query that waits while the pool retries (issue 16: "waits ~60 s").
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct PostgresReachTests {
    private func refusal(_ settings: PostgresStoreSettings) async -> PostgresStoreError? {
        do {
            let store = try await PostgresStore.open(settings, logger: PostgresTestDatabase.logger)
            await store.close()
            return nil
        } catch {
            return error as? PostgresStoreError
        }
    }

    @Test func aPortNothingListensOnIsNamedWithWhatToCheck() async throws {
        var settings = try PostgresTestDatabase.settings(database: "postgres")
        settings.port = 1
        let error = try #require(await refusal(settings))
        #expect(error.code == .unreachable)
        #expect(error.message.contains("no connection to localhost:1"))
        #expect(error.message.contains("listen_addresses"))
        #expect(!error.description.contains(settings.password ?? "?"))
    }

    @Test func aWrongPasswordIsNamedAndNeverShown() async throws {
        var settings = try PostgresTestDatabase.settings(database: "postgres")
        settings.password = "not-the-password-\(UUID().uuidString)"
        let error = try #require(await refusal(settings))
        #expect(error.code == .unreachable)
        #expect(error.message.contains("refused user \(settings.user)"))
        #expect(error.message.contains("password_credential"))
        #expect(!error.description.contains(settings.password!))
    }

    @Test func aMissingDatabaseIsNamedWithHowToCreateIt() async throws {
        let settings = try PostgresTestDatabase.settings(database: "relance_absent_\(UInt32.random(in: 0...UInt32.max))")
        let error = try #require(await refusal(settings))
        #expect(error.code == .unreachable)
        #expect(error.message.contains("has no database \(settings.database)"))
        #expect(error.message.contains("createdb -O"))
    }

    @Test func aServerCertificateNotSignedByTheTrustedCAIsATLSFailure() async throws {
        // Without sslrootcert, the system's trust store: the test CA is not in it.
        let facts = try PostgresTestDatabase.facts()
        var settings = try PostgresStoreSettings.parse(url: "postgresql://\(facts.user)@\(facts.host):\(facts.port)/postgres", sslMode: "verify-full")
        settings.password = facts.password
        let error = try #require(await refusal(settings))
        #expect(error.code == .unreachable)
        #expect(error.message.contains("TLS failed"))
        #expect(error.message.contains("sslrootcert"))
    }
}

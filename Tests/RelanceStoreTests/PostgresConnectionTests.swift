import Foundation
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
import Testing

/// The connection itself: TLS as configured, a dropped connection replaced, and this daemon's
/// heartbeat recorded for `relance status`.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct PostgresConnectionTests {
    @Test func theStoreTalksTLSAndVerifiesTheServer() async throws {
        try await PostgresTestDatabase.withStore { store in
            let tls = try await store.connection { connection in
                var result = (false, "")
                let rows = try await connection.query("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()", logger: store.logger)
                for try await row in rows.decode((Bool, String).self) { result = row }
                return result
            }
            #expect(tls.0 && tls.1.hasPrefix("TLSv1."))
        }
    }

    /// libpq's sslmode, mapped onto NIOSSL: what each mode checks.
    @Test func eachSSLModeChecksWhatLibpqsDoes() throws {
        var settings = try PostgresTestDatabase.settings(database: "postgres")
        func verification() throws -> String? {
            try settings.tlsConfiguration().map { "\($0.certificateVerification)" }
        }
        settings.sslMode = .verifyFull
        #expect(try verification() == "fullVerification")
        settings.sslMode = .verifyCA
        #expect(try verification() == "noHostnameVerification")
        settings.rootCertificatePath = nil
        settings.sslMode = .require
        #expect(try verification()?.hasPrefix("none") == true)
        settings.sslMode = .disable
        #expect(try verification() == nil)
    }

    /// verify-ca: the test CA checked, the name not — the cluster is reached through 127.0.0.1.
    @Test func verifyCAConnectsWithTheTestCA() async throws {
        try await PostgresTestDatabase.withFreshDatabase { fresh in
            var settings = fresh
            settings.sslMode = .verifyCA
            settings.host = "127.0.0.1"
            let store = try await PostgresStore.open(settings, logger: PostgresTestDatabase.logger)
            await store.close()
        }
    }

    @Test func aConnectionDroppedByTheServerIsReplaced() async throws {
        try await PostgresTestDatabase.withStore(daemonID: "reconnecting") { store in
            try await store.registerCreditor(StoreFixtures.creditor, language: nil, at: StoreFixtures.time)
            // Another session ends every connection of this store, as a server restart or a
            // failover would.
            let settings = try PostgresTestDatabase.settings(database: store.settings.database)
            let killer = try await PostgresStore.open(settings, daemonID: "killer", logger: PostgresTestDatabase.logger)
            let killed = await Result {
                try await killer.connection { connection in
                    var count = 0
                    let rows = try await connection.query("""
                        SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'relance reconnecting'
                        """, logger: killer.logger)
                    for try await ok in rows.decode(Bool.self) where ok { count += 1 }
                    return count
                }
            }
            await killer.close()
            #expect(try killed.get() >= 1)
            // The pool opens a new connection: after at most one failed attempt, the store works again.
            var recorded = false
            for _ in 0..<3 where !recorded {
                do {
                    try await store.record(NewEvent(time: StoreFixtures.time, kind: "test.after-drop", creditor: StoreFixtures.creditor,
                                                    summary: "after"))
                    recorded = true
                } catch {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            #expect(recorded)
            #expect(try await store.events(of: StoreFixtures.creditor, kinds: ["test.after-drop"], since: StoreFixtures.time).count == 1)
        }
    }

    @Test func heartbeatsShowEachDaemon() async throws {
        try await PostgresTestDatabase.withStore(daemonID: "host-a:101:x") { store in
            try await store.heartbeat(version: "test")
            let first = try #require(try await store.daemons().first)
            try await Task.sleep(for: .milliseconds(20))
            try await store.heartbeat(version: "test")
            let daemons = try await store.daemons()
            #expect(daemons.count == 1)
            #expect(daemons[0].id == "host-a:101:x" && daemons[0].pid == Int64(ProcessInfo.processInfo.processIdentifier))
            #expect(daemons[0].startedAt == first.startedAt && daemons[0].heartbeatAt > first.heartbeatAt)
            #expect(!daemons[0].host.isEmpty)
        }
    }
}

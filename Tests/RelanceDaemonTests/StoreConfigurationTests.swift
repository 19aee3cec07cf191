import Foundation
import Testing
import RelanceDaemon
import RelancePostgres
import RelanceTesting

/// `[store]`: the PostgreSQL store's settings, checked like every other; and, while that store
/// is not complete, every command that would open the store refuses it — no silent SQLite.
@Suite struct StoreConfigurationTests {
    static func load(_ store: String, top: String = "") throws(ConfigurationError) -> RelanceConfiguration {
        try ConfigurationLoader.parse("""
            \(top)
            [creditors.acme]
            legal_name = "ACME SAS"
            sender = "compta@acme.example"

            [store]
            \(store)
            """, file: URL(fileURLWithPath: "/etc/relance/relance.toml"))
    }

    @Test func aPostgreSQLStoreIsReadWithItsCredentialAndVerifiedTLS() throws {
        let configuration = try Self.load("""
            url = "postgresql://relance@db.example:5433/book"
            password_credential = "postgres-password"
            sslrootcert = "db-ca.pem"
            """)
        let store = try #require(configuration.postgresStore)
        #expect(store.settings.host == "db.example" && store.settings.port == 5433 && store.settings.database == "book")
        #expect(store.settings.sslMode == .verifyFull)
        #expect(store.settings.rootCertificatePath == "/etc/relance/db-ca.pem")
        #expect(store.settings.password == nil)
        #expect(store.passwordCredential == "postgres-password")
        #expect(store.settings.claimDuration == .seconds(300) && store.settings.leaseDuration == .seconds(60))
        #expect(try Self.load("url = \"postgresql://relance@db/book\"\nlease_seconds = 12").postgresStore?.settings.leaseDuration == .seconds(12))
        #expect(try Self.load("url = \"postgresql://relance@db/book\"\nclaim_seconds = 45").postgresStore?.settings.claimDuration == .seconds(45))
        #expect(try ConfigurationLoaderTests.load(ConfigurationLoaderTests.minimal).postgresStore == nil)
    }

    @Test(arguments: [
        ("url = \"postgresql://relance:hunter2@db/book\"", "store.url", "password_credential"),
        ("url = \"postgresql://relance@db/book\"\nsslmode = \"prefer\"", "store.sslmode", "verify-full"),
        ("url = \"postgresql://relance@db/book\"\nsslmode = \"disable\"\nsslrootcert = \"/ca.pem\"", "store.sslrootcert", "checks no certificate"),
        ("url = \"postgresql://relance@db/book\"\npassword = \"hunter2\"", "store.password", "secrets never go in the configuration"),
        ("url = \"postgresql://relance@db/book\"\nhost = \"db\"", "store.host", "not a known setting"),
        ("sslmode = \"require\"", "store.url", "is missing"),
        ("url = \"postgresql://relance@db/book\"\npassword_credential = \"../etc/shadow\"", "store.password_credential", "credential name"),
        ("url = \"postgresql://relance@db/book\"\nclaim_seconds = 2", "store.claim_seconds", "between 10 and 86400"),
    ]) func badStoreSettingsNameTheKeyAndWhatToDo(_ store: String, _ key: String, _ advice: String) {
        #expect { _ = try Self.load(store) } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.key == key && error.message.contains(advice) && !error.description.contains("hunter2")
        }
    }

    @Test func thePasswordComesFromTheCredentialOnly() throws {
        let store = try #require(try Self.load("""
            url = "postgresql://relance@db.example/book"
            password_credential = "postgres-password"
            """).postgresStore)
        let secrets = SecretStore(environment: ["RELANCE_CREDENTIAL_POSTGRES_PASSWORD": "s3cret\n"])
        #expect(try store.resolved(secrets: secrets).password == "s3cret")
        #expect(throws: SecretError.self) { try store.resolved(secrets: SecretStore(environment: [:])) }
        let none = try #require(try Self.load("url = \"postgresql://relance@db.example/book\"").postgresStore)
        #expect(try none.resolved(secrets: secrets).password == nil)
    }

    @Test func storeFileAndAPostgreSQLURLTogetherAreRefused() {
        #expect { _ = try Self.load("url = \"postgresql://relance@db/book\"", top: "store_file = \"book.sqlite\"") } throws: {
            ($0 as? ConfigurationError)?.message.contains("both set") == true
        }
    }

    /// The synchronous `init` never opens the SQLite file in a PostgreSQL book's place.
    @Test func theRuntimesInitLeavesAPostgreSQLBookToOpen() throws {
        let configuration = try Self.load("url = \"postgresql://relance@db.example/book\"")
        #expect { _ = try RelanceRuntime(configuration: configuration, clock: ManualWallClock(DaemonFixture.monday),
                                         logger: .init(label: "test"), composesMail: false) } throws: { error in
            error is StoreNotOpened && "\(error)".contains("postgresql://relance@db.example:5432/book")
        }
    }

    /// `relance run` with `[store] url` opens PostgreSQL, never the SQLite file: a server that
    /// cannot be reached is said plainly, with its address, exit status non-zero, and nothing is
    /// created (no SQLite store, no lock file) — no silent fallback.
    @Test func runOnAnUnreachablePostgreSQLSaysSoAndCreatesNothing() throws {
        let fixture = try DaemonFixture()
        let path = fixture.workspace.url("relance.toml")
        let text = try String(contentsOf: path, encoding: .utf8)
        try fixture.workspace.write("relance.toml", text + "\n[store]\nurl = \"postgresql://relance@db.example:5432/book\"\n")
        for command in [["run", "--once"], ["plan"], ["digest"]] {
            let result = try ProcessTests.run(command, in: fixture)
            #expect(result.status != 0)
            #expect(result.output.contains("cannot open the PostgreSQL store at postgresql://relance@db.example:5432/book"), "\(result.output)")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.workspace.url("state/relance.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: fixture.workspace.url("state/relance.sqlite.lock").path))
    }
}

import Foundation
import Logging
import RelanceDaemon
import RelancePostgres
import RelanceStore
import RelanceTesting
import Testing

/// `relance store copy`'s guards before any database is reached: the source argument, a
/// missing file (never created empty), and a daemon still running on the SQLite store.
@Suite struct StoreMoveTests {
    /// Unreachable on purpose: the refusals under test come before any connection.
    private let destination = PostgresStoreConfiguration(
        settings: try! PostgresStoreSettings.parse(url: "postgresql://relance@127.0.0.1:1/book", sslMode: "disable"),
        passwordCredential: nil)

    @Test(arguments: ["/var/lib/relance/relance.sqlite", "sqlite:", "postgresql://x@y/z"])
    func aSourceThatIsNotSQLiteColonPathIsRefused(argument: String) throws {
        #expect { try StoreMove.sqliteFile(from: argument) } throws: { "\($0)".contains("--from sqlite:PATH") }
        #expect(try StoreMove.sqliteFile(from: "sqlite:state/relance.sqlite").path.hasSuffix("/state/relance.sqlite"))
    }

    @Test func aMissingStoreIsNotCreatedEmpty() async throws {
        let workspace = try TemporaryWorkspace("relance-move")
        let missing = workspace.url("state/relance.sqlite")
        await #expect { _ = try await StoreMove.copy(sqliteFile: missing, into: destination, secrets: SecretStore(environment: [:]),
                                                     logger: .init(label: "test")) } throws: { "\($0)".contains("no SQLite store there") }
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test func aStoreADaemonStillRunsOnIsNotCopied() async throws {
        let workspace = try TemporaryWorkspace("relance-move")
        let file = workspace.url("state/relance.sqlite")
        _ = try AppDatabase.openOnDisk(at: file)
        let running = try RunLock(beside: file)
        await #expect { _ = try await StoreMove.copy(sqliteFile: file, into: destination, secrets: SecretStore(environment: [:]),
                                                     logger: .init(label: "test")) } throws: { error in
            "\(error)".contains("another `relance run` is already using this store") && "\(error)".contains("stop the daemon, then copy")
        }
        withExtendedLifetime(running) {}
    }
}

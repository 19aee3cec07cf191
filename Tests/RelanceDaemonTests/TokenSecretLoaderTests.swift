import Foundation
import RelanceCore
import RelanceDaemon
import RelanceMail
import Testing

/// One signing key per state folder, even when processes start at the same moment (a daemon and a
/// command, or several daemons on one folder): a key written by one and overwritten by another
/// would leave tokens signed by the first unverifiable — bounces and replies ignored.
@Suite struct TokenSecretLoaderTests {
    /// A token signed with `secret`, to compare keys without reading them.
    func signature(_ secret: ReferenceSecret) -> String {
        ReferenceToken.make(messageID: 42, creditor: CreditorID("acme")!, secret: secret)
    }

    @Test func loadsStartingTogetherOnAFreshFolderAgreeOnOneKey() async throws {
        for _ in 0..<20 {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relance-token-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let signatures = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 {
                    group.addTask { signature(try TokenSecretLoader.load(secrets: SecretStore(environment: [:]), stateFolder: folder)) }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(signatures.count == 1)
            let kept = try #require(TokenSecretLoader.existing(secrets: SecretStore(environment: [:]), stateFolder: folder))
            #expect(signatures == [signature(kept)], "the key kept is the one they sign with")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(leftovers == ["token-secret"], "no pending file left behind")
            let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("token-secret").path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test func aSharedBookKeepsTheStateFoldersKeyWhenItHasNone() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relance-token-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let local = try TokenSecretLoader.load(secrets: SecretStore(environment: [:]), stateFolder: folder)
        // A book moved from SQLite: its first daemon proposes the key the reminders were signed with.
        let book = BookKey()
        let shared = try await TokenSecretLoader.loadShared(secrets: SecretStore(environment: [:]), stateFolder: folder) { await book.hold($0) }
        #expect(signature(shared) == signature(local))
        // Another machine's daemon, with a state folder of its own, gets the book's key, not a new one.
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("relance-token-\(UUID().uuidString)")
        let other = try await TokenSecretLoader.loadShared(secrets: SecretStore(environment: [:]), stateFolder: elsewhere) { await book.hold($0) }
        #expect(signature(other) == signature(local))
        #expect(!FileManager.default.fileExists(atPath: elsewhere.path), "nothing written in that daemon's state folder")
    }

    /// The book's side (`PostgresStore.bookSecret`): the first proposal is kept.
    actor BookKey {
        var key: [UInt8]?
        func hold(_ proposed: [UInt8]) -> [UInt8] {
            if key == nil { key = proposed }
            return key!
        }
    }
}

import Crypto
public import Foundation
public import RelanceMail

/// The key that signs reference tokens: the credential `token-secret` when provided
/// (systemd `LoadCredential=token-secret:…`); on a shared book (PostgreSQL) the book's own key,
/// so that every daemon verifies what another signed (a bounce is read by whichever daemon holds
/// the mailbox); else a random key generated once and kept in the state folder with mode 0600 —
/// never in the configuration file, never logged.
public enum TokenSecretLoader {
    public static let credentialName = "token-secret"

    /// The key if one can be read, never writing one: nil otherwise.
    public static func existing(secrets: SecretStore, stateFolder: URL) -> ReferenceSecret? {
        if let credential = credential(secrets) { return credential }
        return keptKey(in: stateFolder).flatMap { ReferenceSecret(bytes: $0) }
    }

    /// A random key that is never kept: for commands that sign nothing.
    public static func throwaway() -> ReferenceSecret {
        ReferenceSecret(bytes: randomKey())!
    }

    public static func load(secrets: SecretStore, stateFolder: URL) throws -> ReferenceSecret {
        if let credential = try requiredCredential(secrets) { return credential }
        if let kept = keptKey(in: stateFolder).flatMap({ ReferenceSecret(bytes: $0) }) { return kept }
        try FileManager.default.createDirectory(at: stateFolder, withIntermediateDirectories: true)
        return try createOnce(file(in: stateFolder))
    }

    /// The key of a shared book: the credential if given, else the book's (`book` stores the key
    /// proposed when the book has none and returns the one it holds). The proposal is the state
    /// folder's key when there is one, so that a book moved from SQLite (`relance store copy`)
    /// still verifies the tokens of the reminders sent before the move.
    public static func loadShared(secrets: SecretStore, stateFolder: URL,
                                  book: ([UInt8]) async throws -> [UInt8]) async throws -> ReferenceSecret {
        if let credential = try requiredCredential(secrets) { return credential }
        let local = keptKey(in: stateFolder).flatMap { $0.count >= ReferenceSecret.minimumByteCount ? $0 : nil }
        let held = try await book(local ?? Array(randomKey()))
        guard let secret = ReferenceSecret(bytes: held) else {
            throw SecretError(credential: credentialName, variable: SecretStore.variableName(for: credentialName))
        }
        return secret
    }

    /// The credential's key, if one is given and long enough (never throwing: for commands that only read).
    static func credential(_ secrets: SecretStore) -> ReferenceSecret? {
        (try? secrets.secret(named: credentialName)).flatMap { ReferenceSecret(bytes: Array($0.utf8)) }
    }

    private static func requiredCredential(_ secrets: SecretStore) throws -> ReferenceSecret? {
        guard let text = try? secrets.secret(named: credentialName) else { return nil }
        guard let secret = ReferenceSecret(bytes: Array(text.utf8)) else {
            throw SecretError(credential: credentialName, variable: SecretStore.variableName(for: credentialName))
        }
        return secret
    }

    private static func file(in stateFolder: URL) -> URL { stateFolder.appendingPathComponent("token-secret") }

    /// The bytes of the state folder's key file, if there is one.
    private static func keptKey(in stateFolder: URL) -> [UInt8]? {
        FileManager.default.contents(atPath: file(in: stateFolder).path).map { Array($0) }
    }

    private static func randomKey() -> Data { SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) } }

    /// Writes a new key where no process has written one, atomically: the key goes to a file of
    /// its own, which is then hard-linked under the final name — `link` fails if another process
    /// (a command, a second daemon starting at the same moment) got there first, and then its key,
    /// complete, is the one used by both. Never two keys for one state folder.
    private static func createOnce(_ file: URL) throws -> ReferenceSecret {
        let key = randomKey()
        let pending = file.deletingLastPathComponent().appendingPathComponent(".token-secret-\(getpid())-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: pending.path, contents: key, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: pending.path])
        }
        defer { unlink(pending.path) }
        if link(pending.path, file.path) == 0 { return ReferenceSecret(bytes: key)! }
        guard errno == EEXIST, let data = FileManager.default.contents(atPath: file.path), let secret = ReferenceSecret(bytes: data) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: file.path])
        }
        return secret
    }
}

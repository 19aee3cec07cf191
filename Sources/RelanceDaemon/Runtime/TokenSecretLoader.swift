import Crypto
public import Foundation
public import RelanceMail

/// The key that signs reference tokens: the credential `token-secret` when provided
/// (systemd `LoadCredential=token-secret:…`), else a random key generated once and kept in
/// the state folder with mode 0600 — never in the configuration file, never logged.
public enum TokenSecretLoader {
    public static let credentialName = "token-secret"

    /// The key if one can be read, never writing one: nil otherwise.
    public static func existing(secrets: SecretStore, stateFolder: URL) -> ReferenceSecret? {
        if let text = try? secrets.secret(named: credentialName) { return ReferenceSecret(bytes: Array(text.utf8)) }
        let file = stateFolder.appendingPathComponent("token-secret")
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return ReferenceSecret(bytes: data)
    }

    /// A random key that is never kept: for commands that sign nothing.
    public static func throwaway() -> ReferenceSecret {
        ReferenceSecret(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })!
    }

    public static func load(secrets: SecretStore, stateFolder: URL) throws -> ReferenceSecret {
        if let text = try? secrets.secret(named: credentialName) {
            guard let secret = ReferenceSecret(bytes: Array(text.utf8)) else {
                throw SecretError(credential: credentialName, variable: SecretStore.variableName(for: credentialName))
            }
            return secret
        }
        let file = stateFolder.appendingPathComponent("token-secret")
        if let data = FileManager.default.contents(atPath: file.path), let secret = ReferenceSecret(bytes: data) {
            return secret
        }
        try FileManager.default.createDirectory(at: stateFolder, withIntermediateDirectories: true)
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let created = FileManager.default.createFile(atPath: file.path, contents: key, attributes: [.posixPermissions: 0o600])
        guard created, let secret = ReferenceSecret(bytes: key) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: file.path])
        }
        return secret
    }
}

import Foundation
import RelanceCore

/// Where secrets come from: a systemd credential (`LoadCredential=NAME:…` puts the file in
/// `$CREDENTIALS_DIRECTORY/NAME`), else the environment variable `RELANCE_CREDENTIAL_<NAME>`
/// (upper case, `-` and `.` as `_`). Never the configuration file, never the logs.
public struct SecretStore: Sendable {
    public var environment: [String: String]

    /// Reads the process environment unless given one (tests give their own).
    public init(environment: [String: String]? = nil) {
        self.environment = environment ?? ProcessInfo.processInfo.environment
    }

    public static func variableName(for credential: String) -> String {
        "RELANCE_CREDENTIAL_" + credential.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }

    /// The secret, with one trailing newline removed (files written by `echo` have one).
    public func secret(named credential: String) throws(SecretError) -> String {
        if let directory = environment["CREDENTIALS_DIRECTORY"], !credential.contains("/") {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(credential)
            if let data = FileManager.default.contents(atPath: url.path) {
                return Self.trimmed(String(decoding: data, as: UTF8.self))
            }
        }
        if let value = environment[Self.variableName(for: credential)], !value.isEmpty {
            return Self.trimmed(value)
        }
        throw SecretError(credential: credential, variable: Self.variableName(for: credential))
    }

    private static func trimmed(_ text: String) -> String {
        var text = text
        if text.hasSuffix("\r\n") { text.removeLast(1) } else if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

public struct SecretError: Error, Sendable, Hashable, CustomStringConvertible {
    public var credential: String
    public var variable: String

    public var description: String { EnglishWording().credentialUnavailable(credential: credential, variable: variable) }
}

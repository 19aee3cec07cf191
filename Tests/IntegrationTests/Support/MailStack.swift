import Foundation
import Testing

/// The loopback Postfix/Dovecot that scripts/mailstack.sh starts.
///
/// Its facts come from the env file that the script writes, so that tests never hard-code a
/// port or a path the script might change.
struct MailStack: Sendable {
    let host: String
    let domain: String
    let password: String
    let caFile: String
    let maildir: String
    let smtpPort: Int
    let smtpRejectPort: Int
    let submissionPort: Int
    let smtpsPort: Int
    let imapPort: Int
    let imapsPort: Int

    static let defaultEnvFile = "/etc/relance-test/mailstack.env"

    /// Loaded from /etc/relance-test/mailstack.env (or the file named by RELANCE_MAILSTACK_ENV);
    /// nil when absent or the ports do not answer.
    static let current: MailStack? = try? discovery.get()

    /// True when RELANCE_REQUIRE_MAILSTACK=1: then a missing stack must FAIL the tests, never skip them.
    static var isRequired: Bool {
        ProcessInfo.processInfo.environment["RELANCE_REQUIRE_MAILSTACK"] == "1"
    }

    /// Returns the stack or throws a clear error ("run scripts/mailstack.sh").
    static func require() throws -> MailStack {
        try discovery.get()
    }

    /// "t05" -> "t05@relance.test"
    func address(_ user: String) -> String {
        "\(user)@\(domain)"
    }

    /// Every listening port with the name the error messages use.
    var ports: [(name: String, port: Int)] {
        [
            ("SMTP", smtpPort), ("SMTP (reject unknown)", smtpRejectPort), ("submission", submissionPort),
            ("SMTPS", smtpsPort), ("IMAP", imapPort), ("IMAPS", imapsPort),
        ]
    }

    // Looked up once per test process: every test shares the answer, and the error it keeps
    // says exactly what is missing.
    private static let discovery = Result { () throws(MailStackUnavailable) -> MailStack in try discover() }

    private static func discover() throws(MailStackUnavailable) -> MailStack {
        let envFile = ProcessInfo.processInfo.environment["RELANCE_MAILSTACK_ENV"] ?? defaultEnvFile
        let stack = try load(envFile: envFile)
        for (name, port) in stack.ports where !LoopbackProbe.answers(host: stack.host, port: port) {
            throw MailStackUnavailable(
                code: .portNotAnswering,
                envFile: envFile,
                detail: "\(name) port \(stack.host):\(port) does not accept connections"
            )
        }
        return stack
    }

    static func load(envFile: String) throws(MailStackUnavailable) -> MailStack {
        let text: String
        do {
            text = try String(contentsOfFile: envFile, encoding: .utf8)
        } catch {
            throw MailStackUnavailable(code: .missingEnvFile, envFile: envFile, detail: "cannot read it (\(error.localizedDescription))")
        }
        let values = parseEnv(text)
        func string(_ key: String) throws(MailStackUnavailable) -> String {
            guard let value = values[key], !value.isEmpty else {
                throw MailStackUnavailable(code: .missingKey, envFile: envFile, detail: "no \(key)= line")
            }
            return value
        }
        func port(_ key: String) throws(MailStackUnavailable) -> Int {
            let raw = try string(key)
            guard let port = Int(raw), (1...65_535).contains(port) else {
                throw MailStackUnavailable(code: .invalidValue, envFile: envFile, detail: "\(key)=\(raw) is not a TCP port")
            }
            return port
        }
        return MailStack(
            host: try string("RELANCE_TEST_HOST"),
            domain: try string("RELANCE_TEST_DOMAIN"),
            password: try string("RELANCE_TEST_PASSWORD"),
            caFile: try string("RELANCE_TEST_CA"),
            maildir: try string("RELANCE_TEST_MAILDIR"),
            smtpPort: try port("RELANCE_TEST_SMTP_PORT"),
            smtpRejectPort: try port("RELANCE_TEST_SMTP_REJECT_PORT"),
            submissionPort: try port("RELANCE_TEST_SUBMISSION_PORT"),
            smtpsPort: try port("RELANCE_TEST_SMTPS_PORT"),
            imapPort: try port("RELANCE_TEST_IMAP_PORT"),
            imapsPort: try port("RELANCE_TEST_IMAPS_PORT")
        )
    }

    /// KEY=VALUE lines; blank lines and # comments are ignored, the first "=" splits.
    static func parseEnv(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            values[String(trimmed[..<equals])] = String(trimmed[trimmed.index(after: equals)...])
        }
        return values
    }
}

/// Why the loopback mail stack cannot be used, and what to do about it.
struct MailStackUnavailable: Error, CustomStringConvertible, Sendable {
    enum Code: String, Sendable {
        case missingEnvFile, missingKey, invalidValue, portNotAnswering
    }

    let code: Code
    let envFile: String
    let detail: String

    var description: String {
        "mail stack unavailable [\(code.rawValue)] (\(envFile)): \(detail). "
            + "Start it as root with `bash scripts/mailstack.sh` (it writes \(MailStack.defaultEnvFile))."
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test when the stack is there, or when it is required (so that require() fails loudly); skips otherwise.
    static var mailStack: Self {
        .enabled(
            if: MailStack.current != nil || MailStack.isRequired,
            "needs the loopback mail stack: run `bash scripts/mailstack.sh` as root (or set RELANCE_REQUIRE_MAILSTACK=1 to fail instead of skip)"
        )
    }
}

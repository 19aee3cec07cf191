import CurlMail
import RelanceCore

/// An SMTP failure that a configuration key explains, said in the configuration's words:
/// a TLS/plain mismatch (`security`), a certificate the trust store does not know (`ca_file`),
/// a server that wants authentication while no credential is set (`password_credential`).
/// These are never passing faults: retrying for days would only hide them.
struct SMTPConfigurationFault {
    let settings: MailServerSettings
    /// `[creditors.ID.smtp]`: where the keys live.
    let section: String

    /// The reason to pause the outbox with, or nil when the failure is not a configuration fault.
    func reason(for error: SMTPError) -> String? {
        let server = "\(settings.host):\(settings.port)"
        let heard = error.transcript.contains { $0.direction == .server }
        switch error.code {
        case .timeout where !heard && settings.security != .tls && !Self.isConnectTimeout(error.curlMessage):
            return "\(server) accepted the connection but sent no greeting: it most likely speaks TLS from the first byte "
                + "(implicit TLS, as on port 465). Set security = \"tls\" in \(section), or use the submission port 587 with "
                + "security = \"starttls\"" + Self.said(error)
        case .tlsFailed where settings.security == .tls:
            return "the TLS handshake with \(server) failed: the server most likely starts in plain text and expects STARTTLS "
                + "(as on ports 587 and 25). Set security = \"starttls\" in \(section), or use port 465 with security = \"tls\""
                + Self.said(error)
        case .tlsFailed:
            return "the TLS handshake with \(server) failed. Check security in \(section) (\"starttls\" for port 587, "
                + "\"tls\" for port 465) and ca_file" + Self.said(error)
        case .certificateUntrusted:
            let trust = settings.caFile.map { "the CA file ca_file = \"\($0)\"" } ?? "the system's trust store (no ca_file is set)"
            return "the certificate of \(server) is not trusted by \(trust), or does not name \(settings.host). If the server "
                + "uses a private certificate authority, set ca_file in \(section) to its PEM file; check that host is the name "
                + "on the certificate" + Self.said(error)
        case .caFileUnreadable:
            return "ca_file = \"\(settings.caFile ?? "")\" in \(section) cannot be read as a PEM file: correct the path or "
                + "the file's permissions" + Self.said(error)
        case .startTLSUnavailable:
            return "\(server) does not offer STARTTLS, which security = \"starttls\" requires. Use port 587 with "
                + "security = \"starttls\" or port 465 with security = \"tls\" in \(section)" + Self.said(error)
        case .authenticationFailed:
            let credential = settings.oauth2TokenCredential.map { "oauth2_token_credential = \"\($0)\"" }
                ?? settings.passwordCredential.map { "password_credential = \"\($0)\"" } ?? "the credential"
            return "\(server) refused the login of username = \"\(settings.username ?? "")\": check the secret held by "
                + "\(credential) in \(section), and username" + Self.said(error)
        default:
            return missingCredential(error)
        }
    }

    /// A server that offers AUTH, or refuses for a policy reason (X.7.x, 530), while we have
    /// no credential to give it.
    func missingCredential(_ error: SMTPError) -> String? {
        guard settings.passwordCredential == nil, settings.oauth2TokenCredential == nil else { return nil }
        let replies = error.recipients.map(\.reply) + [error.serverReply].compactMap { $0 }
        let policy = replies.first { $0.code == 530 || $0.enhancedStatus?.subject == 7 }
        let offersAuth = error.transcript.contains { $0.direction == .server && $0.text.uppercased().dropFirst(4).hasPrefix("AUTH") }
        guard let policy, offersAuth || policy.code == 530 else { return nil }
        return "\(settings.host):\(settings.port) wants authentication (it offers AUTH and refused the message: \"\(policy)\"), "
            + "but no credential is configured: set username and password_credential (or oauth2_token_credential) in \(section)"
    }

    /// libcurl says "Connection timed out" or "Failed to connect" when TCP itself never completed.
    private static func isConnectTimeout(_ message: String?) -> Bool {
        guard let message = message?.lowercased() else { return false }
        return message.contains("connection timed out") || message.contains("failed to connect") || message.contains("resolving timed out")
    }

    private static func said(_ error: SMTPError) -> String {
        var parts: [String] = []
        if let reply = error.serverReply { parts.append("server: \"\(reply)\"") }
        if let message = error.curlMessage { parts.append("libcurl: \(message)") }
        return parts.isEmpty ? "." : " (\(parts.joined(separator: "; ")))."
    }
}

import CurlMail
import RelanceCore

/// An SMTP failure that a configuration key explains: a TLS/plain mismatch (`security`), a
/// certificate the trust store does not know (`ca_file`), a server that wants authentication
/// while no credential is set (`password_credential`). These are never passing faults: retrying
/// for days would only hide them. The fault is facts; the creditor's wording says it.
struct SMTPConfigurationFault {
    let settings: MailServerSettings
    /// `[creditors.ID.smtp]`: where the keys live.
    let section: String

    /// The fault to pause the outbox for, or nil when the failure is not a configuration fault.
    func fault(for error: SMTPError) -> SendingSettingFault? {
        let heard = error.transcript.contains { $0.direction == .server }
        let kind: SendingSettingFault.Kind
        switch error.code {
        case .timeout where !heard && settings.security != .tls && !Self.isConnectTimeout(error.curlMessage):
            kind = .noGreeting
        case .tlsFailed where settings.security == .tls:
            kind = .handshakeExpectsStartTLS
        case .tlsFailed:
            kind = .handshakeFailed
        case .certificateUntrusted:
            kind = .certificateUntrusted(host: settings.host, caFile: settings.caFile)
        case .caFileUnreadable:
            kind = .caFileUnreadable(caFile: settings.caFile ?? "")
        case .startTLSUnavailable:
            kind = .startTLSUnavailable
        case .authenticationFailed:
            let credential = settings.oauth2TokenCredential.map { "oauth2_token_credential = \"\($0)\"" }
                ?? settings.passwordCredential.map { "password_credential = \"\($0)\"" }
            kind = .loginRefused(username: settings.username ?? "", credential: credential)
        default:
            guard let policy = missingCredential(error) else { return nil }
            return SendingSettingFault(.credentialMissing(policyReply: policy), server: server, section: section)
        }
        return SendingSettingFault(kind, server: server, section: section,
                                   serverReply: error.serverReply.map { "\($0)" }, libcurl: error.curlMessage)
    }

    private var server: String { "\(settings.host):\(settings.port)" }

    /// A server that offers AUTH, or refuses for a policy reason (X.7.x, 530), while we have
    /// no credential to give it: its refusal.
    func missingCredential(_ error: SMTPError) -> String? {
        guard settings.passwordCredential == nil, settings.oauth2TokenCredential == nil else { return nil }
        let replies = error.recipients.map(\.reply) + [error.serverReply].compactMap { $0 }
        let policy = replies.first { $0.code == 530 || $0.enhancedStatus?.subject == 7 }
        let offersAuth = error.transcript.contains { $0.direction == .server && $0.text.uppercased().dropFirst(4).hasPrefix("AUTH") }
        guard let policy, offersAuth || policy.code == 530 else { return nil }
        return "\(policy)"
    }

    /// libcurl says "Connection timed out" or "Failed to connect" when TCP itself never completed.
    private static func isConnectTimeout(_ message: String?) -> Bool {
        guard let message = message?.lowercased() else { return false }
        return message.contains("connection timed out") || message.contains("failed to connect") || message.contains("resolving timed out")
    }
}

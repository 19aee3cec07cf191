import CurlMail

extension MailServerSettings {
    /// An IMAP client for these settings, credentials read from the secret store.
    func imapClient(secrets: SecretStore) throws -> IMAPClient {
        let user = username ?? ""
        let credentials: MailCredentials
        if let name = oauth2TokenCredential {
            credentials = .oauth2(user: user, bearerToken: try secrets.secret(named: name))
        } else if let name = passwordCredential {
            credentials = .password(user: user, password: try secrets.secret(named: name))
        } else {
            credentials = .none
        }
        return try IMAPClient(endpoint: IMAPEndpoint(host: host, port: port, security: security.curlMail, credentials: credentials,
                                                    caFile: caFile, timeouts: MailTimeouts(operation: .seconds(timeoutSeconds))))
    }
}

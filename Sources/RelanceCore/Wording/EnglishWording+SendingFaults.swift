extension EnglishWording {
    /// The configuration's words: each fault names the key to fix and the section it lives in.
    public func settingFault(_ fault: SendingSettingFault) -> String {
        let server = fault.server, section = fault.section
        switch fault.kind {
        case .noGreeting:
            return "\(server) accepted the connection but sent no greeting: it most likely speaks TLS from the first byte "
                + "(implicit TLS, as on port 465). Set security = \"tls\" in \(section), or use the submission port 587 with "
                + "security = \"starttls\"" + said(fault)
        case .handshakeExpectsStartTLS:
            return "the TLS handshake with \(server) failed: the server most likely starts in plain text and expects STARTTLS "
                + "(as on ports 587 and 25). Set security = \"starttls\" in \(section), or use port 465 with security = \"tls\""
                + said(fault)
        case .handshakeFailed:
            return "the TLS handshake with \(server) failed. Check security in \(section) (\"starttls\" for port 587, "
                + "\"tls\" for port 465) and ca_file" + said(fault)
        case .certificateUntrusted(let host, let caFile):
            let trust = caFile.map { "the CA file ca_file = \"\($0)\"" } ?? "the system's trust store (no ca_file is set)"
            return "the certificate of \(server) is not trusted by \(trust), or does not name \(host). If the server "
                + "uses a private certificate authority, set ca_file in \(section) to its PEM file; check that host is the name "
                + "on the certificate" + said(fault)
        case .caFileUnreadable(let caFile):
            return "ca_file = \"\(caFile)\" in \(section) cannot be read as a PEM file: correct the path or "
                + "the file's permissions" + said(fault)
        case .startTLSUnavailable:
            return "\(server) does not offer STARTTLS, which security = \"starttls\" requires. Use port 587 with "
                + "security = \"starttls\" or port 465 with security = \"tls\" in \(section)" + said(fault)
        case .loginRefused(let username, let credential):
            return "\(server) refused the login of username = \"\(username)\": check the secret held by "
                + "\(credential ?? "the credential") in \(section), and username" + said(fault)
        case .credentialMissing(let policyReply):
            return "\(server) wants authentication (it offers AUTH and refused the message: \"\(policyReply)\"), "
                + "but no credential is configured: set username and password_credential (or oauth2_token_credential) in \(section)"
        case .credentialUnavailable(let credential, let variable):
            return credentialUnavailable(credential: credential, variable: variable)
        case .evidenceCredentialUnavailable(let credential, let variable):
            return "the evidence mailbox cannot be read, so an interrupted send could not be settled: "
                + credentialUnavailable(credential: credential, variable: variable) + " (the credential named in \(section))"
        case .evidenceSettingsUnusable(let detail):
            return "the evidence mailbox settings in \(section) cannot be used: \(detail)"
        case .evidenceFolderMissing(let folder, let key, let keySection):
            return "the evidence folder \"\(folder)\" does not exist on \(server) (\(key) in \(keySection)): "
                + "an interrupted send could never be found there and would be sent twice. Correct \(key) in \(keySection)."
        case .evidenceLoginRefused(let username):
            return "the evidence mailbox on \(server) refused the login of username = \"\(username)\": "
                + "check the secret of password_credential in \(section)."
        case .evidenceUnreadable(let detail):
            return "the evidence mailbox in \(section) cannot be read: \(detail)"
        }
    }

    /// Also `SecretError`'s description, for the CLI and the logs.
    public func credentialUnavailable(credential: String, variable: String) -> String {
        "credential \"\(credential)\" is not available: provide it with systemd (LoadCredential=\(credential):/path/to/file) "
            + "or in the environment variable \(variable)"
    }

    private func said(_ fault: SendingSettingFault) -> String {
        var parts: [String] = []
        if let reply = fault.serverReply { parts.append("server: \"\(reply)\"") }
        if let message = fault.libcurl { parts.append("libcurl: \(message)") }
        return parts.isEmpty ? "." : " (\(parts.joined(separator: "; ")))."
    }
}

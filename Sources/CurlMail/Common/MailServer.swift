import CCurl

/// What SMTP and IMAP endpoints share: where the server is and how to reach it safely.
struct MailServer: Sendable, Hashable {
    var host: String
    var port: Int
    var security: MailSecurity
    var credentials: MailCredentials
    var caFile: String?
    var timeouts: MailTimeouts

    /// Why the settings cannot be used, or nil. Checked before anything reaches libcurl,
    /// because the host is pasted into a URL.
    var problem: String? {
        if host.isEmpty { return "the server host name is empty" }
        let allowed = host.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "-" || scalar == ":" || scalar == "_")
        }
        if !allowed { return "the server host name \"\(host)\" has characters a host name or IP address cannot have" }
        if !(1...65535).contains(port) { return "the port \(port) is not between 1 and 65535" }
        return nil
    }

    /// `scheme://host:port`, with IPv6 literals bracketed.
    func baseURL(plainScheme: String, tlsScheme: String) -> String {
        let scheme = security == .implicitTLS ? tlsScheme : plainScheme
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(hostPart):\(port)"
    }

    /// Applies security, credentials and timeouts. Called once per handle; URLs change per operation.
    func configure(_ easy: CurlEasy) {
        switch security {
        case .startTLS: easy.set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
        case .implicitTLS, .plain: easy.set(CURLOPT_USE_SSL, Int(CURLUSESSL_NONE.rawValue))
        }
        easy.set(CURLOPT_SSL_VERIFYPEER, true)
        easy.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile { easy.set(CURLOPT_CAINFO, caFile) }
        switch credentials {
        case .none:
            break
        case .password(let user, let password):
            easy.set(CURLOPT_USERNAME, user)
            easy.set(CURLOPT_PASSWORD, password)
        case .oauth2(let user, let token):
            easy.set(CURLOPT_USERNAME, user)
            easy.set(CURLOPT_XOAUTH2_BEARER, token)
        }
        easy.set(CURLOPT_CONNECTTIMEOUT_MS, timeouts.connect.curlMilliseconds)
        easy.set(CURLOPT_TIMEOUT_MS, timeouts.operation.curlMilliseconds)
        easy.set(CURLOPT_LOW_SPEED_LIMIT, timeouts.lowSpeedBytesPerSecond)
        easy.set(CURLOPT_LOW_SPEED_TIME, max(1, Int(timeouts.lowSpeedWindow.components.seconds)))
        // Never let a mail transfer wander to another protocol or host.
        easy.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps,imap,imaps")
        easy.set(CURLOPT_NOSIGNAL, true)
    }
}

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

    /// Applies security, credentials and timeouts, once per handle (URLs change per operation).
    /// Returns what libcurl refused, if anything: a security option that silently did not take
    /// effect would leave the connection less protected than configured.
    func configure(_ easy: CurlEasy) -> String? {
        var results: [(String, CURLcode)] = []
        func apply(_ name: String, _ code: CURLcode) { results.append((name, code)) }
        switch security {
        case .startTLS: apply("USE_SSL", easy.set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)))
        case .implicitTLS, .plain: apply("USE_SSL", easy.set(CURLOPT_USE_SSL, Int(CURLUSESSL_NONE.rawValue)))
        }
        apply("SSL_VERIFYPEER", easy.set(CURLOPT_SSL_VERIFYPEER, true))
        apply("SSL_VERIFYHOST", easy.set(CURLOPT_SSL_VERIFYHOST, 2))
        if let caFile { apply("CAINFO", easy.set(CURLOPT_CAINFO, caFile)) }
        switch credentials {
        case .none:
            break
        case .password(let user, let password):
            apply("USERNAME", easy.set(CURLOPT_USERNAME, user))
            apply("PASSWORD", easy.set(CURLOPT_PASSWORD, password))
        case .oauth2(let user, let token):
            apply("USERNAME", easy.set(CURLOPT_USERNAME, user))
            apply("XOAUTH2_BEARER", easy.set(CURLOPT_XOAUTH2_BEARER, token))
        }
        apply("CONNECTTIMEOUT_MS", easy.set(CURLOPT_CONNECTTIMEOUT_MS, timeouts.connect.curlMilliseconds))
        apply("TIMEOUT_MS", easy.set(CURLOPT_TIMEOUT_MS, timeouts.operation.curlMilliseconds))
        apply("LOW_SPEED_LIMIT", easy.set(CURLOPT_LOW_SPEED_LIMIT, timeouts.lowSpeedBytesPerSecond))
        apply("LOW_SPEED_TIME", easy.set(CURLOPT_LOW_SPEED_TIME, max(1, Int(timeouts.lowSpeedWindow.components.seconds))))
        // Never let a mail transfer wander to another protocol.
        apply("PROTOCOLS_STR", easy.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps,imap,imaps"))
        // Timeouts must not rely on SIGALRM, which is process-wide.
        apply("NOSIGNAL", easy.set(CURLOPT_NOSIGNAL, true))
        guard let (name, code) = results.first(where: { $0.1 != CURLE_OK }) else { return nil }
        return "libcurl refused CURLOPT_\(name): \(String(cString: curl_easy_strerror(code)))"
    }
}

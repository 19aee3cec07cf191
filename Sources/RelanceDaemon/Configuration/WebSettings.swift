/// `[web]`: the console served by `relance run`. Absent, there is no console.
public struct WebSettings: Sendable, Hashable {
    /// Loopback by default: put a TLS reverse proxy in front to reach it from elsewhere.
    public var host: String
    public var port: Int
    /// `Secure` on the session cookie: set when browsers reach the console over HTTPS (a proxy).
    public var secureCookies: Bool
    /// A session ends after this long without a request.
    public var sessionIdleMinutes: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, sessionIdleMinutes: Int = 480) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.sessionIdleMinutes = sessionIdleMinutes
    }
}

enum WebSettingsReader {
    static func read(_ table: ConfigTable?) throws(ConfigurationError) -> WebSettings? {
        guard let table else { return nil }
        try table.refuseUnknownKeys(["listen", "secure_cookies", "session_idle_minutes"])
        var settings = WebSettings()
        if let listen = try table.string("listen") {
            // "HOST:PORT"; the port after the last colon so that "[::1]:8080" reads too.
            guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (1...65_535).contains(port),
                  colon > listen.startIndex
            else {
                throw table.error("listen", "must be HOST:PORT, such as \"127.0.0.1:8080\"")
            }
            settings.host = String(listen[..<colon]).trimmingCharacters(in: ["[", "]"])
            settings.port = port
        }
        settings.secureCookies = try table.bool("secure_cookies") ?? false
        settings.sessionIdleMinutes = try table.int("session_idle_minutes", in: 5...10_080) ?? 480
        return settings
    }
}

/// How to authenticate. Descriptions never include the secret, so endpoints can be logged.
public enum MailCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    case none
    /// SASL PLAIN or LOGIN (SMTP), LOGIN or AUTHENTICATE (IMAP), chosen by libcurl.
    case password(user: String, password: String)
    /// SASL XOAUTH2 / OAUTHBEARER with an access token the caller obtained and refreshes.
    case oauth2(user: String, bearerToken: String)

    public var description: String {
        switch self {
        case .none: "no authentication"
        case .password(let user, _): "password of \(user)"
        case .oauth2(let user, _): "OAuth 2 token of \(user)"
        }
    }

    /// The same as `description`: `print(endpoint)` and `dump` use this one.
    public var debugDescription: String { description }
}

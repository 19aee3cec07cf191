/// How a mail connection is protected. Certificates are always verified (peer and host name);
/// there is deliberately no option to turn verification off: use `caFile` for a private CA.
public enum MailSecurity: Sendable, Hashable {
    /// Plain connection upgraded with STARTTLS, which is required: the transfer fails rather
    /// than continue in clear if the server does not offer it. The default.
    case startTLS
    /// TLS from the first byte (SMTPS on 465, IMAPS on 993).
    case implicitTLS
    /// No encryption at all. Only for a relay on the same host or a test server; anything
    /// sent, including credentials, is readable on the network.
    case plain
}

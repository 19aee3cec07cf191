/// The key that signs reference tokens. Its description never shows the key, so logging a
/// configuration or an error that holds one cannot leak it.
public struct ReferenceSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// At least 128 bits: the token's 80-bit tag is only as strong as the key behind it.
    public static let minimumByteCount = 16

    /// The key's HMAC-SHA256, its padded blocks hashed once here rather than for every token.
    let hmac: HMACSHA256

    /// Nil when `bytes` is shorter than `minimumByteCount`.
    public init?(bytes: some Sequence<UInt8>) {
        let array = Array(bytes)
        guard array.count >= ReferenceSecret.minimumByteCount else { return nil }
        hmac = HMACSHA256(key: array)
    }

    public var description: String { "ReferenceSecret(redacted)" }
    public var debugDescription: String { description }
}

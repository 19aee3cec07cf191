import Crypto

/// The key that signs reference tokens. Its description never shows the key, so logging a
/// configuration or an error that holds one cannot leak it.
public struct ReferenceSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// At least 128 bits: the token's 80-bit tag is only as strong as the key behind it.
    public static let minimumByteCount = 16

    /// Raw bytes rather than a `SymmetricKey`, which swift-crypto does not declare `Sendable`.
    private let bytes: [UInt8]

    var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// Nil when `bytes` is shorter than `minimumByteCount`.
    public init?(bytes: some Sequence<UInt8>) {
        let array = Array(bytes)
        guard array.count >= ReferenceSecret.minimumByteCount else { return nil }
        self.bytes = array
    }

    public var description: String { "ReferenceSecret(redacted)" }
    public var debugDescription: String { description }
}

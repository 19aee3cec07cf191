import Crypto

/// HMAC-SHA256 (RFC 2104) for one key, its two padded key blocks hashed once, when the key is
/// read: each code then costs one copy of each precomputed SHA-256 state and two finalisations.
/// `HMAC<SHA256>` hashed both blocks again for every reference token, through a `SymmetricKey`
/// and generic `DataProtocol` calls whose metadata lookups were most of its cost (issue #17).
/// The codes are `HMAC<SHA256>`'s, byte for byte (`HMACSHA256Tests`).
struct HMACSHA256: Sendable {
    private let pads: PaddedKey

    init(key: [UInt8]) {
        pads = PaddedKey(key: key)
    }

    /// The 32-byte code of `message`.
    func code(for message: UnsafeRawBufferPointer) -> SHA256.Digest {
        var inner = pads.inner
        inner.update(bufferPointer: message)
        let innerDigest = inner.finalize()
        var outer = pads.outer
        innerDigest.withUnsafeBytes { outer.update(bufferPointer: $0) }
        return outer.finalize()
    }

    func code(for message: [UInt8]) -> SHA256.Digest {
        message.withUnsafeBytes { code(for: $0) }
    }

    /// The hash states after the key XOR ipad and the key XOR opad. Never mutated after `init`:
    /// `code(for:)` updates copies, and `SHA256` copies its context before writing to one it
    /// shares, so threads may share one `PaddedKey` (swift-crypto does not declare `SHA256`
    /// `Sendable`, hence the unchecked conformance).
    private final class PaddedKey: @unchecked Sendable {
        let inner: SHA256
        let outer: SHA256

        init(key: [UInt8]) {
            // RFC 2104 §2: a key longer than the block is hashed first; the block is zero-padded.
            var block = key.count > SHA256.blockByteCount ? Array(SHA256.hash(data: key)) : key
            block += repeatElement(0, count: SHA256.blockByteCount - block.count)
            var inner = SHA256()
            inner.update(data: block.map { $0 ^ 0x36 })
            var outer = SHA256()
            outer.update(data: block.map { $0 ^ 0x5C })
            self.inner = inner
            self.outer = outer
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A piece reference or a letter as the bytes it was read from (in a `LedgerText`), used as a
/// key where a String was: equal exactly when their Strings are, and hashed as their String is.
/// Two keys from lines without bytes above 0x7F are compared as bytes, their first eight in one
/// step (most keys differ there, letters are shorter); any other pair as Strings, which compare
/// by canonical equivalence (`é` written in one scalar or two, the Kelvin sign and `K`).
struct TextBytes: Hashable {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The line it came from held no byte above 0x7F.
    let isASCII: Bool
    /// Its first eight bytes (zero-padded), in the machine's order: only compared with another's.
    private let head: UInt64

    init(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        self.bytes = bytes
        self.isASCII = isASCII
        if bytes.count >= 8 {
            head = UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(as: UInt64.self)
        } else {
            var head: UInt64 = 0
            for index in 0..<bytes.count { head |= UInt64(bytes[index]) << (8 * index) }
            self.head = head
        }
    }

    var isEmpty: Bool { bytes.isEmpty }
    var string: String { String(decoding: bytes, as: UTF8.self) }

    static func == (a: TextBytes, b: TextBytes) -> Bool {
        guard a.isASCII && b.isASCII else { return a.string == b.string }
        let count = a.bytes.count
        guard a.head == b.head, count == b.bytes.count else { return false }
        return count <= 8 || memcmp(a.bytes.baseAddress! + 8, b.bytes.baseAddress! + 8, count - 8) == 0
    }

    /// As the String hashes: keys that are equal as Strings but not as bytes must land together.
    /// Only dictionaries hash (an account's keys past `FirstSeenMap.linearLimit`, shared references).
    func hash(into hasher: inout Hasher) {
        hasher.combine(string)
    }
}

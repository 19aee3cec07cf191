#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The customer accounts a stretch of a FEC has met, numbered in the order met and looked up
/// by their bytes: every customer line names its account, and a `[String: Int]` would build a
/// String and hash it with SipHash on each of them (a million-line ledger has 400,000).
///
/// Open addressing over a power-of-two table, at most half full; the keys' bytes are kept
/// end to end in one array, so the table holds no object per customer.
struct CustomerNumbers {
    /// Account number + 1 in each slot; 0 is an empty slot.
    private var slots = [Int32](repeating: 0, count: 1024)
    private var keyBytes: [UInt8] = []
    /// Key `n` is `keyBytes[keyStarts[n]..<keyStarts[n + 1]]`.
    private var keyStarts: [Int] = [0]

    var count: Int { keyStarts.count - 1 }

    /// The number of `key`, given the next one (`count`) when it is new.
    mutating func number(of key: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            if matches(number, key) { return (number, false) }
            slot = (slot + 1) & (slots.count - 1)
        }
        let number = count
        slots[slot] = Int32(truncatingIfNeeded: number + 1)
        keyBytes.append(contentsOf: key)
        keyStarts.append(keyBytes.count)
        if 2 * count > slots.count { grow() }
        return (number, true)
    }

    private func matches(_ number: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = keyStarts[number], end = keyStarts[number + 1]
        guard end - start == key.count else { return false }
        guard !key.isEmpty, let base = key.baseAddress else { return true }
        // memcmp: the generic `elementsEqual` compared byte by byte through its iterators.
        return keyBytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, key.count) == 0 }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: 2 * slots.count)
        let mask = slots.count - 1
        keyBytes.withUnsafeBufferPointer { stored in
            for number in 0..<count {
                let key = UnsafeBufferPointer(rebasing: stored[keyStarts[number]..<keyStarts[number + 1]])
                var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(truncatingIfNeeded: number + 1)
            }
        }
    }

    /// FNV-1a, then its high bits folded down: the table indexes with the low ones.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash ^ (hash >> 29)
    }
}

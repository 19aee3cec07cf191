#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The customer accounts a stretch of a FEC has met, numbered in the order met and looked up
/// by their bytes: every customer line names its account, and a `[String: Int]` would build a
/// String and hash it with SipHash on each of them (a million-line ledger has 400,000).
///
/// Open addressing over a power-of-two table, at most half full. Each slot holds the key's
/// first 16 bytes and its length beside its number: customers come in no order, so each
/// lookup lands in a part of the table out of the processor's cache, and a key of up to 16
/// bytes (nearly all) is then compared without a second miss to fetch its bytes. Longer keys
/// compare the rest with their bytes, kept end to end in one array.
struct CustomerNumbers {
    private struct Slot {
        /// The key's bytes 0–7 and 8–15, little-endian, zero past its end.
        var head: UInt64 = 0
        var tail: UInt64 = 0
        var length: UInt32 = 0
        /// Account number + 1; 0 is an empty slot.
        var number: Int32 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var keyBytes: [UInt8] = []
    /// Key `n` is `keyBytes[keyStarts[n]..<keyStarts[n + 1]]`.
    private var keyStarts: [Int] = [0]

    var count: Int { keyStarts.count - 1 }

    /// The number of `key`, given the next one (`count`) when it is new.
    mutating func number(of key: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        let (head, tail) = Self.words(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(head, tail, key)) & mask
        while true {
            let found = slots[slot]
            if found.number == 0 { break }
            if found.head == head, found.tail == tail, Int(found.length) == key.count {
                let number = Int(found.number) - 1
                if key.count <= 16 || matches(number, key) { return (number, false) }
            }
            slot = (slot + 1) & mask
        }
        let number = count
        slots[slot] = Slot(head: head, tail: tail, length: UInt32(truncatingIfNeeded: key.count),
                           number: Int32(truncatingIfNeeded: number + 1))
        keyBytes.append(contentsOf: key)
        keyStarts.append(keyBytes.count)
        if 2 * count > slots.count { grow() }
        return (number, true)
    }

    private func matches(_ number: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = keyStarts[number], end = keyStarts[number + 1]
        guard end - start == key.count else { return false }
        guard !key.isEmpty, let base = key.baseAddress else { return true }
        return keyBytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, key.count) == 0 }
    }

    private mutating func grow() {
        var table = [Slot](repeating: Slot(), count: 2 * slots.count)
        let mask = table.count - 1
        for old in slots where old.number != 0 {
            let number = Int(old.number) - 1
            let hash = keyBytes.withUnsafeBufferPointer { stored in
                Self.hash(old.head, old.tail, UnsafeBufferPointer(rebasing: stored[keyStarts[number]..<keyStarts[number + 1]]))
            }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while table[slot].number != 0 { slot = (slot + 1) & mask }
            table[slot] = old
        }
        slots = table
    }

    /// The key's first 16 bytes as two little-endian words, zero past its end.
    static func words(_ key: UnsafeBufferPointer<UInt8>) -> (head: UInt64, tail: UInt64) {
        var head: UInt64 = 0, tail: UInt64 = 0
        for index in 0..<min(key.count, 8) { head |= UInt64(key[index]) << (8 * index) }
        if key.count > 8 {
            for index in 8..<min(key.count, 16) { tail |= UInt64(key[index]) << (8 * (index - 8)) }
        }
        return (head, tail)
    }

    /// The two words and the length mixed by multiplication, then any bytes past the 16th
    /// (FNV-1a), then the high bits folded down: the table indexes with the low ones.
    static func hash(_ head: UInt64, _ tail: UInt64, _ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(key.count)
        if key.count > 16 {
            for byte in key[16...] { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        hash = (hash ^ (hash >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return hash ^ (hash >> 29)
    }
}

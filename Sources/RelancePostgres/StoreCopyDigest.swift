import Crypto
import Foundation
public import RelanceCore

/// The checksum `relance store copy` compares on both sides of a copy: one table's rows, each
/// written in one canonical form per column type, so that SQLite's `1` and PostgreSQL's `true`,
/// SQLite's `2026-11-30 09:00:00.369` and PostgreSQL's `2026-11-30 09:00:00.369+00`, or two
/// spellings of the same JSON agree, and any other difference does not. Row order does not
/// count (the digests of the rows are sorted): the two databases need not list rows alike.
public struct StoreCopyDigest: Sendable {
    /// PostgreSQL's `information_schema.columns.data_type` of each column, in the rows' order.
    let types: [String]
    private var rowDigests: [[UInt8]] = []

    public init(types: [String]) {
        self.types = types
    }

    public var rowCount: Int { rowDigests.count }

    /// Adds a row of the source (SQLite's cells).
    public mutating func add(_ cells: [StoreCopyCell]) throws(PostgresStoreError) {
        var hasher = SHA256()
        for (cell, type) in zip(cells, types) {
            switch cell {
            case .null: Self.feedNull(&hasher)
            // Text in a bytea column (SQLite without STRICT allows it) is copied as its UTF-8 bytes.
            case .text(let text) where type == "bytea": Self.feed(Array(text.utf8), &hasher)
            case .text(let text): Self.feed(try Self.canonical(text, type: type), &hasher)
            case .blob(let bytes): Self.feed(bytes, &hasher)
            }
        }
        rowDigests.append(Array(hasher.finalize()))
    }

    /// Adds a row of the destination: every column read as PostgreSQL's text (`column::text`).
    public mutating func add(texts: [String?]) throws(PostgresStoreError) {
        var hasher = SHA256()
        for (text, type) in zip(texts, types) {
            guard let text else { Self.feedNull(&hasher); continue }
            if type == "bytea" {
                // `bytea_output = 'hex'`: `\x` then two hex digits a byte.
                guard let bytes = Self.bytes(fromHex: text) else { throw Self.notA(type, text) }
                Self.feed(bytes, &hasher)
            } else {
                Self.feed(try Self.canonical(text, type: type), &hasher)
            }
        }
        rowDigests.append(Array(hasher.finalize()))
    }

    /// The table's checksum, in hex.
    public var checksum: String {
        var hasher = SHA256()
        for digest in rowDigests.sorted(by: { $0.lexicographicallyPrecedes($1) }) { hasher.update(data: digest) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private static func feedNull(_ hasher: inout SHA256) {
        hasher.update(data: [0x00, 0x4E, 0x00])  // not a value any text cell can take
    }

    private static func feed(_ text: String, _ hasher: inout SHA256) {
        feed(Array(text.utf8), &hasher)
    }

    private static func feed(_ bytes: [UInt8], _ hasher: inout SHA256) {
        // Length first: `ab`,`c` and `a`,`bc` must not hash alike.
        hasher.update(data: Array("\(bytes.count):".utf8))
        hasher.update(data: bytes)
    }

    /// `\xdead00` → [0xDE, 0xAD, 0x00]; nil unless it is exactly that shape.
    static func bytes(fromHex text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count >= 2, digits[0] == 0x5C, digits[1] == 0x78, digits.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case 0x30...0x39: digit - 0x30
            case 0x61...0x66: digit - 0x61 + 10
            case 0x41...0x46: digit - 0x41 + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2 - 1)
        var at = 2
        while at < digits.count {
            guard let high = value(digits[at]), let low = value(digits[at + 1]) else { return nil }
            bytes.append(high << 4 | low)
            at += 2
        }
        return bytes
    }

    /// One value of a column of PostgreSQL type `type`, in the form both sides agree on.
    static func canonical(_ text: String, type: String) throws(PostgresStoreError) -> String {
        switch type {
        case "bigint", "integer", "smallint":
            guard let integer = Int64(text) else { throw notA(type, text) }
            return String(integer)
        case "boolean":
            switch text {
            case "1", "t", "true": return "t"
            case "0", "f", "false": return "f"
            default: throw notA(type, text)
            }
        case "double precision", "real", "numeric":
            guard let real = Double(text) else { throw notA(type, text) }
            return "\(real)"
        case "timestamp with time zone":
            guard let microseconds = InstantText.microsecondsSinceEpoch(text) else { throw notA(type, text) }
            return String(microseconds)
        case "jsonb", "json":
            guard let data = text.data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
                  let again = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed]) else {
                throw notA(type, text)
            }
            return String(decoding: again, as: UTF8.self)
        default:
            return text
        }
    }

    static func notA(_ type: String, _ text: String) -> PostgresStoreError {
        PostgresStoreError(.copyRefused, "a value that is not a valid \(type)", context: ["value": String(text.prefix(80))])
    }
}

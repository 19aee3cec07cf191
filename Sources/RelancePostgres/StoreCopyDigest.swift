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
            case .text(let text): Self.feed(try Self.canonical(text, type: type), &hasher)
            case .blob(let bytes): Self.feed(Self.hex(bytes), &hasher)
            }
        }
        rowDigests.append(Array(hasher.finalize()))
    }

    /// Adds a row of the destination: every column read as PostgreSQL's text (`column::text`).
    public mutating func add(texts: [String?]) throws(PostgresStoreError) {
        var hasher = SHA256()
        for (text, type) in zip(texts, types) {
            guard let text else { Self.feedNull(&hasher); continue }
            let value = type == "bytea" ? String(text.dropFirst(text.hasPrefix("\\x") ? 2 : 0)) : text
            Self.feed(try Self.canonical(value, type: type), &hasher)
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
        // Length first: `ab`,`c` and `a`,`bc` must not hash alike.
        hasher.update(data: Array("\(text.utf8.count):".utf8))
        hasher.update(data: Array(text.utf8))
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
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
        case "bytea":
            return text.lowercased()
        default:
            return text
        }
    }

    private static func notA(_ type: String, _ text: String) -> PostgresStoreError {
        PostgresStoreError(.copyRefused, "a value that is not a valid \(type)", context: ["value": String(text.prefix(80))])
    }
}

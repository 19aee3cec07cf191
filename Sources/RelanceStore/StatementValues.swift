import GRDB
import GRDBSQLite

/// The values of one run of a prepared statement, bound straight to SQLite: integers as they
/// are, texts gathered in one byte buffer and bound where they lie (`SQLITE_STATIC`) for the
/// length of the run. A first load binds 17 values for each of 100,000 invoices: GRDB's
/// `DatabaseValue` per value, then SQLite's copy of each text (a `malloc` and a `free` under its
/// memory mutex) and Swift's C string of each short text, cost more than the INSERT's own
/// work on the row (issue #17). Reused run after run: `removeAll()` keeps the capacity.
struct StatementValues {
    private enum Slot {
        case null
        case integer(Int64)
        /// `count` UTF-8 bytes at `start` in `bytes`.
        case text(start: Int, count: Int)
    }

    private var slots: [Slot] = []
    private var bytes: [UInt8] = []

    /// How many values are queued.
    var count: Int { slots.count }

    mutating func append(_ value: Int64) { slots.append(.integer(value)) }

    mutating func append(_ value: Int64?) { slots.append(value.map(Slot.integer) ?? .null) }

    mutating func append(_ value: Bool) { slots.append(.integer(value ? 1 : 0)) }

    /// Up to its first NUL, if any, as GRDB binds a `String` (a C string).
    mutating func append(_ value: String) {
        var text = value
        let start = bytes.count
        text.withUTF8 { utf8 in bytes.append(contentsOf: utf8[..<(utf8.firstIndex(of: 0) ?? utf8.endIndex)]) }
        slots.append(.text(start: start, count: bytes.count - start))
    }

    mutating func append(_ value: String?) {
        if let value { append(value) } else { slots.append(.null) }
    }

    mutating func removeAll() {
        slots.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Binds the values in order to `statement` (reset first), runs `body` — `execute()`, or a
    /// fetch without arguments — while the texts lie where they were bound, then clears the
    /// bindings, so that the statement never keeps a pointer into this buffer past the run.
    func run<T>(_ statement: Statement, _ body: (Statement) throws -> T) throws -> T {
        precondition(slots.count == Int(sqlite3_bind_parameter_count(statement.sqliteStatement)),
                     "\(slots.count) values for \(sqlite3_bind_parameter_count(statement.sqliteStatement)) parameters")
        // GRDB's own reset and validation, once per run: `execute()` then only resets.
        statement.setUncheckedArguments(StatementArguments())
        let handle = statement.sqliteStatement
        defer { sqlite3_clear_bindings(handle) }
        return try bytes.withUnsafeBufferPointer { buffer in
            for (offset, slot) in slots.enumerated() {
                let index = CInt(offset + 1)
                let code: CInt = switch slot {
                case .null: sqlite3_bind_null(handle, index)
                case .integer(let value): sqlite3_bind_int64(handle, index, value)
                case .text(_, 0):
                    // An empty text may lie past the buffer's end (or in no buffer): SQLite copies its no bytes.
                    sqlite3_bind_text(handle, index, "", 0, Self.transient)
                case .text(let start, let count):
                    // nil: SQLITE_STATIC, the text read where it lies for as long as it stays bound.
                    sqlite3_bind_text(handle, index, UnsafeRawPointer(buffer.baseAddress! + start).assumingMemoryBound(to: CChar.self),
                                      CInt(count), nil)
                }
                guard code == SQLITE_OK else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot bind argument \(index)", sql: statement.sql)
                }
            }
            return try body(statement)
        }
    }

    /// SQLite's `SQLITE_TRANSIENT` (a macro Swift does not import): copy the text now.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}

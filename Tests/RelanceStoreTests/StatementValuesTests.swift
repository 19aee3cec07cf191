import Foundation
import GRDB
@testable import RelanceStore
import Testing

/// `StatementValues` binds an import's rows straight to SQLite, texts from one reused buffer
/// (issue #17): what it stores must be what GRDB's own arguments store, run after run, and a
/// statement must keep nothing of the buffer once the run is over.
@Suite("Values bound straight to a statement")
struct StatementValuesTests {
    func table(_ db: Database) throws -> Statement {
        try db.execute(sql: "CREATE TABLE t (n INTEGER, a TEXT, b TEXT, c ANY) STRICT")
        return try db.makeStatement(sql: "INSERT INTO t (n, a, b, c) VALUES (?, ?, ?, ?), (?, ?, ?, ?)")
    }

    /// Texts in hexadecimal: `printf` and `quote` would stop at a NUL.
    func rows(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT printf('%s|%s|%s|%s|%s|%s|%s', quote(n), hex(a), typeof(a), hex(b), typeof(b), hex(c), typeof(c)) FROM t ORDER BY rowid
            """)
    }

    @Test func theRowsAreThoseGRDBsArgumentsWrite() throws {
        let queue = try DatabaseQueue()
        // Short texts (Swift keeps them inline), long ones, an empty one, non-ASCII, a NUL (GRDB stops there), nil.
        let texts: [String?] = ["F1", "a text longer than fifteen bytes, kept on the heap", "", "Échéance 30 j", "before\u{0}after", nil,
                                "z", "2026-11-27 10:00:00.000"]
        let numbers: [Int64?] = [0, -1, .max, nil]
        let expected = try queue.write { db in
            let insert = try table(db)
            for run in 0..<3 {
                let row = (0..<8).map { texts[($0 + run) % texts.count] }
                try insert.execute(arguments: [numbers[run], row[0], row[1], true, numbers[run + 1], row[2], row[3], row[4]])
            }
            return try rows(db)
        }
        let bound = try DatabaseQueue().write { db in
            let insert = try table(db)
            var values = StatementValues()
            for run in 0..<3 {
                let row = (0..<8).map { texts[($0 + run) % texts.count] }
                values.removeAll()
                values.append(numbers[run])
                values.append(row[0])
                values.append(row[1])
                values.append(true)
                values.append(numbers[run + 1])
                values.append(row[2])
                values.append(row[3])
                values.append(row[4])
                try values.run(insert) { try $0.execute() }
            }
            return try rows(db)
        }
        #expect(bound == expected)
        #expect(bound.count == 6)
    }

    /// After the run the statement holds no pointer into the values' buffer: run again
    /// without values, it writes NULLs.
    @Test func aRunLeavesNothingBound() throws {
        let written = try DatabaseQueue().write { db in
            let insert = try table(db)
            var values = StatementValues()
            for text in ["one", "two"] {
                values.append(Int64(7))
                values.append(text)
                values.append(text + text)
                values.append(text)
            }
            try values.run(insert) { try $0.execute() }
            values.removeAll()
            try insert.execute()
            return try rows(db)
        }
        #expect(written == ["7|6F6E65|text|6F6E656F6E65|text|6F6E65|text", "7|74776F|text|74776F74776F|text|74776F|text",
                            "NULL||null||null||null", "NULL||null||null||null"])
    }
}

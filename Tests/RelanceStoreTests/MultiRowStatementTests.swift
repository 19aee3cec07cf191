import GRDB
@testable import RelanceStore
import Testing

/// `MultiRowStatement`: rows cut into statements of at most so many, every row once and in
/// order, and never more values in one than SQLite binds.
@Suite struct MultiRowStatementTests {
    static let pairs = MultiRowStatement("INSERT INTO t (a, b) VALUES", columns: 2, rowsPerStatement: 3)

    @Test(arguments: [(0, [Int]()), (1, [1]), (3, [3]), (4, [3, 1]), (7, [3, 3, 1])])
    func thePartsAreFullButTheLast(rows: Int, sizes: [Int]) {
        let parts = Self.pairs.parts(of: Array(0..<rows))
        #expect(parts.map(\.count) == sizes)
        #expect(parts.flatMap { $0 } == Array(0..<rows))
    }

    @Test func aStatementHasItsHeadItsRowsAndItsTail() {
        #expect(Self.pairs.sql(rows: 1) == "INSERT INTO t (a, b) VALUES (?, ?)")
        #expect(Self.pairs.sql(rows: 3) == "INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?)")
        let tasks = MultiRowStatement("INSERT INTO t (a, kind, b) VALUES", row: "(?, 'open', ?)", tail: "RETURNING id", rowsPerStatement: 5)
        #expect(tasks.valuesPerRow == 2)
        #expect(tasks.sql(rows: 2) == "INSERT INTO t (a, kind, b) VALUES (?, 'open', ?), (?, 'open', ?) RETURNING id")
        #expect(tasks.sql(rows: 5)
                == "INSERT INTO t (a, kind, b) VALUES " + Array(repeating: "(?, 'open', ?)", count: 5).joined(separator: ", ") + " RETURNING id")
    }

    @Test func aFigurePastSQLitesLimitIsCutDownToIt() {
        #expect(MultiRowStatement("INSERT INTO t VALUES", columns: 9, rowsPerStatement: 10_000).rowsPerStatement == 3_640)
        #expect(MultiRowStatement("INSERT INTO t VALUES", columns: 1, rowsPerStatement: 40_000).rowsPerStatement == 32_766)
        #expect(MultiRowStatement("INSERT INTO t VALUES", columns: 9, rowsPerStatement: 500).rowsPerStatement == 500)
    }

    /// A full statement binds exactly the ceiling (2 × 16,383 = 32,766 values) and the linked
    /// SQLite runs it (Debian's is built to bind up to 250,000; the default is the ceiling),
    /// every row in order.
    @Test func aFullStatementAtTheLimitRuns() throws {
        let db = try DatabaseQueue()
        try db.write { db in
            try db.execute(sql: "CREATE TABLE t (a INTEGER, b INTEGER)")
            let statement = MultiRowStatement("INSERT INTO t (a, b) VALUES", columns: 2, rowsPerStatement: .max)
            #expect(statement.rowsPerStatement == 16_383)
            let rows = Array(0..<(statement.rowsPerStatement + 1))
            #expect(statement.parts(of: rows).map(\.count) == [16_383, 1])
            for part in statement.parts(of: rows) {
                try db.execute(sql: statement.sql(rows: part.count), arguments: StatementArguments(part.flatMap { [$0, -$0] }))
            }
            #expect(try Int.fetchAll(db, sql: "SELECT a FROM t ORDER BY rowid") == rows)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t WHERE b <> -a") == 0)
        }
    }
}

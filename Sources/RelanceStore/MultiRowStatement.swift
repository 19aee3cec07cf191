import RelanceCore

/// One statement that writes many rows — `INSERT … VALUES (?, ?), (?, ?)…`, or an `UPDATE …
/// FROM` a `VALUES` list — and how many rows go in one: fewer statements for a batch is what
/// made the store's batches cheap (issue #17), but SQLite binds at most `boundValuesLimit`
/// values in one. Every place that writes rows "so many to a statement" cuts them with
/// `parts(of:)` and runs `sql(rows:)` for each part.
///
/// The text of a full part is built once, here; a shorter last part's when it is asked for
/// (once per batch). A statement's text is `head`, the rows' groups, then `tail`.
struct MultiRowStatement: Sendable {
    /// SQLite's default `SQLITE_MAX_VARIABLE_NUMBER` (since 3.32): a build may raise it (Debian's
    /// 3.40.1 binds 250,000), none is expected to lower it, so the store keeps under the default
    /// whatever SQLite it is linked with.
    static let boundValuesLimit = 32_766

    /// Rows in a full statement: the figure asked, or fewer if their values would pass the limit.
    let rowsPerStatement: Int
    /// The `?` of one row's group.
    let valuesPerRow: Int
    private let head: String
    private let row: String
    private let tail: String
    private let fullSQL: String

    /// `row`: one row's group, `(?, ?, 'open', ?)`; its `?` are counted as the values it binds
    /// (the groups are SQL written here, with no `?` inside a literal).
    init(_ head: String, row: String, tail: String = "", rowsPerStatement: Int) {
        let values = row.utf8.count(where: { $0 == UInt8(ascii: "?") })
        precondition(values > 0 && rowsPerStatement > 0, "a row of \(values) values, \(rowsPerStatement) to a statement")
        self.head = head
        self.row = row
        self.tail = tail
        self.valuesPerRow = values
        self.rowsPerStatement = min(rowsPerStatement, Self.boundValuesLimit / values)
        self.fullSQL = Self.text(head, row, self.rowsPerStatement, tail)
    }

    /// Rows of `columns` plain placeholders: `(?, ?, ?)`.
    init(_ head: String, columns: Int, tail: String = "", rowsPerStatement: Int) {
        precondition(columns > 0, "a row of \(columns) columns")
        self.init(head, row: "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")", tail: tail,
                  rowsPerStatement: rowsPerStatement)
    }

    /// `rows`, in order, in parts of `rowsPerStatement` (the last one shorter); none when empty.
    func parts<Rows: RandomAccessCollection>(of rows: Rows) -> [Rows.SubSequence] {
        rows.parts(ofAtMost: rowsPerStatement)
    }

    /// The statement for `count` rows (1 to `rowsPerStatement`).
    func sql(rows count: Int) -> String {
        precondition((1...rowsPerStatement).contains(count), "\(count) rows in a statement of at most \(rowsPerStatement)")
        return count == rowsPerStatement ? fullSQL : Self.text(head, row, count, tail)
    }

    private static func text(_ head: String, _ row: String, _ count: Int, _ tail: String) -> String {
        var text = head + " "
        text.reserveCapacity(head.utf8.count + (row.utf8.count + 2) * count + tail.utf8.count + 1)
        for index in 0..<count {
            if index > 0 { text += ", " }
            text += row
        }
        if !tail.isEmpty { text += " " + tail }
        return text
    }
}

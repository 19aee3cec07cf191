/// A value of one store's row as `relance store copy` carries it to another store: SQLite's
/// storage classes, with integers and reals written as text (the destination casts each cell to
/// its column's type, so a day, an instant or a flag is parsed by the database that keeps it).
public enum StoreCopyCell: Sendable, Hashable {
    case null
    /// An INTEGER, REAL or TEXT value; integers in decimal, reals as Swift writes a `Double`.
    case text(String)
    case blob([UInt8])

    /// Roughly what the cell weighs in memory: pages of rows are bounded by it.
    public var byteCount: Int {
        switch self {
        case .null: 1
        case .text(let text): text.utf8.count
        case .blob(let bytes): bytes.count
        }
    }
}

/// A table to copy: its name and its columns, in the source's order.
public struct StoreCopyTable: Sendable, Hashable {
    public var name: String
    public var columns: [String]

    public init(name: String, columns: [String]) {
        self.name = name
        self.columns = columns
    }
}

/// A page of a table's rows and where the next page starts (nil: this was the last).
public struct StoreCopyPage: Sendable {
    public var rows: [[StoreCopyCell]]
    public var next: Int64?

    public init(rows: [[StoreCopyCell]], next: Int64?) {
        self.rows = rows
        self.next = next
    }
}

/// The store a book is copied from (`relance store copy --from sqlite:PATH`): its tables that
/// hold the book's data (not the database's own tables nor a search index's internals, which
/// the destination rebuilds), read page by page so that a large book never sits in memory whole.
public protocol StoreCopySource: Sendable {
    func copyTables() async throws -> [StoreCopyTable]
    /// The rows after `cursor` (nil: from the first) in the table's storage order: at most
    /// `limit` rows, and fewer once they weigh `maximumBytes` (always at least one).
    func copyRows(of table: StoreCopyTable, after cursor: Int64?, limit: Int, maximumBytes: Int) async throws -> StoreCopyPage
}

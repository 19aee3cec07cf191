/// One numbered, frozen step of the PostgreSQL schema. Its SQL is recorded by checksum when
/// applied, so a released migration edited afterwards is noticed instead of silently diverging.
public struct PostgresMigration: Sendable, Hashable {
    public var number: Int
    public var name: String
    public var sql: String

    public init(number: Int, name: String, sql: String) {
        self.number = number
        self.name = name
        self.sql = sql
    }

    /// The statements of `sql` one by one: PostgreSQL's extended protocol (the one PostgresNIO
    /// speaks) takes a single statement per query.
    public var statements: [String] { SQLStatementSplitter.split(sql) }
}

/// Every migration of the PostgreSQL store, in order. Append only: a new migration gets the
/// next number; an existing one is never edited (its checksum is recorded in the database).
public enum PostgresMigrations {
    public static let all: [PostgresMigration] = [schema, severalDaemons, messageBody, bookSecret]

    /// The newest schema this version knows: a database migrated further is refused.
    public static var latest: Int { all.map(\.number).max() ?? 0 }
}

import Logging
import PostgresNIO

/// Many rows in one `INSERT … VALUES (…), (…)` instead of one statement each: on a shared book
/// every statement is a round trip to the server, which a batch of reminders paid per row (issue 16).
/// Each value is bound as the single-row statement binds it (its own type, nil as NULL, the
/// same casts), and the rows keep the order given, so an identity column (the journal's ids)
/// numbers them in that order. Past `rowsPerStatement` rows, the next ones go in another
/// statement: a statement takes at most 65,535 values.
struct MultiRowInsert {
    private let head: String
    private let tail: String
    private let rowsPerStatement: Int
    private var statements: [(tuples: [String], bindings: PostgresBindings)] = []
    private var tuples: [String] = []
    private var bindings = PostgresBindings()
    private var cells: [String] = []

    /// `head`: `INSERT INTO table (columns)`; `tail`: what follows the rows (`ON CONFLICT DO NOTHING`).
    init(_ head: String, then tail: String = "", rowsPerStatement: Int = 1_000) {
        precondition(rowsPerStatement > 0)
        self.head = head
        self.tail = tail
        self.rowsPerStatement = rowsPerStatement
    }

    var isEmpty: Bool { statements.isEmpty && tuples.isEmpty }

    /// The next value of the row being built; `cast` follows its placeholder (`::jsonb`).
    mutating func add<Value: PostgresThrowingDynamicTypeEncodable>(_ value: Value?, cast: String = "") throws {
        if cells.isEmpty, tuples.count == rowsPerStatement {
            statements.append((tuples, bindings))
            tuples = []
            bindings = PostgresBindings()
        }
        try bindings.append(value)
        cells.append("$\(bindings.count)\(cast)")
    }

    /// Closes the row being built.
    mutating func endRow() {
        precondition(!cells.isEmpty, "a row without values")
        tuples.append("(" + cells.joined(separator: ", ") + ")")
        cells = []
    }

    /// The statements, in order, on the caller's connection (in its transaction).
    func run(on connection: PostgresConnection, logger: Logger) async throws {
        precondition(cells.isEmpty, "a row was left open")
        for (tuples, bindings) in statements + (tuples.isEmpty ? [] : [(tuples, bindings)]) {
            try await connection.liveQuery(PostgresQuery(unsafeSQL: "\(head) VALUES \(tuples.joined(separator: ", ")) \(tail)", binds: bindings),
                                       logger: logger)
        }
    }
}

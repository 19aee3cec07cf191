import RelanceCore

/// Puts a creditor's open receivables in the store's order: customers by their id in the
/// creditor's books, then due date (none first), then number, text compared byte by byte as
/// SQLite's BINARY collation does.
///
/// Customers are registered in order (they come from their unique index, sorted for free);
/// the receivables are then bucketed per customer in one pass and each customer's few are
/// sorted: cheaper than one sort of every receivable, in SQL or here.
struct ReceivableOrder {
    /// An invoice as read, before it becomes a `Receivable`: no customer, no history, so that
    /// sorting moves bytes (invoice numbers and ISO dates mostly fit Swift's inline strings)
    /// rather than retaining and releasing references.
    struct Row {
        var customerRank: Int
        /// The due date as stored, compared as text like SQLite did.
        var dueText: String?
        var invoiceID: Int64
        var number: String
        var issued: CivilDate?
        var due: CivilDate?
        var open: Money
        var total: Money?
    }

    private var ranks: [Int64: Int] = [:]
    private var customerCount = 0

    /// Registers the next customer in order.
    mutating func addCustomer(_ id: Int64) {
        ranks[id] = customerCount
        customerCount += 1
    }

    /// The customer's position among those registered; nil for an unknown customer.
    func rank(ofCustomer id: Int64) -> Int? {
        ranks[id]
    }

    /// The rows in order, as a lazy view: each is read once, to build its `Receivable`.
    func sorted(_ rows: [Row]) -> LazyMapSequence<[Int], Row> {
        // Counting sort by customer: a customer's receivables start at starts[rank].
        var starts = [Int](repeating: 0, count: customerCount + 1)
        for row in rows { starts[row.customerRank + 1] += 1 }
        for rank in 0..<customerCount { starts[rank + 1] += starts[rank] }
        var next = starts
        var positions = [Int](repeating: 0, count: rows.count)
        for (index, row) in rows.enumerated() {
            positions[next[row.customerRank]] = index
            next[row.customerRank] += 1
        }
        for rank in 0..<customerCount where starts[rank + 1] - starts[rank] > 1 {
            positions[starts[rank]..<starts[rank + 1]].sort { Self.precedes(rows[$0], rows[$1]) }
        }
        return positions.lazy.map { rows[$0] }
    }

    /// Same customer: due date, none first, then number; as SQLite compares text (bytes).
    static func precedes(_ lhs: Row, _ rhs: Row) -> Bool {
        switch (lhs.dueText, rhs.dueText) {
        case (nil, nil): break
        case (nil, _): return true
        case (_, nil): return false
        case let (left?, right?):
            if !left.utf8.elementsEqual(right.utf8) { return left.utf8.lexicographicallyPrecedes(right.utf8) }
        }
        return lhs.number.utf8.lexicographicallyPrecedes(rhs.number.utf8)
    }
}

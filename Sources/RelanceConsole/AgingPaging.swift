import RelanceCore

/// Which customers the Aged balance page lists. A big book has thousands of customers: the
/// page shows the whole (filtered) balance's totals and chart, then its customers largest
/// overdue first, `perPage` at a time, with links to the other pages; the CSV has them all.
/// Pure: tested on its own.
struct AgingPaging {
    static let perPage = 100

    /// The customers of this page, in order.
    let shown: [AgedBalanceSummary.Customer]
    /// This page (1-based), the number of pages, the number of customers.
    let number: Int
    let count: Int
    let total: Int

    /// `page` comes from the URL: out of range, the nearest page.
    init(_ customers: [AgedBalanceSummary.Customer], page: Int?) {
        total = customers.count
        count = max(1, (total + Self.perPage - 1) / Self.perPage)
        number = min(max(1, page ?? 1), count)
        let offset = (number - 1) * Self.perPage
        // The keys computed once per customer, not once per comparison; sorted as small keys
        // with the customer's place, not as the customers themselves (10,000 on a big book).
        let keyed = customers.indices.map { (overdue: Self.overdue(customers[$0]), balance: Self.balance(customers[$0]), place: $0) }
        shown = keyed.sorted { lhs, rhs in
            if lhs.overdue != rhs.overdue { return lhs.overdue > rhs.overdue }
            if lhs.balance != rhs.balance { return lhs.balance > rhs.balance }
            return customers[lhs.place].externalID < customers[rhs.place].externalID
        }.dropFirst(offset).prefix(Self.perPage).map { customers[$0.place] }
    }

    /// The first and last positions shown (1-based; 0 and 0 when there is none).
    var first: Int { total == 0 ? 0 : (number - 1) * Self.perPage + 1 }
    var last: Int { min(total, number * Self.perPage) }

    // The order: largest overdue first — the amount late in any one currency (amounts of two
    // currencies are never added) — then the largest balance, then the customer code, so that
    // a page is the same on every request.
    // (Lazily mapped: no array per customer, 10,000 customers a request.)
    static func overdue(_ customer: AgedBalanceSummary.Customer) -> Int64 {
        customer.totals.lazy.map(\.overdueAmount.minorUnits).max() ?? 0
    }

    static func balance(_ customer: AgedBalanceSummary.Customer) -> Int64 {
        customer.totals.lazy.map(\.total).max() ?? 0
    }
}

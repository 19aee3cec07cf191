@testable import RelanceCore
import Testing
import RelanceTesting

/// `AgedBalanceSummary(rows:)` sums in one pass, a customer's filter verdict and place worked
/// out once per run of its rows (`BucketTotalsSum`): it must give what the grouping by code and
/// the dictionaries of `BucketTotals` gave, for rows in any order. (The store-level test,
/// ConsoleBalanceStoreTests, compares it with the whole book aged; this one with its former
/// self, on rows no store would give: shuffled, a customer's rows apart, sums of zero.)
@Suite struct AgedBalanceSummaryRowsTests {
    /// The summary as it was computed before the one-pass sum.
    static func summedTheOldWay(_ rows: [AgingRow], asOf: CivilDate, filter: AgedBalanceFilter) -> AgedBalanceSummary {
        let needle = (filter.customer ?? "").lowercased()
        let kept = rows.filter { row in
            (filter.customerCode == nil || row.externalID == filter.customerCode)
                && (needle.isEmpty || row.externalID.lowercased().contains(needle) || (row.name ?? "").lowercased().contains(needle))
                && (filter.bucket == nil || row.bucket == filter.bucket)
        }
        func totals(_ rows: [AgingRow]) -> [BucketTotals] {
            var totals: [Currency: BucketTotals] = [:]
            for row in rows {
                var entry = totals[row.currency] ?? BucketTotals(currency: row.currency, byBucket: [:], total: 0)
                entry.byBucket[row.bucket, default: 0] += row.demanded
                entry.total += row.demanded
                entry.received += row.received
                totals[row.currency] = entry
            }
            return totals.values.sorted { $0.currency < $1.currency }
        }
        let byCustomer = Dictionary(grouping: kept, by: \.externalID)
        var summary = AgedBalanceSummary(rows: [], asOf: asOf)
        summary.customers = byCustomer.keys.sorted().map { code in
            let rows = byCustomer[code]!
            return AgedBalanceSummary.Customer(customerID: rows[0].customerID, externalID: code, name: rows[0].name,
                                               invoices: rows.reduce(0) { $0 + $1.invoices }, totals: totals(rows))
        }
        summary.totals = totals(kept)
        return summary
    }

    static let currencies = ["EUR", "USD", "GBP", "JPY"].map { Currency(code: $0)! }

    /// Customers with and without a name, several currencies, every bucket, sums of zero and
    /// below, money received at the bank.
    static func rows(_ random: inout SplitMix64) -> [AgingRow] {
        var rows: [AgingRow] = []
        for customer in 1...40 {
            let code = "C\(customer % 7 == 0 ? "x" : "")\(customer)"
            let name: String? = customer % 5 == 0 ? nil : customer % 5 == 1 ? "Éric Dupont \(customer)" : "Client \(customer)"
            for currency in currencies.prefix(Int.random(in: 1...3, using: &random)) {
                for bucket in AgingBucket.allCases where random.chance(60) {
                    let demanded = random.chance(10) ? 0 : Int64.random(in: -50_000...900_000, using: &random)
                    rows.append(AgingRow(customerID: Int64(customer), externalID: code, name: name, currency: currency, bucket: bucket,
                                         invoices: Int.random(in: 1...9, using: &random), demanded: demanded,
                                         received: random.chance(20) ? Int64.random(in: 1...5_000, using: &random) : 0))
                }
            }
        }
        return rows
    }

    static let filters = [AgedBalanceFilter(), AgedBalanceFilter(customer: "c1"), AgedBalanceFilter(customer: "éric"),
                          AgedBalanceFilter(customer: "CLIENT 2"), AgedBalanceFilter(customer: "x"), AgedBalanceFilter(customerCode: "C12"),
                          AgedBalanceFilter(customerCode: "nobody"), AgedBalanceFilter(customer: "zzz")]
        + AgingBucket.allCases.map { AgedBalanceFilter(bucket: $0) } + [AgedBalanceFilter(customer: "3", bucket: .over90)]

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func theOnePassSumIsTheGroupedSum(_ seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let ordered = Self.rows(&random)
        // As the stores give them (customer by customer), then shuffled: a customer's rows apart.
        for rows in [ordered, ordered.shuffled(using: &random)] {
            for filter in Self.filters {
                let summary = AgedBalanceSummary(rows: rows, asOf: CivilDate(year: 2026, month: 11, day: 20)!, filter: filter)
                #expect(summary == Self.summedTheOldWay(rows, asOf: summary.asOf, filter: filter), "seed \(seed) \(filter)")
            }
        }
        // Not vacuous: zero sums, credits, unnamed customers and several currencies are summed.
        let whole = AgedBalanceSummary(rows: ordered, asOf: CivilDate(year: 2026, month: 11, day: 20)!)
        #expect(whole.customers.contains { $0.name == nil } && whole.totals.count > 1)
        #expect(ordered.contains { $0.demanded == 0 } && ordered.contains { $0.demanded < 0 })
    }

    @Test func aBucketsPlaceIsItsRankAmongAllCases() {
        for (rank, bucket) in AgingBucket.allCases.enumerated() {
            #expect(bucket.place == rank)
        }
    }
}

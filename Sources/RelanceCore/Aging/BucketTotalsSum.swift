/// `BucketTotals` added up row by row without a dictionary per row: the sums of one currency
/// at fixed places in a vector, the first currency held inline (most customers have one), the
/// others in an array. The Aged balance page sums 40,000 rows on each request; the
/// dictionaries of `BucketTotals` (a currency hashed, a `byBucket` copied on each write while
/// the outer dictionary still held it) were a third of that page's time under `perf`.
/// Gives exactly what `BucketTotals.sum` gives: a bucket that received a row has an entry,
/// even when its sum is zero; the currencies in order.
struct BucketTotalsSum {
    private struct Entry {
        var currency: Currency
        /// By `AgingBucket.place` (six of the eight lanes used): no heap allocation per entry.
        var byBucket = SIMD8<Int64>()
        /// Bit `place` set: that bucket received a row.
        var present: UInt8 = 0
        var total: Int64 = 0
        var received: Int64 = 0

        mutating func add(_ place: Int, demanded: Int64, received: Int64) {
            byBucket[place] += demanded
            present |= 1 << place
            total += demanded
            self.received += received
        }

        var totals: BucketTotals {
            var byBucket = [AgingBucket: Int64](minimumCapacity: AgingBucket.allCases.count)
            for bucket in AgingBucket.allCases where present & (1 << bucket.place) != 0 {
                byBucket[bucket] = self.byBucket[bucket.place]
            }
            return BucketTotals(currency: currency, byBucket: byBucket, total: total, received: received)
        }
    }

    private var first: Entry?
    private var others: [Entry] = []

    mutating func add(currency: Currency, bucket: AgingBucket, demanded: Int64, received: Int64) {
        let place = bucket.place
        if first == nil { first = Entry(currency: currency) }
        if first?.currency == currency {
            first?.add(place, demanded: demanded, received: received)
        } else if let index = others.firstIndex(where: { $0.currency == currency }) {
            others[index].add(place, demanded: demanded, received: received)
        } else {
            var entry = Entry(currency: currency)
            entry.add(place, demanded: demanded, received: received)
            others.append(entry)
        }
    }

    var totals: [BucketTotals] {
        guard let first else { return [] }
        guard !others.isEmpty else { return [first.totals] }
        return ([first] + others).sorted { $0.currency < $1.currency }.map(\.totals)
    }
}

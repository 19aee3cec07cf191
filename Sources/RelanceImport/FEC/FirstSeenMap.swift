/// Values by key, in the order their keys were first met, for the small sets one FEC account
/// has (its lettering codes and invoice references, as `TextBytes`; its open items' numbers):
/// while there are few keys they are compared one by one, which costs less than hashing each
/// (20,000 accounts of a dozen lines each made hashing Strings a quarter of a million-line dry
/// run). Past `linearLimit` keys, a dictionary finds them.
struct FirstSeenMap<Key: Hashable, Value> {
    private(set) var keys: [Key] = []
    private(set) var values: [Value] = []
    private var positions: [Key: Int]?
    static var linearLimit: Int { 16 }

    init(capacity: Int = 0) {
        keys.reserveCapacity(min(capacity, Self.linearLimit))
        values.reserveCapacity(min(capacity, Self.linearLimit))
    }

    /// Where `key` is in `keys` and `values`, if it was met.
    func position(of key: Key) -> Int? {
        if let positions { return positions[key] }
        return keys.firstIndex(of: key)
    }

    subscript(key: Key) -> Value? {
        position(of: key).map { values[$0] }
    }

    /// Adds `key` (not met before) with `value`; returns its position.
    @discardableResult
    mutating func append(_ key: Key, _ value: Value) -> Int {
        let position = keys.count
        keys.append(key)
        values.append(value)
        if positions != nil {
            positions![key] = position
        } else if keys.count > Self.linearLimit {
            var table = [Key: Int](minimumCapacity: 2 * keys.count)
            for (index, known) in keys.enumerated() { table[known] = index }
            positions = table
        }
        return position
    }

    mutating func update(at position: Int, _ change: (inout Value) -> Void) {
        change(&values[position])
    }
}

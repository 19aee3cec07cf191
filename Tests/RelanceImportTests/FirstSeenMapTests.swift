@testable import RelanceImport
import Testing

/// A FEC account's letters and references are kept in the order met, found one by one while
/// few and through a dictionary past `linearLimit` (issue #17): either way the same answers.
@Suite("FEC: keys in the order first met")
struct FirstSeenMapTests {
    @Test("values in order, found before and after the switch to a dictionary", arguments: [3, 16, 17, 200])
    func sameAnswers(count: Int) {
        var map = FirstSeenMap<String, Int>(capacity: count)
        let keys = (0..<count).map { "K\($0 * 7919 % 1000)-\($0)" }
        for (index, key) in keys.enumerated() {
            #expect(map[key] == nil)
            #expect(map.append(key, index * 10) == index)
            map.update(at: index) { $0 += 1 }
        }
        #expect(map.keys == keys)
        #expect(map.values == keys.indices.map { $0 * 10 + 1 })
        for (index, key) in keys.enumerated() {
            #expect(map.position(of: key) == index)
            #expect(map[key] == index * 10 + 1)
        }
        #expect(map["absent"] == nil && map[""] == nil)
    }
}

import Testing
import RelanceCore

/// `parts(ofAtMost:)`: every element once, in order, in parts of the size asked but the last.
@Suite struct PartsOfAtMostTests {
    @Test func anEmptyCollectionHasNoParts() {
        #expect([Int]().parts(ofAtMost: 3).isEmpty)
    }

    @Test(arguments: [(1, 3, [1]), (3, 3, [3]), (4, 3, [3, 1]), (7, 3, [3, 3, 1]), (9, 3, [3, 3, 3]), (5, 1, [1, 1, 1, 1, 1]),
                      (2, 10, [2])])
    func thePartsAreFullButTheLast(count: Int, size: Int, sizes: [Int]) {
        let elements = Array(0..<count)
        let parts = elements.parts(ofAtMost: size)
        #expect(parts.map(\.count) == sizes)
        #expect(parts.flatMap { $0 } == elements)
    }

    @Test func aSliceIsCutAtItsOwnIndices() {
        let slice = Array(0..<10)[3..<8]
        let parts = slice.parts(ofAtMost: 2)
        #expect(parts.map { Array($0) } == [[3, 4], [5, 6], [7]])
        #expect(parts.first?.startIndex == 3)
    }
}

extension RandomAccessCollection {
    /// The collection cut, in order, into consecutive slices of `size` elements, the last one
    /// shorter when `size` does not divide the count; none when the collection is empty. What
    /// writes rows "so many to a statement" cuts its rows with this (a statement binds a limited
    /// number of values), so that every such loop cuts the same way.
    public func parts(ofAtMost size: Int) -> [SubSequence] {
        precondition(size > 0, "parts of at most \(size) elements")
        var parts: [SubSequence] = []
        parts.reserveCapacity((count + size - 1) / size)
        var start = startIndex
        while start != endIndex {
            // `offsetBy:limitedBy:` stops at the end: no index past it is ever formed.
            let end = index(start, offsetBy: size, limitedBy: endIndex) ?? endIndex
            parts.append(self[start..<end])
            start = end
        }
        return parts
    }
}

/// UID sets for commands we write: ascending UIDs folded into ranges (`4:9,12,15:16`), cut
/// into pieces of at most `maximumLength` characters so that no command line grows without
/// bound however scattered the UIDs are (servers refuse lines past a few kilobytes).
public enum IMAPSequenceSet {
    public static func pieces(_ uids: [UInt32], maximumLength: Int = 4000) -> [String] {
        let sorted = Array(Set(uids)).sorted()
        var pieces: [String] = []
        var current = ""
        var index = 0
        while index < sorted.count {
            var last = index
            while last + 1 < sorted.count, sorted[last + 1] == sorted[last] + 1 { last += 1 }
            let item = last == index ? "\(sorted[index])" : "\(sorted[index]):\(sorted[last])"
            if !current.isEmpty, current.count + 1 + item.count > maximumLength {
                pieces.append(current)
                current = ""
            }
            current += current.isEmpty ? item : "," + item
            index = last + 1
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}

public import RelanceCore

/// How a poll splits new messages into `UID FETCH` commands: many per round trip (a thousand
/// small bounces in a handful of commands), but never more bytes in memory at once than a
/// batch allows. A message counts for at most `maximumMessageBytes`, what the adapter keeps of it.
public enum FetchBatches {
    public static let maximumCount = 250
    public static let maximumBytes = 16 << 20

    /// UIDs in the order given, cut into batches; a message larger than a whole batch goes alone.
    public static func plan(_ entries: [MailboxEntry], maximumMessageBytes: Int,
                     batchCount: Int = maximumCount, batchBytes: Int = maximumBytes) -> [[UInt32]] {
        var batches: [[UInt32]] = []
        var current: [UInt32] = []
        var bytes = 0
        for entry in entries {
            let size = max(0, min(entry.size, maximumMessageBytes))
            if !current.isEmpty, current.count >= batchCount || bytes + size > batchBytes {
                batches.append(current)
                current = []
                bytes = 0
            }
            current.append(entry.uid)
            bytes += size
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }
}

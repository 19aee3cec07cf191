import Synchronization

/// Message ids handed to batches being composed and not yet stored (`AppDatabase.enqueue`).
///
/// Each message's id is signed into its Message-ID, so it is chosen before composing, outside
/// the write transaction. The planner composes a batch while the one before is being written:
/// without this, both would read the same highest id from the store and the second would have
/// to compose again inside its write. Ids reserved and not used leave a gap, which is harmless
/// (messages are never deleted; an id is never reused once a message has it).
final class MessageIDReservation: Sendable {
    /// The first id after every batch still in flight; nil when none is.
    private let next = Mutex<Int64?>(nil)

    /// `count` ids from `stored` (the first id after the store's highest) or after the batches
    /// in flight, whichever is higher.
    func reserve(_ count: Int, after stored: Int64) -> Int64 {
        next.withLock { next in
            let first = max(stored, next ?? stored)
            next = first + Int64(count)
            return first
        }
    }

    /// The batch is stored (or failed): when it was the last one reserved, the next batch reads
    /// its ids from the store again, so that ids left unused by a batch are taken by the next one.
    func release(_ first: Int64, count: Int) {
        next.withLock { next in
            if next == first + Int64(count) { next = nil }
        }
    }
}

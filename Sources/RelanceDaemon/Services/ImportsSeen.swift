import RelanceCore
import Synchronization

/// The latest applied import this daemon has seen per creditor (its own or another daemon's).
final class ImportsSeen: Sendable {
    private let seen = Mutex<[CreditorID: Int64]>([:])

    /// Whether `latestApplied` (the id of the creditor's most recent applied import, nil when
    /// none is) is newer than at the last look; the first look only remembers.
    func isNew(_ latestApplied: Int64?, for creditor: CreditorID) -> Bool {
        seen.withLock { seen in
            let id = latestApplied ?? 0
            defer { seen[creditor] = max(seen[creditor] ?? 0, id) }
            guard let last = seen[creditor] else { return false }
            return id > last
        }
    }
}

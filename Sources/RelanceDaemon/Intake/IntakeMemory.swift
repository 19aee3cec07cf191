import Foundation

/// What the intake remembers between scans of one drop folder: since when each file has had
/// its current size and modification time, and the files it could neither import nor move
/// (so that they are reported once, not at every scan).
final class IntakeMemory: @unchecked Sendable {
    // @unchecked: `state` is only touched under `lock`.
    private struct State {
        var seen: [String: (fingerprint: DropFolderEntry.Fingerprint, since: Date)] = [:]
        var stuck: [String: DropFolderEntry.Fingerprint] = [:]
    }

    private let lock = NSLock()
    private var state = State()

    /// Records this scan's view of the entries and returns, per name, since when it is unchanged.
    func observe(_ entries: [DropFolderEntry], now: Date) -> [String: Date] {
        lock.withLock {
            var seen: [String: (fingerprint: DropFolderEntry.Fingerprint, since: Date)] = [:]
            for entry in entries {
                if let previous = state.seen[entry.name], previous.fingerprint == entry.fingerprint {
                    seen[entry.name] = previous
                } else {
                    seen[entry.name] = (entry.fingerprint, now)
                }
            }
            // Names gone from the folder are forgotten: a later file with the same name starts afresh.
            state.seen = seen
            state.stuck = state.stuck.filter { seen[$0.key]?.fingerprint == $0.value }
            return seen.mapValues(\.since)
        }
    }

    /// A file that could not be moved aside: skipped while it stays the same.
    func markStuck(_ entry: DropFolderEntry) {
        lock.withLock { state.stuck[entry.name] = entry.fingerprint }
    }

    func isStuck(_ entry: DropFolderEntry) -> Bool {
        lock.withLock { state.stuck[entry.name] == entry.fingerprint }
    }
}

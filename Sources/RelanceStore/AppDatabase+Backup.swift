public import Foundation
import GRDB

extension AppDatabase {
    /// A consistent copy of the store while the daemon runs (SQLite's online backup API),
    /// written beside the destination then renamed into place, so a half copy is never left
    /// under the final name. Restore: stop the daemon, replace the store file by the copy
    /// (and remove the old `-wal` and `-shm` files), start again.
    public func backup(to destination: URL) throws {
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).part")
        try? FileManager.default.removeItem(at: temporary)
        do {
            let copy = try DatabaseQueue(path: temporary.path)
            try writer.backup(to: copy)
            try copy.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let message = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw StoreError(.invalidState, "cannot move the backup to \(destination.path): \(message)")
        }
    }
}

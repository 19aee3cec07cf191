import GRDB

extension AppDatabase {
    /// What a person should do about a store failure, when SQLite's own message is not enough.
    public static func advice(for error: any Error) -> String? {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_FULL:
            return "the disk holding the store is full. Nothing was half written and no dropped file was lost "
                + "(it stays in the drop folder); free some space and run again."
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "another process kept the store locked for too long (a backup, a second tool). "
                + "Relance waited and gave up this time; it will try again."
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return "the store cannot be written: check that the relance user owns the state folder and the store files."
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return "the store file is damaged: stop Relance and restore the latest backup (see README, Data care)."
        default:
            return nil
        }
    }
}

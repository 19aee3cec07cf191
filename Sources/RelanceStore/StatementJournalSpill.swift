import CSQLiteStatementJournal

/// SQLite's statement journals kept in memory up to `threshold` bytes instead of 64 KiB, set
/// in C when the process loads (`statement_journal.c` says why: a first load's batched INSERTs
/// wrote each of their journals to a temporary file, a system call per page).
enum StatementJournalSpill {
    /// Bytes of one statement's journal kept in memory.
    static var threshold: Int { Int(relance_statement_journal_spill()) }

    /// Whether SQLite took the threshold (it refuses once initialized).
    static var isSet: Bool { relance_statement_journal_spill_result() == 0 }
}

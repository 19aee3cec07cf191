#ifndef RELANCE_STATEMENT_JOURNAL_H
#define RELANCE_STATEMENT_JOURNAL_H

// How many bytes of one statement's journal SQLite keeps in memory before writing it to a
// temporary file (sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL), set by statement_journal.c
// when the process loads, before SQLite's first use).
int relance_statement_journal_spill(void);

// What sqlite3_config answered then: SQLITE_OK (0) when the threshold holds; SQLITE_MISUSE
// had SQLite already been initialized.
int relance_statement_journal_spill_result(void);

#endif

#include "statement_journal.h"
#include <sqlite3.h>

// Inside a transaction, a statement that may fail halfway (a multi-row INSERT checking CHECKs,
// a unique index and foreign keys) first copies every page it changes that existed when it
// began into a statement journal, to undo itself alone. SQLite keeps that journal in memory up
// to 64 KiB, then writes it to a temporary file (/var/tmp/etilqs_…) — and once there, every
// later statement's journal too, a system call per page, until the transaction ends. A first
// load's batch of 50 invoices changes about 50 pages of the (creditor, number) index: a
// million-line FEC wrote 42,000 pages (173 MB) that way, a tenth of the import's CPU time
// (issue #17). 4 MiB holds any batch of the import (the largest, 200 tasks, well under 1 MiB)
// and bounds what one statement keeps in memory; a larger journal spills to a file as before.
enum { statement_journal_spill = 4 * 1024 * 1024 };

static int spill_result = -1;

int relance_statement_journal_spill(void) { return statement_journal_spill; }

int relance_statement_journal_spill_result(void) { return spill_result; }

// sqlite3_config must run before SQLite initializes (it answers SQLITE_MISUSE after) and while
// no other thread uses SQLite, and Swift cannot call it (it is variadic): it runs here, when the
// process loads, before main — and before any test of a test process.
__attribute__((constructor)) static void relance_configure_statement_journal(void) {
    spill_result = sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, (int)statement_journal_spill);
}

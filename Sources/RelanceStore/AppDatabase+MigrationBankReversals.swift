extension AppDatabase {
    /// `v9-bank-reversals-links`: a reversal (camt `RvslInd`, a CFONB rejection, an OFX DELETE correction)
    /// is linked to the receipt it undoes, and the matches of that receipt become `reversed` (the
    /// invoice is due again). `bank_match` is rebuilt for its new state: SQLite cannot widen a CHECK.
    /// And a receipt nothing matched may be resolved by a person: linked to a customer (which
    /// teaches its payer) or set aside as paying no invoice; either way it leaves the digest's list.
    static let bankReversalsMigration = """
        CREATE TABLE bank_match_v9 (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES bank_entry(id),
            invoice_id INTEGER NOT NULL REFERENCES invoice(id),
            amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
            method TEXT NOT NULL CHECK (method IN ('reference', 'invoice-number', 'known-payer')),
            ledger_open_minor INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('awaiting-ledger', 'reported', 'lettered', 'reversed')),
            matched_at TEXT NOT NULL,
            task_id INTEGER REFERENCES task(id),
            -- The reversal entry that undid the payment.
            reversed_by INTEGER REFERENCES bank_entry(id),
            CHECK (state <> 'reported' OR task_id IS NOT NULL),
            CHECK (state <> 'awaiting-ledger' OR task_id IS NULL),
            CHECK ((state = 'reversed') = (reversed_by IS NOT NULL)),
            UNIQUE (entry_id, invoice_id)
        ) STRICT;
        INSERT INTO bank_match_v9 (id, entry_id, invoice_id, amount_minor, method, ledger_open_minor, state, matched_at, task_id)
            SELECT id, entry_id, invoice_id, amount_minor, method, ledger_open_minor, state, matched_at, task_id FROM bank_match;
        DROP TABLE bank_match;
        ALTER TABLE bank_match_v9 RENAME TO bank_match;
        CREATE INDEX bank_match_live ON bank_match(invoice_id) WHERE state IN ('awaiting-ledger', 'reported');

        -- Which receipt a reversal undid, and how it was found (BankReversalFinder.Method).
        CREATE TABLE bank_reversal (
            entry_id INTEGER PRIMARY KEY REFERENCES bank_entry(id),
            original_entry_id INTEGER NOT NULL UNIQUE REFERENCES bank_entry(id),
            method TEXT NOT NULL CHECK (method IN ('bank-reference', 'reference', 'remittance', 'payer-iban', 'payer-name', 'amount-and-date')),
            recorded_at TEXT NOT NULL,
            CHECK (entry_id <> original_entry_id)
        ) STRICT;

        CREATE TABLE bank_receipt_link (
            entry_id INTEGER PRIMARY KEY REFERENCES bank_entry(id),
            -- NULL: the person said the money pays no invoice (a refund, a loan, a sale at the counter).
            customer_id INTEGER REFERENCES customer(id),
            linked_by TEXT NOT NULL CHECK (length(linked_by) BETWEEN 1 AND 254 AND linked_by NOT GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*'),
            channel TEXT NOT NULL CHECK (channel IN ('cli', 'email', 'console')),
            linked_at TEXT NOT NULL
        ) STRICT;
        """
}

import GRDB

extension AppDatabase {
    /// `v7-bank-payments`: bank statements, their entries (each once per account, however many
    /// statements overlap), the matches of receipts to invoices, and the payers they taught.
    static let bankPaymentsMigration = """
        CREATE TABLE bank_statement (
            id INTEGER PRIMARY KEY,
            creditor_id TEXT NOT NULL REFERENCES creditor(id),
            import_id INTEGER NOT NULL REFERENCES import(id),
            format TEXT NOT NULL CHECK (format IN ('cfonb120', 'camt.053', 'camt.054', 'ofx')),
            -- The accounts and entries it holds, hashed: the same statement in another file is recognised.
            fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64 AND fingerprint NOT GLOB '*[^0-9a-f]*'),
            entry_count INTEGER NOT NULL CHECK (entry_count >= 0),
            imported_at TEXT NOT NULL,
            UNIQUE (creditor_id, fingerprint)
        ) STRICT;

        CREATE TABLE bank_entry (
            id INTEGER PRIMARY KEY,
            creditor_id TEXT NOT NULL REFERENCES creditor(id),
            statement_id INTEGER NOT NULL REFERENCES bank_statement(id),
            account TEXT NOT NULL CHECK (length(account) > 0),
            booked_on TEXT NOT NULL CHECK (booked_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            value_on TEXT CHECK (value_on IS NULL OR value_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            amount_minor INTEGER NOT NULL,
            currency TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
            counterparty TEXT,
            counterparty_iban TEXT CHECK (counterparty_iban IS NULL OR counterparty_iban NOT GLOB '*[^A-Z0-9]*'),
            remittance TEXT NOT NULL,
            reference TEXT,
            bank_reference TEXT,
            reversal INTEGER NOT NULL CHECK (reversal IN (0, 1)),
            -- The bank's reference, else date + amount + label: one row per movement across overlapping statements.
            dedup_key TEXT NOT NULL,
            UNIQUE (creditor_id, account, dedup_key)
        ) STRICT;

        CREATE TABLE bank_match (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES bank_entry(id),
            invoice_id INTEGER NOT NULL REFERENCES invoice(id),
            amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
            method TEXT NOT NULL CHECK (method IN ('reference', 'invoice-number', 'known-payer')),
            -- The ledger's open amount when matched: once the ledger changes it, the ledger has spoken.
            ledger_open_minor INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('awaiting-ledger', 'reported', 'lettered')),
            matched_at TEXT NOT NULL,
            task_id INTEGER REFERENCES task(id),
            CHECK ((state = 'reported') = (task_id IS NOT NULL)),
            UNIQUE (entry_id, invoice_id)
        ) STRICT;
        CREATE INDEX bank_match_live ON bank_match(invoice_id) WHERE state <> 'lettered';

        -- A payer (IBAN or name) an earlier confirmed match linked to one customer.
        CREATE TABLE bank_payer (
            creditor_id TEXT NOT NULL REFERENCES creditor(id),
            kind TEXT NOT NULL CHECK (kind IN ('iban', 'name')),
            value TEXT NOT NULL CHECK (length(value) > 0),
            customer_id INTEGER NOT NULL REFERENCES customer(id),
            learned_from_match INTEGER REFERENCES bank_match(id),
            PRIMARY KEY (creditor_id, kind, value)
        ) STRICT;
        """
}

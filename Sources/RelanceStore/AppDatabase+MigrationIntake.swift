extension AppDatabase {
    /// `v5-intake`: what ingest adds — imports held by the mass-settlement safety (a new status, so the
    /// `import` table is rebuilt as SQLite prescribes for a changed CHECK), customers a person
    /// must identify, where each due date came from, and the invoice's own document kept in the
    /// state folder. Frozen once released.
    static let v5Intake = """
        CREATE TABLE import_intake (
            id INTEGER PRIMARY KEY,
            creditor_id TEXT NOT NULL REFERENCES creditor(id),
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
            byte_count INTEGER NOT NULL CHECK (byte_count >= 0),
            kind TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('applied', 'rejected', 'held')),
            as_of TEXT CHECK (as_of IS NULL OR as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            authoritative INTEGER NOT NULL DEFAULT 0 CHECK (authoritative IN (0, 1)),
            item_count INTEGER NOT NULL DEFAULT 0 CHECK (item_count >= 0),
            error TEXT,
            imported_at TEXT NOT NULL,
            -- A held snapshot keeps what it would apply, so that confirming it needs no file.
            held_snapshot BLOB,
            held_reason TEXT,
            confirmed_at TEXT,
            CHECK ((status = 'rejected') = (error IS NOT NULL)),
            CHECK ((status = 'held') = (held_snapshot IS NOT NULL AND held_reason IS NOT NULL))
        ) STRICT;
        INSERT INTO import_intake (id, creditor_id, file_name, sha256, byte_count, kind, status, as_of, authoritative,
                               item_count, error, imported_at)
            SELECT id, creditor_id, file_name, sha256, byte_count, kind, status, as_of, authoritative,
                   item_count, error, imported_at FROM import;
        DROP TABLE import;
        ALTER TABLE import_intake RENAME TO import;
        -- Applied or waiting for confirmation: the same bytes dropped again change nothing.
        CREATE UNIQUE INDEX import_applied_once ON import(creditor_id, sha256) WHERE status IN ('applied', 'held');

        -- An e-invoice whose buyer matched no customer: never reminded until a person identifies it.
        ALTER TABLE customer ADD COLUMN needs_identification INTEGER NOT NULL DEFAULT 0
            CHECK (needs_identification IN (0, 1));
        CREATE INDEX customer_siren ON customer(creditor_id, siren) WHERE siren IS NOT NULL;
        CREATE INDEX customer_vat ON customer(creditor_id, vat_number) WHERE vat_number IS NOT NULL;

        ALTER TABLE invoice ADD COLUMN due_source TEXT;
        -- Relative to the state folder, content-addressed: documents/<2 hex>/<sha256>.<ext>.
        ALTER TABLE invoice ADD COLUMN document_path TEXT
            CHECK (document_path IS NULL OR (document_path GLOB 'documents/*' AND document_path NOT GLOB '*..*'));
        ALTER TABLE invoice ADD COLUMN document_sha256 TEXT;
        ALTER TABLE invoice ADD COLUMN document_media_type TEXT;
        ALTER TABLE invoice ADD COLUMN document_name TEXT;
        """
}

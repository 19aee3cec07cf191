extension AppDatabase {
    /// The web console's users. A name is lower-case letters, digits and `._@-`; the password is
    /// a bcrypt hash (`$2a$`/`$2b$`/`$2y$`), never the password itself.
    static let consoleUsers = """
        CREATE TABLE console_user (
            name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64 AND name NOT GLOB '*[^a-z0-9._@-]*'),
            password_hash TEXT NOT NULL CHECK (password_hash GLOB '$2[aby]$[0-9][0-9]$*' AND length(password_hash) = 60),
            all_creditors INTEGER NOT NULL CHECK (all_creditors IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE console_user_creditor (
            user_name TEXT NOT NULL REFERENCES console_user(name) ON DELETE CASCADE,
            creditor_id TEXT NOT NULL CHECK (length(creditor_id) BETWEEN 1 AND 64),
            PRIMARY KEY (user_name, creditor_id)
        ) STRICT;
        """
}

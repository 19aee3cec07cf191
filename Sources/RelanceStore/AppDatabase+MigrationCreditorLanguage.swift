import GRDB
import RelanceCore

extension AppDatabase {
    /// `v10-creditor-language`: the creditor's language, set from the configuration each time
    /// the creditor is registered, so that the lines the store journals by itself (imports, the
    /// outbox, the bank, disputes) are worded in the creditor's language, not always in English.
    /// NULL (a store older than this migration, until the next start) reads as English.
    static let creditorLanguageMigration = """
        ALTER TABLE creditor ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('fr', 'en'));
        """
}

extension AppDatabase {
    /// The creditor's words for the lines the store journals by itself; English for a creditor
    /// registered without a language.
    ///
    /// Cached statement: the outbox asks it two or three times per message sent.
    static func wording(of creditor: String, in db: Database) throws -> any Wording {
        wording(language: try db.valueCached("SELECT language FROM creditor WHERE id = ?", [creditor], as: String.self))
    }

    /// The words of a creditor whose `language` column was already read (English when unset).
    static func wording(language tag: String?) -> any Wording {
        (tag.flatMap(Language.init(rawValue:)) ?? .english).wording
    }
}

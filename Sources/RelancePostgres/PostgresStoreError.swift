/// A failure of the PostgreSQL store with a code and context: what is wrong, where, and what to
/// do. PostgreSQL's own errors (constraint violations, lost connections) pass through as
/// PostgresNIO's `PSQLError`, which carries the SQLSTATE and the server's message.
public struct PostgresStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// `[store] url` or its companions are not a usable PostgreSQL address.
        public static let invalidSettings = Code(rawValue: "invalid-settings")
        /// The database was migrated by a newer Relance: this one must not write to it.
        public static let newerSchema = Code(rawValue: "newer-schema")
        /// A migration failed; it was rolled back as a whole.
        public static let migrationFailed = Code(rawValue: "migration-failed")
        /// The migrations table says something this version's list of migrations contradicts.
        public static let migrationMismatch = Code(rawValue: "migration-mismatch")
        /// A write under a lease whose token is no longer the current one (or has expired):
        /// another daemon took the work over. Nothing was written.
        public static let staleLease = Code(rawValue: "stale-lease")
        /// An outbox message this daemon no longer holds (its claim expired, another took it).
        public static let notClaimer = Code(rawValue: "not-claimer")
        public static let notFound = Code(rawValue: "not-found")
        /// A file for a creditor the configuration never registered.
        public static let unknownCreditor = Code(rawValue: "unknown-creditor")
        public static let invalidState = Code(rawValue: "invalid-state")
        /// A value a person gave that cannot be stored as it is (a reason too long, on several lines).
        public static let invalidInput = Code(rawValue: "invalid-input")
        /// A row breaks an invariant the code relies on.
        public static let corrupt = Code(rawValue: "corrupt")
    }

    public var code: Code
    public var message: String
    /// Where: the setting, migration, lease or message the failure is about (`key=value` pairs).
    public var context: [String: String]

    public init(_ code: Code, _ message: String, context: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.context = context
    }

    public var description: String {
        let place = context.isEmpty ? "" : " (" + context.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + ")"
        return "postgresql store: \(message)\(place) [\(code)]"
    }
}

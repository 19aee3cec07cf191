/// A store failure with a code and context. SQLite's own errors pass through as they are
/// (GRDB's `DatabaseError` carries the SQL and the result code); this covers our checks.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A row breaks an invariant the code relies on: restore a backup or report a bug.
        public static let corrupt = Code(rawValue: "corrupt")
        public static let unknownCreditor = Code(rawValue: "unknown-creditor")
        public static let notFound = Code(rawValue: "not-found")
        public static let invalidState = Code(rawValue: "invalid-state")
        /// A value a person gave that the store cannot keep (said what is wrong in the message).
        public static let invalidInput = Code(rawValue: "invalid-input")
        /// The store file cannot be opened as asked (missing, not readable or not writable).
        public static let cannotOpen = Code(rawValue: "cannot-open")
        /// Another program holds the store's write lock longer than we may wait.
        public static let busy = Code(rawValue: "busy")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "store: \(message) [\(code)]" }
}

public import Foundation

/// A person who may sign in to the web console, and the creditors whose books they may see.
/// The password is kept only as a bcrypt hash.
public struct ConsoleUser: Sendable, Hashable {
    public var name: String
    public var passwordHash: String
    /// Every creditor, including those configured later (an accounting firm's partner).
    public var allCreditors: Bool
    public var creditors: Set<CreditorID>

    public init(name: String, passwordHash: String, allCreditors: Bool, creditors: Set<CreditorID>) {
        self.name = name
        self.passwordHash = passwordHash
        self.allCreditors = allCreditors
        self.creditors = creditors
    }

    public func maySee(_ creditor: CreditorID) -> Bool { allCreditors || creditors.contains(creditor) }

    /// The creditor whose language the journal speaks about this user: a user of exactly one
    /// creditor is that creditor's person; a user of several or all creditors is the operator's
    /// (nil: English). The line stays machine-wide either way (the user may come before the book).
    public var soleCreditor: CreditorID? { allCreditors || creditors.count != 1 ? nil : creditors.first }

    /// `[a-z0-9._@-]{1,64}`: a name that is safe in a log line and a cookie-free URL.
    public static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || ".-_@".unicodeScalars.contains($0) }
    }
}

/// The console's users, in the store beside the books they open.
public protocol ConsoleUserStore: Sendable {
    /// Adds the user, or replaces their password and creditors; journaled without the hash.
    func saveConsoleUser(_ user: ConsoleUser, at time: Date) async throws
    func consoleUser(named name: String) async throws -> ConsoleUser?
    func consoleUsers() async throws -> [ConsoleUser]
    /// False when there was no such user.
    func removeConsoleUser(named name: String, at time: Date) async throws -> Bool
}

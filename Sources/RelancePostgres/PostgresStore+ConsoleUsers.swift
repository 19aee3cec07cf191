public import Foundation
import PostgresNIO
public import RelanceCore

/// `console_user` and `console_user_creditor`: who may sign in to the console and which books
/// they see, shared by every daemon of the book (a user added on one machine signs in on all).
extension PostgresStore: ConsoleUserStore {
    public func saveConsoleUser(_ user: ConsoleUser, at time: Date) async throws {
        try await transaction { connection in
            // `xmax = 0` only on a row this statement inserted: added or updated, decided by the
            // row itself, so two daemons saving the same new user journal one "added".
            let rows = try await connection.liveQuery("""
                INSERT INTO console_user AS u (name, password_hash, all_creditors, created_at, updated_at)
                VALUES (\(user.name), \(user.passwordHash), \(user.allCreditors), \(time), \(time))
                ON CONFLICT (name) DO UPDATE SET password_hash = EXCLUDED.password_hash,
                    all_creditors = EXCLUDED.all_creditors, updated_at = EXCLUDED.updated_at
                RETURNING (xmax = 0)
                """, logger: logger)
            var added = false
            for try await inserted in rows.decode(Bool.self) { added = inserted }
            try await connection.liveQuery("DELETE FROM console_user_creditor WHERE user_name = \(user.name)", logger: logger)
            let creditors = user.creditors.sorted().map(\.rawValue)
            if !creditors.isEmpty {
                try await connection.liveQuery("""
                    INSERT INTO console_user_creditor (user_name, creditor_id) SELECT \(user.name), unnest(\(creditors)::text[])
                    """, logger: logger)
            }
            let words = try await Self.wording(of: user.soleCreditor?.rawValue ?? "", on: connection, logger: logger)
            try await Self.append(NewEvent(time: time, kind: added ? "console.user.added" : "console.user.updated",
                                           summary: words.consoleUserSaved(name: user.name, added: added,
                                                                           creditors: user.allCreditors ? nil : creditors),
                                           detail: ["user": user.name]), on: connection, logger: logger)
        }
    }

    public func consoleUser(named name: String) async throws -> ConsoleUser? {
        try await connection { connection in try await Self.consoleUsers(named: name, on: connection, logger: logger).first }
    }

    public func consoleUsers() async throws -> [ConsoleUser] {
        try await connection { connection in try await Self.consoleUsers(named: nil, on: connection, logger: logger) }
    }

    public func removeConsoleUser(named name: String, at time: Date) async throws -> Bool {
        try await transaction { connection in
            // Read (and lock) before deleting: the creditors go with the user (ON DELETE CASCADE)
            // and decide the journal line's language.
            guard let user = try await Self.consoleUsers(named: name, lock: true, on: connection, logger: logger).first else { return false }
            try await connection.liveQuery("DELETE FROM console_user WHERE name = \(name)", logger: logger)
            let words = try await Self.wording(of: user.soleCreditor?.rawValue ?? "", on: connection, logger: logger)
            try await Self.append(NewEvent(time: time, kind: "console.user.removed", summary: words.consoleUserRemoved(name: name),
                                           detail: ["user": name]), on: connection, logger: logger)
            return true
        }
    }

    /// One user (`name`) or all of them, by name, with their creditors in one statement.
    private static func consoleUsers(named name: String?, lock: Bool = false, on connection: PostgresConnection,
                                     logger: Logger) async throws -> [ConsoleUser] {
        let rows = try await connection.liveQuery("""
            SELECT u.name, u.password_hash, u.all_creditors,
                   COALESCE((SELECT array_agg(c.creditor_id ORDER BY c.creditor_id) FROM console_user_creditor c WHERE c.user_name = u.name),
                            '{}'::text[])
            FROM console_user u WHERE \(name)::text IS NULL OR u.name = \(name)::text ORDER BY u.name \(unescaped: lock ? "FOR UPDATE" : "")
            """, logger: logger)
        var users: [ConsoleUser] = []
        for try await (userName, hash, all, creditors) in rows.decode((String, String, Bool, [String]).self) {
            users.append(ConsoleUser(name: userName, passwordHash: hash, allCreditors: all,
                                     creditors: Set(creditors.compactMap(CreditorID.init))))
        }
        return users
    }
}

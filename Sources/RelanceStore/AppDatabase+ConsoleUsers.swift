public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: ConsoleUserStore {
    public func saveConsoleUser(_ user: ConsoleUser, at time: Date) async throws {
        try await writer.write { db in
            let existed = try Bool.fetchOne(db, sql: "SELECT 1 FROM console_user WHERE name = ?", arguments: [user.name]) ?? false
            try db.execute(sql: """
                INSERT INTO console_user (name, password_hash, all_creditors, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
                ON CONFLICT (name) DO UPDATE SET password_hash = ?2, all_creditors = ?3, updated_at = ?4
                """, arguments: [user.name, user.passwordHash, user.allCreditors, time])
            try db.execute(sql: "DELETE FROM console_user_creditor WHERE user_name = ?", arguments: [user.name])
            for creditor in user.creditors.sorted() {
                try db.execute(sql: "INSERT INTO console_user_creditor (user_name, creditor_id) VALUES (?, ?)",
                               arguments: [user.name, creditor.rawValue])
            }
            // In the language of the user's one creditor (English for a creditor not yet in the store).
            let words = try Self.wording(of: user.soleCreditor?.rawValue ?? "", in: db)
            try Self.append(NewEvent(time: time, kind: existed ? "console.user.updated" : "console.user.added",
                                     summary: words.consoleUserSaved(name: user.name, added: !existed,
                                                                     creditors: user.allCreditors ? nil : user.creditors.sorted().map(\.rawValue)),
                                     detail: ["user": user.name]), in: db)
        }
    }

    public func consoleUser(named name: String) async throws -> ConsoleUser? {
        try await writer.read { db in try Self.consoleUser(named: name, in: db) }
    }

    public func consoleUsers() async throws -> [ConsoleUser] {
        try await writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM console_user ORDER BY name").compactMap { try Self.consoleUser(named: $0, in: db) }
        }
    }

    public func removeConsoleUser(named name: String, at time: Date) async throws -> Bool {
        try await writer.write { db in
            guard let user = try Self.consoleUser(named: name, in: db) else { return false }
            try db.execute(sql: "DELETE FROM console_user WHERE name = ?", arguments: [name])
            let words = try Self.wording(of: user.soleCreditor?.rawValue ?? "", in: db)
            try Self.append(NewEvent(time: time, kind: "console.user.removed", summary: words.consoleUserRemoved(name: name),
                                     detail: ["user": name]), in: db)
            return true
        }
    }

    private static func consoleUser(named name: String, in db: Database) throws -> ConsoleUser? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM console_user WHERE name = ?", arguments: [name]) else { return nil }
        let creditors = try String.fetchAll(db, sql: "SELECT creditor_id FROM console_user_creditor WHERE user_name = ?", arguments: [name])
        return ConsoleUser(name: row["name"], passwordHash: row["password_hash"], allCreditors: row["all_creditors"],
                           creditors: Set(creditors.compactMap(CreditorID.init)))
    }
}

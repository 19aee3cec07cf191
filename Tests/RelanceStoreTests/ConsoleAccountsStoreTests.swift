import Foundation
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
@testable import RelanceStore
import Testing

/// The console's users and sessions, the same tests on both stores: a user added, changed and
/// removed (journaled in the creditor's words, never with the hash), sessions found by their
/// hash until they expire, expired ones purged, a raw token refused by the schema.
@Suite struct ConsoleAccountsStoreTests {
    typealias F = StoreFixtures
    static let hash = "$2b$04$" + String(repeating: "a", count: 53)

    /// The two ports of one book, and what the tests read or try beneath them.
    struct Accounts {
        var users: any ConsoleUserStore
        var sessions: any ConsoleSessionStore
        var journal: any EventJournal
        var registerCreditor: @Sendable (CreditorID, Language) async throws -> Void
        var sessionRows: @Sendable () async throws -> Int
        /// Inserts a session row whose "hash" is a raw token, beneath the port.
        var insertRawToken: @Sendable () async throws -> Void
    }

    static func accounts(_ book: any BookUnderTest) throws -> Accounts {
        if let book = book as? SQLiteBook {
            let store = book.store
            return Accounts(users: store, sessions: store, journal: store,
                            registerCreditor: { try await store.registerCreditor($0, language: $1, at: F.time) },
                            sessionRows: { try await store.consoleSessionCountForTesting() },
                            insertRawToken: { try store.executeForTesting(rawTokenInsert) })
        }
        let store = try #require((book as? PostgresBook)?.store)
        return Accounts(users: store, sessions: store, journal: store,
                        registerCreditor: { try await store.registerCreditor($0, language: $1, at: F.time) },
                        sessionRows: {
                            try await store.connection { connection in
                                for try await count in try await connection.query("SELECT count(*) FROM console_session",
                                                                                  logger: store.logger).decode(Int.self) { return count }
                                return 0
                            }
                        },
                        insertRawToken: {
                            try await store.connection { connection in
                                _ = try await connection.query(PostgresQuery(unsafeSQL: rawTokenInsert), logger: store.logger)
                            }
                        })
    }

    static let csrf = String(repeating: "x", count: 43)
    static let rawTokenInsert = """
        INSERT INTO console_session (token_sha256, user_name, csrf, created_at, expires_at)
        VALUES ('raw-token', 'x', '\(csrf)', '2026-11-20 10:00:00', '2026-11-20 11:00:00')
        """

    @Test(arguments: StoreBackend.all) func aUserIsAddedChangedAndRemovedJournaledWithoutTheHash(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let accounts = try Self.accounts(book)
            let other = try #require(CreditorID("globex"))
            try await accounts.users.saveConsoleUser(ConsoleUser(name: "marie", passwordHash: Self.hash, allCreditors: false,
                                                                 creditors: [F.creditor, other]), at: F.time)
            try await accounts.users.saveConsoleUser(ConsoleUser(name: "paul", passwordHash: Self.hash, allCreditors: true, creditors: []),
                                                     at: F.time)
            let marie = try #require(try await accounts.users.consoleUser(named: "marie"))
            #expect(marie.creditors == [F.creditor, other] && !marie.allCreditors && marie.passwordHash == Self.hash)
            #expect(try await accounts.users.consoleUsers().map(\.name) == ["marie", "paul"])
            #expect(try await accounts.users.consoleUser(named: "nobody") == nil)

            // Saving again replaces the password and the creditors.
            let newHash = "$2b$04$" + String(repeating: "b", count: 53)
            try await accounts.users.saveConsoleUser(ConsoleUser(name: "marie", passwordHash: newHash, allCreditors: false,
                                                                 creditors: [other]), at: F.time.addingTimeInterval(60))
            let changed = try #require(try await accounts.users.consoleUser(named: "marie"))
            #expect(changed.creditors == [other] && changed.passwordHash == newHash)

            #expect(try await accounts.users.removeConsoleUser(named: "marie", at: F.time.addingTimeInterval(120)))
            #expect(try await accounts.users.removeConsoleUser(named: "marie", at: F.time.addingTimeInterval(180)) == false)
            #expect(try await accounts.users.consoleUsers().map(\.name) == ["paul"])

            let lines = try await accounts.journal.recentEvents(of: nil, limit: 50).map(\.event).filter { $0.kind.hasPrefix("console.user") }
            #expect(lines.map(\.kind).sorted() == ["console.user.added", "console.user.added", "console.user.removed", "console.user.updated"])
            #expect(lines.allSatisfy { $0.detail["user"] != nil && !$0.summary.contains("$2b$") })
        }
    }

    @Test(arguments: StoreBackend.all) func aUserOfOneFrenchCreditorIsJournaledInFrench(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let accounts = try Self.accounts(book)
            try await accounts.registerCreditor(F.creditor, .french)
            let user = ConsoleUser(name: "marie", passwordHash: Self.hash, allCreditors: false, creditors: [F.creditor])
            try await accounts.users.saveConsoleUser(user, at: F.time)
            #expect(try await accounts.users.removeConsoleUser(named: "marie", at: F.time.addingTimeInterval(60)))
            let french = Language.french.wording
            let lines = try await accounts.journal.recentEvents(of: nil, limit: 50).map(\.event.summary)
            #expect(lines.contains(french.consoleUserSaved(name: "marie", added: true, creditors: [F.creditor.rawValue])))
            #expect(lines.contains(french.consoleUserRemoved(name: "marie")))
        }
    }

    @Test(arguments: StoreBackend.all) func sessionsAreFoundByTheirHashUntilTheyExpireAndExpiredOnesArePurged(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let accounts = try Self.accounts(book)
            let sessions = accounts.sessions
            let hashA = String(repeating: "a", count: 64), hashB = String(repeating: "b", count: 64)
            try await sessions.openConsoleSession(StoredConsoleSession(tokenSHA256: hashA, userName: "marie", csrf: Self.csrf,
                                                                       expiresAt: F.time.addingTimeInterval(600)), at: F.time)
            #expect(try await sessions.consoleSession(tokenSHA256: hashA, now: F.time.addingTimeInterval(10))?.userName == "marie")
            #expect(try await sessions.consoleSession(tokenSHA256: hashA, now: F.time.addingTimeInterval(601)) == nil)
            try await sessions.extendConsoleSession(tokenSHA256: hashA, until: F.time.addingTimeInterval(1_200))
            #expect(try await sessions.consoleSession(tokenSHA256: hashA, now: F.time.addingTimeInterval(601))?.csrf == Self.csrf)
            // An extension never shortens (two daemons serving the same person keep the later one).
            try await sessions.extendConsoleSession(tokenSHA256: hashA, until: F.time.addingTimeInterval(700))
            #expect(try await sessions.consoleSession(tokenSHA256: hashA, now: F.time.addingTimeInterval(1_000)) != nil)
            // Opening another session after A expired removes A's row.
            try await sessions.openConsoleSession(StoredConsoleSession(tokenSHA256: hashB, userName: "paul", csrf: Self.csrf,
                                                                       expiresAt: F.time.addingTimeInterval(5_000)),
                                                  at: F.time.addingTimeInterval(1_300))
            #expect(try await accounts.sessionRows() == 1)
            try await sessions.closeConsoleSession(tokenSHA256: hashB)
            #expect(try await sessions.consoleSession(tokenSHA256: hashB, now: F.time) == nil)
            // Only a hash can be stored, never a token.
            await #expect(throws: (any Error).self) { try await accounts.insertRawToken() }
            #expect(try await accounts.sessionRows() == 0)
        }
    }
}

import Foundation
@testable import RelancePostgres
import RelancePostgresTesting
import Testing

/// The signing key of a shared book: written once by the first daemon, the same for all after —
/// a bounce signed by one daemon is verified by whichever reads the mailbox.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct PostgresBookSecretTests {
    @Test func daemonsStartingTogetherAllGetTheFirstKeyWritten() async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            var stores: [PostgresStore] = []
            for index in 0..<6 { stores.append(try await PostgresStore.open(settings, daemonID: "daemon-\(index)", logger: PostgresTestDatabase.logger)) }
            let opened = stores
            let outcome = await Result {
                #expect(try await opened[0].existingBookSecret(.tokenSecret) == nil, "a fresh book has no key")
                let keys = try await withThrowingTaskGroup(of: [UInt8].self) { group in
                    for (index, store) in opened.enumerated() {
                        group.addTask { try await store.bookSecret(.tokenSecret, proposing: Array(repeating: UInt8(index + 1), count: 32)) }
                    }
                    return try await group.reduce(into: [[UInt8]]()) { $0.append($1) }
                }
                #expect(Set(keys).count == 1, "every daemon signs with one key")
                let first = try #require(keys.first)
                #expect((1...6).map { Array(repeating: UInt8($0), count: 32) }.contains(first), "one of the proposals, as proposed")
                #expect(try await opened[5].bookSecret(.tokenSecret, proposing: Array(repeating: 9, count: 32)) == first, "kept for good")
                #expect(try await opened[2].existingBookSecret(.tokenSecret) == first)
            }
            for store in stores { await store.close() }
            try outcome.get()
        }
    }

    @Test func aKeyTooShortToSignIsRefusedByTheSchema() async throws {
        _ = try await PostgresTestDatabase.withStore { store in
            await #expect(throws: (any Error).self) { try await store.bookSecret(.tokenSecret, proposing: [1, 2, 3]) }
        }
    }
}

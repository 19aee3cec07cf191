import ArgumentParser
import Foundation
import RelanceDaemon
import RelancePostgres
import RelanceStore

/// `relance store`: the book's database itself — its schema, and moving it to PostgreSQL.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Bring the store's schema up to date, or copy a SQLite book into PostgreSQL.",
        subcommands: [Migrate.self, Copy.self])

    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Apply the migrations the store lacks (the daemon also does at start) and list them.",
            discussion: "With several daemons on one PostgreSQL database, run it once before starting the new version everywhere.")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let configuration = try options.loadConfiguration()
            let logger = options.makeLogger()
            if let postgres = configuration.postgresStore {
                let store = try await PostgresStore.open(try postgres.resolved(secrets: SecretStore()), logger: logger)
                let applied: [String]
                do {
                    applied = try await store.appliedMigrations()
                } catch {
                    await store.close()
                    throw error
                }
                await store.close()
                print("PostgreSQL store \(postgres.settings.redactedURL): schema up to date, migrations \(applied.joined(separator: ", ")).")
            } else {
                // A running daemon of the previous version must not find its schema changed under it.
                let lock: RunLock
                do {
                    lock = try RunLock(beside: configuration.storeFile)
                } catch {
                    throw Failure("\(error.description) Migrate once it is stopped; the new version's daemon migrates at start anyway.")
                }
                defer { withExtendedLifetime(lock) {} }
                let store = try AppDatabase.openOnDisk(at: configuration.storeFile)
                let applied = try await store.appliedMigrations()
                print("SQLite store \(configuration.storeFile.path): schema up to date, \(applied.count) migrations (the last \(applied.last ?? "none")).")
            }
        }
    }

    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy a SQLite book into the empty PostgreSQL database [store] names, verified table by table.",
            discussion: """
                Stop the daemon first (the copy holds the SQLite store's run lock). Every table is written in one \
                transaction, read back and compared with the SQLite file by row count and checksum before it commits; \
                any difference rolls the whole copy back. The SQLite file is left as it was: keep it until the new \
                store has run for a while. Example: relance store copy --from sqlite:/var/lib/relance/relance.sqlite
                """)
        @OptionGroup var options: GlobalOptions
        @Option(help: ArgumentHelp("The SQLite store to copy.", valueName: "sqlite:path")) var from: String

        func run() async throws {
            let configuration = try options.loadConfiguration()
            guard let postgres = configuration.postgresStore else {
                throw Failure("\(configuration.file.path) names no PostgreSQL database: add [store] url = \"postgresql://USER@HOST:5432/DATABASE\" (and remove store_file), then copy")
            }
            let file = try StoreMove.sqliteFile(from: from)
            print("Copying \(file.path) into \(postgres.settings.redactedURL)…")
            let report = try await StoreMove.copy(sqliteFile: file, into: postgres, secrets: SecretStore(), logger: options.makeLogger()) { table in
                guard table.rows > 0 else { return }
                print("  \(table.name): \(rows(table.rows)), checksum \(table.checksum.prefix(16)), the same on both sides")
            }
            let empty = report.tables.filter { $0.rows == 0 }.map(\.name)
            if !empty.isEmpty { print("  empty on both sides: \(empty.sorted().joined(separator: ", "))") }
            print("Copied \(report.tables.count) tables, \(rows(report.tables.reduce(0) { $0 + $1.rows })), each read back and verified; committed.")
            print("Start the daemon with this configuration once the PostgreSQL store can run it (issue 16); keep \(file.lastPathComponent) until then.")
            if !report.notCopied.isEmpty {
                print("Kept by PostgreSQL itself, not copied: \(report.notCopied.joined(separator: ", ")).")
            }
        }
    }
}

private func rows(_ count: Int) -> String { count == 1 ? "1 row" : "\(count) rows" }

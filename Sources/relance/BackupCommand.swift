import ArgumentParser
import Foundation
import RelanceDaemon
import RelancePostgres
import RelanceStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store consistently, even while the daemon runs.",
        discussion: """
            SQLite: its online backup. To restore: stop the daemon (systemctl stop relance), copy the backup over \
            the store file named in `relance status`, delete the store's -wal and -shm files, start the daemon. \
            PostgreSQL ([store] url): pg_dump's custom format (install postgresql-client of the server's major version); \
            restore with pg_restore --no-owner into a new database.
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "path")) var path: String

    func run() async throws {
        let configuration = try options.loadConfiguration()
        if let postgres = configuration.postgresStore {
            let summary = try PostgresDump.backup(try postgres.resolved(secrets: SecretStore()), to: URL(fileURLWithPath: path))
            print("Store dumped to \(path) with pg_dump (custom format, \(summary.bytes) bytes, the rows of \(summary.tablesWithData) tables; "
                  + "pg_restore --list reads it). To restore: createdb -O \(postgres.settings.user) NEW, then "
                  + "pg_restore --no-owner --dbname=NEW \(path), and point [store] url at NEW.")
            return
        }
        let store = try AppDatabase.openOnDisk(at: configuration.storeFile)
        let destination = URL(fileURLWithPath: path)
        try store.backup(to: destination)
        let problems = try AppDatabase.openOnDisk(at: destination).integrityProblems()
        guard problems.isEmpty else { throw Failure("the copy at \(path) fails its integrity check: \(problems.joined(separator: "; "))") }
        print("Store copied to \(path) (integrity check passed).")
    }
}

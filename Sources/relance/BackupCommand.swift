import ArgumentParser
import Foundation
import RelanceDaemon
import RelanceStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store consistently, even while the daemon runs.",
        discussion: """
            Uses SQLite's online backup. To restore: stop the daemon (systemctl stop relance), copy the backup over \
            the store file named in `relance status`, delete the store's -wal and -shm files, start the daemon.
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "path")) var path: String

    func run() async throws {
        let configuration = try options.loadConfiguration()
        do {
            try configuration.requireSQLiteStore()  // PostgreSQL: pg_dump, once that store is complete
        } catch {
            throw Failure(error.description)
        }
        let store = try AppDatabase.openOnDisk(at: configuration.storeFile)
        let destination = URL(fileURLWithPath: path)
        try store.backup(to: destination)
        let problems = try AppDatabase.openOnDisk(at: destination).integrityProblems()
        guard problems.isEmpty else { throw Failure("the copy at \(path) fails its integrity check: \(problems.joined(separator: "; "))") }
        print("Store copied to \(path) (integrity check passed).")
    }
}

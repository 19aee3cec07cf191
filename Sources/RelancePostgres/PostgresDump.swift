public import Foundation

extension PostgresStoreError.Code {
    /// `pg_dump` is missing, failed, or wrote something `pg_restore` cannot read.
    public static let backupFailed = PostgresStoreError.Code(rawValue: "backup-failed")
}

/// `relance backup PATH` on the PostgreSQL store: PostgreSQL's own `pg_dump` (custom format, a
/// consistent snapshot even while daemons write; without owners and comments, so that the
/// store's own role can restore it: pg_trgm's comment belongs to the superuser), then `pg_restore --list` to check the file
/// reads back. Written beside PATH first and renamed when sound, owner-only (0600: the book
/// holds personal data); the password reaches pg_dump in its environment, never its arguments.
public enum PostgresDump {
    /// What the backup holds: the number of tables whose rows it carries.
    public struct Summary: Sendable, Hashable {
        public var tablesWithData: Int
        public var bytes: Int
    }

    /// Debian's bundle: libpq 15 has no `sslrootcert=system`, and the store's default is the
    /// system's trust store.
    static let systemTrustStore = "/etc/ssl/certs/ca-certificates.crt"

    public static func backup(_ settings: PostgresStoreSettings, to destination: URL) throws(PostgresStoreError) -> Summary {
        let partial = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).partial")
        _ = unlink(partial.path)
        let descriptor = open(partial.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw PostgresStoreError(.backupFailed, "cannot create \(partial.path): \(String(cString: strerror(errno)))",
                                     context: ["path": destination.path])
        }
        close(descriptor)
        do throws(PostgresStoreError) {
            try run("pg_dump", ["--format=custom", "--no-owner", "--no-comments", "--file=\(partial.path)", "--dbname=\(connectionString(settings))"], settings)
            let listing = try run("pg_restore", ["--list", partial.path], settings)
            let tables = listing.split(separator: "\n").filter { $0.contains(" TABLE DATA ") }.count
            guard tables > 0 else {
                throw PostgresStoreError(.backupFailed, "the dump holds no table's rows: is \(settings.database) the store's database?",
                                         context: ["path": destination.path])
            }
            guard rename(partial.path, destination.path) == 0 else {
                throw PostgresStoreError(.backupFailed, "cannot move the backup into place: \(String(cString: strerror(errno)))",
                                         context: ["path": destination.path])
            }
            let bytes = (try? FileManager.default.attributesOfItem(atPath: destination.path)[.size] as? Int) ?? 0
            return Summary(tablesWithData: tables, bytes: bytes)
        } catch {
            _ = unlink(partial.path)
            throw error
        }
    }

    /// libpq's keyword/value form; each value quoted as libpq reads it (`'…'`, `\'` and `\\`).
    static func connectionString(_ settings: PostgresStoreSettings) -> String {
        func quoted(_ value: String) -> String {
            "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        }
        var pairs = [("host", settings.host), ("port", String(settings.port)), ("user", settings.user), ("dbname", settings.database),
                     ("sslmode", settings.sslMode.rawValue), ("application_name", "relance backup")]
        if settings.sslMode != .disable {
            pairs.append(("sslrootcert", settings.rootCertificatePath ?? systemTrustStore))
        }
        return pairs.map { "\($0.0)=\(quoted($0.1))" }.joined(separator: " ")
    }

    /// Runs a PostgreSQL client program; its standard output, or its standard error in the error.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], _ settings: PostgresStoreSettings) throws(PostgresStoreError) -> String {
        guard let path = ["/usr/bin", "/usr/local/bin", "/usr/lib/postgresql/15/bin"].map({ "\($0)/\(program)" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw PostgresStoreError(.backupFailed, "\(program) is not installed: apt-get install postgresql-client (the server's major version or newer)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
        if let password = settings.password { environment["PGPASSWORD"] = password }
        process.environment = environment
        // Files, not pipes: a listing larger than a pipe's buffer would block the program.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("relance-\(program)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let standardOutput: Data
        let standardError: Data
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            let outputFile = scratch.appendingPathComponent("out"), errorFile = scratch.appendingPathComponent("err")
            _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: outputFile)
            process.standardError = try FileHandle(forWritingTo: errorFile)
            try process.run()
            process.waitUntilExit()
            standardOutput = try Data(contentsOf: outputFile)
            standardError = try Data(contentsOf: errorFile)
        } catch {
            throw PostgresStoreError(.backupFailed, "cannot run \(path): \(error)")
        }
        guard process.terminationStatus == 0 else {
            let said = String(decoding: standardError, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw PostgresStoreError(.backupFailed, "\(program) failed (exit \(process.terminationStatus)): \(said.prefix(600))",
                                     context: ["database": settings.redactedURL])
        }
        return String(decoding: standardOutput, as: UTF8.self)
    }
}

public import Foundation
import RelanceCore
import RelanceImport
import TOMLKit

/// Reads `relance.toml` into a `RelanceConfiguration`, or stops with the key and file at fault.
public enum ConfigurationLoader {
    public static func load(from url: URL) throws(ConfigurationError) -> RelanceConfiguration {
        let file = url.path
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigurationError(file: file, key: "", "cannot read the configuration file: check the path (--config or RELANCE_CONFIG) and its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: file, key: "", "is not UTF-8 text: save it as UTF-8")
        }
        return try parse(text, file: url)
    }

    public static func parse(_ text: String, file url: URL) throws(ConfigurationError) -> RelanceConfiguration {
        let file = url.path
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(file: file, key: "", "is not valid TOML: \(error.description)",
                                     line: error.source.begin.line, column: error.source.begin.column)
        } catch {
            throw ConfigurationError(file: file, key: "", "is not valid TOML: \(error)")
        }
        let root = ConfigTable(table: table, path: "", file: file)
        try root.refuseUnknownKeys(["drop_folder", "create_drop_folder", "state_folder", "store_file", "outbox_folder", "review_folder",
                                    "templates_folder", "reports_folder", "stable_after_seconds", "maximum_file_megabytes",
                                    "defaults", "policies", "creditors", "retention", "penalties", "web", "store"])
        let base = url.deletingLastPathComponent()
        func path(_ name: String, default fallback: @autoclosure () -> URL) throws(ConfigurationError) -> URL {
            guard let value = try root.string(name) else { return fallback() }
            return value.hasPrefix("/") ? URL(fileURLWithPath: value) : base.appendingPathComponent(value)
        }
        let state = try path("state_folder", default: URL(fileURLWithPath: "/var/lib/relance"))
        let policies = try PolicyReader.read(root.subtable("policies"))
        let defaults = try root.subtable("defaults")
        try defaults?.refuseUnknownKeys(["time_zone", "language", "csv_format", "smtp", "imap", "verp", "policy", "send_window", "digest",
                                         "default_payment_terms_days", "mass_settlement_threshold_percent", "bank_match_wait_days", "columns"])
        guard let creditorTables = try root.subtable("creditors"), !creditorTables.table.keys.isEmpty else {
            throw root.error("creditors", "no creditor is configured: add a [creditors.<id>] table (see examples/relance.toml)")
        }
        let terms = try PenaltiesReader.read(root.subtable("penalties"))
        let ids = creditorTables.table.keys.sorted()
        var creditors: [CreditorConfiguration] = []
        for id in ids {
            guard let table = try creditorTables.subtable(id) else { continue }
            creditors.append(try CreditorReader(table: table, defaults: defaults, policies: policies, terms: terms, base: base,
                                                dropSubfolder: ids.count > 1 ? id : "").read(id: id))
        }
        let megabytes = try root.int("maximum_file_megabytes", in: 1...10_000) ?? 200
        let retention = try root.subtable("retention")
        try retention?.refuseUnknownKeys(["mail_days", "inactive_customer_days", "processed_files_days"])
        let drop = try path("drop_folder", default: URL(fileURLWithPath: "/var/lib/relance/drop"))
        var configuration = RelanceConfiguration(
            file: url,
            dropFolder: drop,
            stateFolder: state,
            storeFile: try path("store_file", default: state.appendingPathComponent("relance.sqlite")),
            outboxFolder: try path("outbox_folder", default: state.appendingPathComponent("outbox")),
            reviewFolder: try path("review_folder", default: state.appendingPathComponent("review")),
            templatesFolder: try path("templates_folder", default: URL(fileURLWithPath: "/usr/local/share/relance/mail-templates")),
            reportsFolder: try path("reports_folder", default: drop.deletingLastPathComponent().appendingPathComponent("reports")),
            stableAfterSeconds: try root.double("stable_after_seconds", in: 0...3600) ?? 5,
            maximumFileBytes: megabytes * 1_048_576,
            creditors: creditors,
            retention: RetentionPolicy(mailDays: try retention?.int("mail_days", in: 30...36_500) ?? 365,
                                       inactiveCustomerDays: try retention?.int("inactive_customer_days", in: 30...36_500) ?? 3 * 365),
            processedFilesDays: try retention?.int("processed_files_days", in: 30...36_500) ?? 400)
        configuration.policies = policies
        configuration.createDropFolder = try root.bool("create_drop_folder") ?? false
        configuration.web = try WebSettingsReader.read(root.subtable("web"))
        configuration.postgresStore = try StoreSettingsReader.read(root.subtable("store"), base: base,
                                                                   storeFileSet: try root.string("store_file") != nil)
        return configuration
    }
}

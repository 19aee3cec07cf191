import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import RelanceTesting

/// A workspace with a configuration for one creditor, `acme`, delivering into an outbox folder.
struct DaemonFixture {
    let workspace: TemporaryWorkspace
    let clock: ManualWallClock

    /// Monday 30 November 2026, 10:00 in Paris: a business day.
    static let monday = "2026-11-30T10:00:00+01:00"

    init(active: Bool = true, extraCreditorSettings: String = "", stableAfterSeconds: Double = 0) throws {
        workspace = try TemporaryWorkspace("relance-daemon")
        clock = ManualWallClock(Self.monday)
        try workspace.write("relance.toml", """
            drop_folder = "drop"
            create_drop_folder = true
            state_folder = "state"
            outbox_folder = "outbox"
            review_folder = "review"
            templates_folder = "\(RepositoryPaths.mailTemplates.path)"
            stable_after_seconds = \(stableAfterSeconds)

            [creditors.acme]
            legal_name = "ACME SAS"
            sender = "compta@acme.example"
            bounce_address = "bounces@acme.example"
            iban = "FR76 3000 4000 0312 3456 7890 143"
            active = \(active)
            \(extraCreditorSettings)
            """)
    }

    var configuration: RelanceConfiguration {
        get throws { try ConfigurationLoader.load(from: workspace.url("relance.toml")) }
    }

    func runtime(secrets: SecretStore = SecretStore(environment: [:])) throws -> RelanceRuntime {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return try RelanceRuntime(configuration: try configuration, clock: clock, logger: logger, secrets: secrets)
    }

    /// Drops a file as the accountant would.
    func drop(_ name: String, _ contents: String) throws {
        try workspace.write("drop/\(name)", contents)
    }

    static let header = "customer;name;email;invoice;issue_date;due_date;amount"

    static func csv(_ rows: String...) -> String {
        ([header] + rows).joined(separator: "\n") + "\n"
    }
}

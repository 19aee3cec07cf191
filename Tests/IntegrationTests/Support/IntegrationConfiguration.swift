import RelanceTesting

/// The `relance.toml` the daemon's integration tests share: one active creditor `acme` sending
/// from `sender` through the SMTP settings given, with extra creditor settings as needed.
enum IntegrationConfiguration {
    static func toml(sender: String, creditorSettings: String = "", smtp: String) -> String {
        """
        drop_folder = "drop"
        state_folder = "state"
        templates_folder = "\(RepositoryPaths.mailTemplates.path)"
        stable_after_seconds = 0

        [creditors.acme]
        legal_name = "ACME SAS"
        sender = "\(sender)"
        iban = "FR76 3000 4000 0312 3456 7890 143"
        active = true
        \(creditorSettings)

        [creditors.acme.smtp]
        \(smtp)
        """
    }
}

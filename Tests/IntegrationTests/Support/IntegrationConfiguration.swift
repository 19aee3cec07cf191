import RelanceTesting

/// The `relance.toml` the daemon's integration tests share: one active creditor `acme` sending
/// from `sender` through the SMTP settings given, with extra creditor settings (and sections,
/// such as `[creditors.acme.imap]`) as needed.
enum IntegrationConfiguration {
    static func toml(sender: String, legalName: String = "ACME SAS", creditorSettings: String = "", smtp: String) -> String {
        """
        drop_folder = "drop"
        create_drop_folder = true
        state_folder = "state"
        templates_folder = "\(RepositoryPaths.mailTemplates.path)"
        stable_after_seconds = 0

        [creditors.acme]
        legal_name = "\(legalName)"
        sender = "\(sender)"
        iban = "FR76 3000 4000 0312 3456 7890 143"
        active = true
        \(creditorSettings)

        [creditors.acme.smtp]
        \(smtp)
        """
    }

    /// The test stack's submission port (STARTTLS + AUTH) as `user`, or another port (a relay).
    static func submission(_ stack: MailStack, user: String, port: Int? = nil, credential: String = "smtp-password",
                           trustTestCA: Bool = true) -> String {
        """
        host = "\(stack.host)"
        port = \(port ?? stack.submissionPort)
        username = "\(stack.address(user))"
        password_credential = "\(credential)"
        \(trustTestCA ? "ca_file = \"\(stack.caFile)\"" : "")
        """
    }

    /// A `[creditors.acme.imap]` section (or `archive_imap`…) reading `user`'s mailbox over STARTTLS.
    static func imap(_ stack: MailStack, user: String, section: String = "imap", port: Int? = nil, credential: String = "imap-password",
                     trustTestCA: Bool = true, extra: String = "") -> String {
        """
        [creditors.acme.\(section)]
        host = "\(stack.host)"
        port = \(port ?? stack.imapPort)
        security = "starttls"
        username = "\(stack.address(user))"
        password_credential = "\(credential)"
        \(trustTestCA ? "ca_file = \"\(stack.caFile)\"" : "")
        \(extra)
        """
    }
}

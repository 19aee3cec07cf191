import Foundation
import RelanceCore
import RelanceImport

/// Reads one `[creditors.ID]` table, falling back on `[defaults]` for shared settings.
struct CreditorReader {
    let table: ConfigTable
    let defaults: ConfigTable?
    let policies: [String: Policy]
    let terms: LatePaymentTerms
    let base: URL
    let dropSubfolder: String

    func read(id: String) throws(ConfigurationError) -> CreditorConfiguration {
        guard let creditorID = CreditorID(id) else {
            throw table.error("", "creditor ids use lowercase letters, digits, - and _ (they name a drop subfolder): \"\(id)\"")
        }
        try table.refuseUnknownKeys(Set([
            "legal_name", "address", "siren", "rcs", "vat_number", "iban", "bic", "phone", "sender_name", "sender",
            "reply_to", "bounce_address", "verp", "time_zone", "language", "active", "policy", "authoritative_source",
            "drop_subfolder", "smtp", "imap", "signature", "digest", "alsace_moselle", "maximum_ledger_age_days", "contractual_rate_percent", "send_window",
            "default_payment_terms_days", "mass_settlement_threshold_percent", "csv_format", "bank_match_wait_days", "payment_reference", "email_payment_qr", "columns", "share_capital", "legal_form", "people",
        ]).union(Self.sendingKeys))
        let legalName = try table.requiredString("legal_name", hint: "the company's legal name, printed on every reminder")
        let sender = try address("sender", required: true)!
        let timeZone = try inheritedString("time_zone") ?? "Europe/Paris"
        guard TimeZone(identifier: timeZone) != nil else {
            throw table.error("time_zone", "unknown time zone \"\(timeZone)\"; use an IANA name such as \"Europe/Paris\"")
        }
        let languageTag = try inheritedString("language") ?? "fr"
        guard let language = Language(tag: languageTag) else {
            throw table.error("language", "unsupported language \"\(languageTag)\"; use \"fr\" or \"en\"")
        }
        let policyName = try inheritedString("policy") ?? Policy.standard.name
        guard let policy = policies[policyName] else {
            throw table.error("policy", "no policy named \"\(policyName)\"; defined: \(policies.keys.sorted().joined(separator: ", "))")
        }
        let sourceName = try table.string("authoritative_source") ?? ParsedImport.Kind.openInvoices.rawValue
        guard let source = ParsedImport.Kind(rawValue: sourceName), source == .openInvoices || source == .fec else {
            throw table.error("authoritative_source", "must be \"open-invoices\" or \"fec\", found \"\(sourceName)\"")
        }
        let subfolder = try table.string("drop_subfolder") ?? dropSubfolder
        if subfolder.contains("/") || subfolder.hasPrefix(".") {
            throw table.error("drop_subfolder", "must be a plain folder name inside the drop folder")
        }
        let imap = try server("imap", defaultPorts: (starttls: 143, tls: 993, plain: 143), extraKeys: InboundSettingsReader.keys)
        var configuration = CreditorConfiguration(
            id: creditorID, legalName: legalName, addressLines: try table.strings("address") ?? [],
            siren: try table.string("siren"), rcs: try table.string("rcs"), vatNumber: try table.string("vat_number"),
            iban: try table.string("iban"), bic: try table.string("bic"), phone: try table.string("phone"),
            senderName: try table.string("sender_name") ?? legalName, senderAddress: sender,
            replyTo: try address("reply_to", required: false),
            bounceAddress: try address("bounce_address", required: false) ?? sender,
            verp: try inheritedBool("verp") ?? false, timeZone: timeZone, language: language,
            active: try table.bool("active") ?? false, policy: policy, authoritativeSource: source,
            dropSubfolder: subfolder,
            smtp: try server("smtp", defaultPorts: (starttls: 587, tls: 465, plain: 25)),
            imap: imap, inbound: try inbound(), signature: try table.string("signature") ?? "",
            digest: try digest(language: language), sending: try sendingSettings(imap: imap))
        configuration.alsaceMoselle = try table.bool("alsace_moselle") ?? false
        if let raw = try table.strings("people") {
            var people: [EmailAddress] = []
            for text in raw {
                switch EmailAddress.parse(text) {
                case .success(let address): people.append(address)
                case .failure(let problem): throw table.error("people", "\(problem): \"\(text)\"")
                }
            }
            configuration.people = people
        }
        configuration.maximumLedgerAgeDays = try table.int("maximum_ledger_age_days", in: 1...365) ?? 7
        configuration.terms = terms
        if let text = try inheritedString("send_window") {
            guard let window = Self.sendWindow(text) else {
                throw table.error("send_window", "must be like \"09:00-17:00\" (opening before closing, 24-hour clock), found \"\(text)\"")
            }
            configuration.sendWindow = window
        }
        if let percent = try table.double("contractual_rate_percent", in: 0...100) {
            // The planner never applies it below three times the legal interest rate (art. L441-10).
            configuration.terms.contractualRateBasisPoints = Int((percent * 100).rounded())
        }
        configuration.defaultPaymentTermsDays = try inheritedInt("default_payment_terms_days", in: 0...365) ?? 30
        configuration.massSettlementThresholdPercent = try inheritedInt("mass_settlement_threshold_percent", in: 0...100) ?? 20
        configuration.bankMatchWaitDays = try inheritedInt("bank_match_wait_days", in: 0...365) ?? 10
        if let text = try inheritedString("payment_reference") {
            guard let style = PaymentReferenceStyle(rawValue: text) else {
                throw table.error("payment_reference", "must be \"customer\" (the customer's code) or \"rf\" (an ISO 11649 RF creditor reference with check digits), found \"\(text)\"")
            }
            configuration.paymentReference = style
        }
        configuration.emailPaymentQR = try inheritedBool("email_payment_qr") ?? false
        configuration.spreadsheet = .default(for: language)
        if let text = try inheritedString("csv_format") {
            guard let flavor = SpreadsheetFormat.Flavor(rawValue: text) else {
                throw table.error("csv_format", "must be \"excel-fr\" (; separator, decimal comma, UTF-8 with BOM: French Excel) or \"rfc4180\" (, separator, decimal point), found \"\(text)\"")
            }
            configuration.spreadsheet = SpreadsheetFormat(flavor)
        }
        var columns = try table.subtable("columns")
        if columns == nil { columns = try defaults?.subtable("columns") }
        configuration.columnMapping = try ColumnMappingReader.read(columns)
        configuration.stepNames = Set(policies.values.flatMap { $0.steps.map(\.name) })
        try checkIdentity(&configuration)
        return configuration
    }

    /// The identifiers printed on every email and letter are checked now, not discovered by a
    /// customer whose transfer bounced; the legal form and share capital join the letterhead.
    private func checkIdentity(_ configuration: inout CreditorConfiguration) throws(ConfigurationError) {
        if let iban = configuration.iban, let problem = LegalIdentityCheck.ibanProblem(iban) {
            throw table.error("iban", "\"\(iban)\" \(problem)")
        }
        if let bic = configuration.bic, let problem = LegalIdentityCheck.bicProblem(bic) {
            throw table.error("bic", "\"\(bic)\" \(problem)")
        }
        if let siren = configuration.siren, let problem = LegalIdentityCheck.sirenProblem(siren) {
            throw table.error("siren", "\"\(siren)\" \(problem)")
        }
        if let vat = configuration.vatNumber, let problem = LegalIdentityCheck.vatProblem(vat, siren: configuration.siren) {
            throw table.error("vat_number", "\"\(vat)\" \(problem)")
        }
        if let form = try table.string("legal_form") {
            guard !form.trimmingSpaces().isEmpty else { throw table.error("legal_form", "is empty: write the legal form, such as \"SAS\" or \"SARL\"") }
            configuration.legalForm = form.trimmingSpaces()
        }
        if let capital = try table.double("share_capital", in: 0.01...1e13) {
            guard configuration.legalForm != nil else {
                throw table.error("share_capital", "needs legal_form beside it: letters print \"SAS au capital de …\"")
            }
            configuration.shareCapital = Money(minorUnits: Int64((capital * 100).rounded()), currency: .euro)
        } else if let form = configuration.legalForm, Self.capitalCompanies.contains(form.uppercased()) {
            throw table.error("share_capital", "is missing: a \(form) prints its share capital on its business letters (art. R123-238 of the Code de commerce); give it in euros, such as share_capital = 10000")
        }
    }

    /// Forms whose letters must state the share capital.
    static let capitalCompanies: Set<String> = ["SA", "SAS", "SASU", "SARL", "EURL", "SCA", "SELARL", "SELAS", "SELAFA", "SE"]

    /// A creditor's own value, else the `[defaults]` one.
    static func sendWindow(_ text: String) -> SendWindow? {
        let parts = text.split(separator: "-").map { $0.split(separator: ":").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }) else { return nil }
        return SendWindow(opens: (parts[0][0], parts[0][1]), closes: (parts[1][0], parts[1][1]))
    }

    private func inheritedString(_ name: String) throws(ConfigurationError) -> String? {
        if let own = try table.string(name) { return own }
        return try defaults?.string(name)
    }

    private func inheritedInt(_ name: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        if let own = try table.int(name, in: range) { return own }
        return try defaults?.int(name, in: range)
    }

    private func inheritedBool(_ name: String) throws(ConfigurationError) -> Bool? {
        if let own = try table.bool(name) { return own }
        return try defaults?.bool(name)
    }

    private func digest(language: Language) throws(ConfigurationError) -> DigestSettings? {
        var found = try table.subtable("digest")
        if found == nil { found = try defaults?.subtable("digest") }
        guard let digest = found else { return nil }
        try digest.refuseUnknownKeys(["recipients", "language", "hour", "send_when_empty", "escalate_after_days"])
        guard let raw = try digest.strings("recipients"), !raw.isEmpty else {
            throw digest.error("recipients", "is missing: the addresses of the people who get the daily digest, e.g. [\"compta@example.com\"]")
        }
        var recipients: [EmailAddress] = []
        for text in raw {
            switch EmailAddress.parse(text) {
            case .success(let address): recipients.append(address)
            case .failure(let problem): throw digest.error("recipients", "\(problem): \"\(text)\"")
            }
        }
        var chosen = language
        if let tag = try digest.string("language") {
            guard let parsed = Language(tag: tag) else { throw digest.error("language", "use \"fr\" or \"en\", found \"\(tag)\"") }
            chosen = parsed
        }
        return DigestSettings(recipients: recipients, language: chosen, hour: try digest.int("hour", in: 0...23) ?? 8,
                              sendWhenEmpty: try digest.bool("send_when_empty") ?? false,
                              escalateAfterDays: try digest.int("escalate_after_days", in: 1...365) ?? 3)
    }

    func address(_ name: String, required: Bool) throws(ConfigurationError) -> EmailAddress? {
        guard let text = try table.string(name) else {
            if required { throw table.error(name, "is missing: the address reminders are sent from, such as \"compta@example.com\"") }
            return nil
        }
        switch EmailAddress.parse(text) {
        case .success(let address): return address
        case .failure(let problem): throw table.error(name, "\(problem): \"\(text)\"")
        }
    }

    /// The mailbox settings of `[creditors.ID.imap]`, else `[defaults.imap]`, else the defaults.
    private func inbound() throws(ConfigurationError) -> InboundSettings {
        var found = try table.subtable("imap")
        if found == nil { found = try defaults?.subtable("imap") }
        guard let imap = found else { return InboundSettings() }
        return try InboundSettingsReader(table: imap).read()
    }

    func server(_ name: String, defaultPorts: (starttls: Int, tls: Int, plain: Int),
                extraKeys: Set<String> = []) throws(ConfigurationError) -> MailServerSettings? {
        var found = try table.subtable(name)
        if found == nil { found = try defaults?.subtable(name) }
        guard let server = found else { return nil }
        try server.refuseUnknownKeys(Set(["host", "port", "security", "username", "password_credential",
                                          "oauth2_token_credential", "ca_file", "timeout_seconds"]).union(extraKeys))
        let host = try server.requiredString("host", hint: "the server's host name")
        let securityName = try server.string("security") ?? MailServerSettings.Security.startTLS.rawValue
        guard let security = MailServerSettings.Security(rawValue: securityName) else {
            throw server.error("security", "must be \"starttls\", \"tls\" or \"plain\", found \"\(securityName)\"")
        }
        if security == .plain && !["127.0.0.1", "localhost", "::1"].contains(host) {
            throw server.error("security", "\"plain\" sends passwords and mail in clear text: it is only allowed for a server on this machine (127.0.0.1)")
        }
        let port = try server.int("port", in: 1...65535) ?? {
            switch security {
            case .startTLS: defaultPorts.starttls
            case .tls: defaultPorts.tls
            case .plain: defaultPorts.plain
            }
        }()
        let caFile = try server.string("ca_file").map { $0.hasPrefix("/") ? $0 : base.appendingPathComponent($0).path }
        return MailServerSettings(host: host, port: port, security: security, username: try server.string("username"),
                                  passwordCredential: try server.string("password_credential"),
                                  oauth2TokenCredential: try server.string("oauth2_token_credential"),
                                  caFile: caFile, timeoutSeconds: try server.int("timeout_seconds", in: 1...3600) ?? 60)
    }
}

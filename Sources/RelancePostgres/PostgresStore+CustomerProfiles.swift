public import Foundation
import PostgresNIO
public import RelanceCore

/// Customers' profiles on PostgreSQL: a contacts file applied by the rules SQLite's
/// `ContactsApplier` follows (`ContactsProfileDecision`, `CustomerEmailsDecision`), under the
/// creditor's lock as a snapshot import is, and the profiles as the planner reads them back.
extension PostgresStore: CustomerProfileStore {
    public func importContacts(_ file: ImportedFile, _ profiles: [CustomerProfile], at time: Date) async throws -> ImportReceipt {
        try await transaction { connection in
            try await Self.lockTaskOpening(of: file.creditor, on: connection, logger: logger)
            let words = try await Self.wording(of: file.creditor.rawValue, on: connection, logger: logger)
            let applier = PostgresContactsApplier(connection: connection, logger: logger, file: file, time: time, words: words)
            return try await applier.apply(profiles)
        }
    }

    public func customerProfiles(of creditor: CreditorID) async throws -> [StoredCustomer] {
        try await connection { connection in
            try await Self.storedCustomers(of: creditor.rawValue, on: connection, logger: logger).map(\.customer)
        }
    }

    public func customerProfile(id: Int64) async throws -> StoredCustomer? {
        try await connection { connection in
            try await Self.storedCustomers(id: id, on: connection, logger: logger).first?.customer
        }
    }

    /// A customer row as JSON (PostgreSQL builds it: one column, whatever the number of fields).
    struct CustomerRow: Decodable {
        var id: Int64
        var external_id: String
        var name: String?
        var postal_address: String?
        var siren: String?
        var vat_number: String?
        var phones: [String]
        var language: String?
        var payment_terms: String?
        var policy: String?
        var do_not_remind: Bool
        var note: String?
        var initial_step: String?
        var last_manual_contact_on: String?
        var needs_identification: Bool
        var emails_to: [String]
        var emails_cc: [String]

        var customer: StoredCustomer {
            let profile = CustomerProfile(
                externalID: external_id, name: name, postalAddress: postal_address.map { $0.components(separatedBy: "\n") } ?? [],
                siren: siren, vatNumber: vat_number, emailsTo: emails_to, emailsCc: emails_cc, phones: phones,
                language: language.flatMap(Language.init(rawValue:)), paymentTerms: payment_terms.flatMap(PaymentTermsRule.init(stored:)),
                policy: policy, doNotRemind: do_not_remind, note: note, initialStep: initial_step,
                lastManualContact: last_manual_contact_on.flatMap { CivilDate(iso8601: $0) })
            return StoredCustomer(id: id, profile: profile, needsIdentification: needs_identification)
        }

        /// The stored values as `ContactsProfileDecision.Column.shown` spells them (SQLite's text:
        /// the phones as compact JSON, a flag as 1 or 0).
        var shown: [String: String?] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let phonesText = String(decoding: (try? encoder.encode(phones)) ?? Data("[]".utf8), as: UTF8.self)
            return ["name": name, "postal_address": postal_address, "siren": siren, "vat_number": vat_number, "phones": phonesText,
                    "language": language, "payment_terms": payment_terms, "policy": policy, "note": note,
                    "do_not_remind": do_not_remind ? "1" : "0", "initial_step": initial_step, "last_manual_contact_on": last_manual_contact_on]
        }
    }

    /// The creditor's customers, or the one with `id`, by code in byte order (SQLite's), with
    /// their valid addresses.
    static func storedCustomers(of creditor: String? = nil, id: Int64? = nil, on connection: PostgresConnection,
                                logger: Logger) async throws -> [CustomerRow] {
        var rows: [CustomerRow] = []
        for try await text in try await connection.liveQuery("""
            SELECT json_build_object(
                'id', c.id, 'external_id', c.external_id, 'name', c.name, 'postal_address', c.postal_address, 'siren', c.siren,
                'vat_number', c.vat_number, 'phones', c.phones, 'language', c.language, 'payment_terms', c.payment_terms,
                'policy', c.policy, 'do_not_remind', c.do_not_remind, 'note', c.note, 'initial_step', c.initial_step,
                'last_manual_contact_on', c.last_manual_contact_on::text, 'needs_identification', c.needs_identification,
                'emails_to', COALESCE((SELECT json_agg(address ORDER BY address COLLATE "C") FROM customer_email
                                       WHERE customer_id = c.id AND role = 'to'), '[]'::json),
                'emails_cc', COALESCE((SELECT json_agg(address ORDER BY address COLLATE "C") FROM customer_email
                                       WHERE customer_id = c.id AND role = 'cc'), '[]'::json))::text
            FROM customer c WHERE c.creditor_id = \(creditor) OR c.id = \(id)
            """, logger: logger).decode(String.self) {
            rows.append(try JSONDecoder().decode(CustomerRow.self, from: Data(text.utf8)))
        }
        return rows.sorted { $0.external_id.utf8.lexicographicallyPrecedes($1.external_id.utf8) }
    }
}

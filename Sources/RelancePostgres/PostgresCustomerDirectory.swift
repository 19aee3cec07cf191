import PostgresNIO
import RelanceCore

/// The creditor's customers as the PostgreSQL book holds them, read into RelanceCore's
/// `CustomerDirectory` (whose rules decide who an item belongs to) in one query.
enum PostgresCustomerDirectory {
    static func read(creditor: String, on connection: PostgresConnection, logger: Logger) async throws -> CustomerDirectory {
        var directory = CustomerDirectory()
        for try await (id, external, name, siren, vat, terms, placeholder, contactable) in try await connection.liveQuery("""
            SELECT c.id, c.external_id, c.name, c.siren, c.vat_number, c.payment_terms, c.needs_identification,
                   EXISTS (SELECT 1 FROM customer_email e WHERE e.customer_id = c.id AND e.role = 'to') OR c.phones <> '[]'::jsonb
            FROM customer c WHERE c.creditor_id = \(creditor) ORDER BY c.id
            """, logger: logger).decode((Int64, String, String?, String?, String?, String?, Bool, Bool).self) {
            directory.add(CustomerDirectory.Entry(id: id, externalID: external, terms: terms.flatMap(PaymentTermsRule.init(stored:)),
                                                  needsIdentification: placeholder, hasUsableContact: contactable),
                          name: name, siren: siren, vat: vat)
        }
        return directory
    }
}

import GRDB
import RelanceCore

extension CustomerDirectory {
    /// The creditor's customers as the SQLite book holds them, in one query.
    init(db: Database, creditor: String) throws {
        self.init()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.id, c.external_id, c.name, c.siren, c.vat_number, c.payment_terms, c.needs_identification,
                   EXISTS (SELECT 1 FROM customer_email e WHERE e.customer_id = c.id AND e.role = 'to') AS has_email,
                   c.phones <> '[]' AS has_phone
            FROM customer c WHERE c.creditor_id = ?
            """, arguments: [creditor])
        while let row = try rows.next() {
            let entry = Entry(id: row["id"], externalID: row["external_id"],
                              terms: (row["payment_terms"] as String?).flatMap(PaymentTermsRule.init(stored:)),
                              needsIdentification: row["needs_identification"],
                              hasUsableContact: row["has_email"] || row["has_phone"])
            add(entry, name: row["name"], siren: row["siren"], vat: row["vat_number"])
        }
    }
}

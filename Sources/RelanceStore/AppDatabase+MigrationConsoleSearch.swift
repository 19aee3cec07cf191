import Foundation
import RelanceCore

extension AppDatabase {
    /// `v20-console-search`: the customers' codes, names and addresses by trigram (SQLite's
    /// FTS5), for the console's search on a big book (issue #14): LIKE '%…%' on 10,000 names and
    /// their addresses has no index to use. One row per customer (`rowid` is the customer's id),
    /// kept by triggers on `customer` and `customer_email`, so that every import, contacts file,
    /// corrected address or purge keeps it. The code and name are stored folded
    /// (`SearchFolding`: accents and ligatures of Latin letters taken off, so that « societe »
    /// finds « Société » and « oeuvre » finds « Œuvre »), by plain SQL, so that the triggers
    /// need no function of Relance's own. Also the open disputed invoices, by creditor
    /// (`disputedInvoices(of:)`, read by every customer's page: it read all 100,000 open
    /// invoices' rows, a second per page; the partial index holds only the few disputed ones).
    /// No table changes.
    static var consoleSearchMigration: String {
        let code = SearchFolding.sql("new.external_id"), name = SearchFolding.sql("COALESCE(new.name, '')")
        func emailsOf(_ id: String) -> String { customerSearchEmails(of: id) }
        return """
            CREATE INDEX invoice_open_disputed ON invoice(creditor_id, id) WHERE status = 'open' AND disputed_since IS NOT NULL;
            CREATE VIRTUAL TABLE customer_search USING fts5(code, name, emails, tokenize = 'trigram');
            INSERT INTO customer_search(rowid, code, name, emails)
                SELECT id, \(SearchFolding.sql("external_id")), \(SearchFolding.sql("COALESCE(name, '')")), \(emailsOf("customer.id")) FROM customer;
            CREATE TRIGGER customer_search_insert AFTER INSERT ON customer BEGIN
                INSERT INTO customer_search(rowid, code, name, emails) VALUES (new.id, \(code), \(name), \(emailsOf("new.id")));
            END;
            CREATE TRIGGER customer_search_update AFTER UPDATE OF external_id, name ON customer BEGIN
                UPDATE customer_search SET code = \(code), name = \(name) WHERE rowid = new.id;
            END;
            CREATE TRIGGER customer_search_delete AFTER DELETE ON customer BEGIN
                DELETE FROM customer_search WHERE rowid = old.id;
            END;
            CREATE TRIGGER customer_search_email_insert AFTER INSERT ON customer_email BEGIN
                UPDATE customer_search SET emails = \(emailsOf("new.customer_id")) WHERE rowid = new.customer_id;
            END;
            CREATE TRIGGER customer_search_email_delete AFTER DELETE ON customer_email BEGIN
                UPDATE customer_search SET emails = \(emailsOf("old.customer_id")) WHERE rowid = old.customer_id;
            END;
            CREATE TRIGGER customer_search_email_update AFTER UPDATE ON customer_email BEGIN
                UPDATE customer_search SET emails = \(emailsOf("old.customer_id")) WHERE rowid = old.customer_id;
                UPDATE customer_search SET emails = \(emailsOf("new.customer_id")) WHERE rowid = new.customer_id;
            END;
            """
    }
}

/// How the customer search folds text: the Latin letters' accents and ligatures taken off, in
/// SQL (the index's triggers) and in Swift (the text searched for), by the same table. Case is
/// folded by the trigram index itself and by `lowercased()`.
///
/// Frozen with `v20-console-search`: the index holds text folded by this table, so a change
/// needs a new migration that rebuilds it.
extension AppDatabase {
    /// The SQL expression of a customer's addresses as the search index holds them (one per
    /// line); `id` is the customer's id expression. The migration's triggers and a bulk load's
    /// catch-up (`TrigramIndexPause`) write the same text.
    static func customerSearchEmails(of id: String) -> String {
        "COALESCE((SELECT group_concat(address, char(10)) FROM customer_email WHERE customer_id = \(id)), '')"
    }
}

extension SearchFolding {
    /// The SQL expression folding `expression` as `fold` does (but for the case): `replace`
    /// nested a dozen deep at most, in scalar subqueries one inside the other — SQLite's parser
    /// overflows its stack on the whole table nested at once.
    static func sql(_ expression: String) -> String {
        func chain(_ inner: String, _ pairs: ArraySlice<(Unicode.Scalar, String)>) -> String {
            pairs.reduce(inner) { inner, pair in
                "replace(\(inner), '\(String(pair.0))', '\(pair.1.replacingOccurrences(of: "'", with: "''"))')"
            }
        }
        let chunks = table.parts(ofAtMost: 12)
        var query = "SELECT \(chain(expression, chunks[0])) AS v"
        for chunk in chunks.dropFirst() { query = "SELECT \(chain("v", chunk)) AS v FROM (\(query))" }
        return "(\(query))"
    }
}

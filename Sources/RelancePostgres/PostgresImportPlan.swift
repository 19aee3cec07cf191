import Foundation
import PostgresNIO
import RelanceCore

/// What one import writes to the PostgreSQL book, gathered while its items are decided and
/// written in a few batches (rows sent as one JSON array a statement, `jsonb_to_recordset`, in
/// their order: ids are given in the order SQLite gives them row by row).
///
/// Customers and invoices the import creates get provisional ids from `provisionalBase` up, in
/// creation order: above every real id, so that sorting by id (the tasks for people, in
/// customer order) puts them where their real ids will, and replaced by those before anything
/// that names them is written.
struct PostgresImportPlan {
    static let provisionalBase: Int64 = 1 << 52
    /// Rows a statement carries at most.
    static let batchRows = 5_000

    struct NewCustomer: Encodable {
        var o: Int
        var external_id: String
        var name: String?
        var placeholder: Bool
    }

    struct NewInvoice: Encodable {
        var o: Int
        var customer_id: Int64
        var number: String
        var currency: String
        var issued_on: String?
        var due_on: String?
        var due_source: String?
        var total_minor: Int64?
        var open_minor: Int64
        var document_path: String?
        var document_sha256: String?
        var document_media_type: String?
        var document_name: String?
    }

    struct Update {
        var id: Int64
        var values: InvoiceUpdateDecision.Values
    }

    var customers: [NewCustomer] = []
    var renames: [(id: Int64, name: String)] = []
    var identified: [Int64] = []
    var closedTasks: [(note: String, ids: [Int64])] = []
    var emails: [(customerID: Int64, hadAny: Bool, addresses: [String])] = []
    var invoices: [NewInvoice] = []
    var updates: [Update] = []
    var settled: [Int64] = []
    /// The journal's lines so far, in order.
    var events: [NewEvent] = []

    private var customerIDs: [Int64] = []
    private var invoiceIDs: [Int64] = []

    mutating func create(externalID: String, name: String?, placeholder: Bool) -> Int64 {
        customers.append(NewCustomer(o: customers.count, external_id: externalID, name: name, placeholder: placeholder))
        return Self.provisionalBase + Int64(customers.count - 1)
    }

    mutating func insert(_ item: OpenItem, due: DueDateResolution, customerID: Int64, document: InvoiceDocument?) -> Int64 {
        invoices.append(NewInvoice(o: invoices.count, customer_id: customerID, number: item.invoice, currency: item.open.currency.code,
                                   issued_on: item.issued?.iso8601, due_on: due.due?.iso8601, due_source: due.source,
                                   total_minor: item.total?.minorUnits, open_minor: item.open.minorUnits, document_path: document?.path,
                                   document_sha256: document?.sha256, document_media_type: document?.mediaType, document_name: document?.fileName))
        return Self.provisionalBase + Int64(invoices.count - 1)
    }

    func realID(ofCustomer id: Int64) -> Int64 {
        id >= Self.provisionalBase ? customerIDs[Int(id - Self.provisionalBase)] : id
    }

    func realID(ofInvoice id: Int64) -> Int64 {
        id >= Self.provisionalBase ? invoiceIDs[Int(id - Self.provisionalBase)] : id
    }

    /// A large first load's opened invoices, one line per customer in the order of its first
    /// invoice, as SQLite's `journalOpened` reads them back.
    func openedLines(_ rules: SnapshotRules, importID: Int64) -> [NewEvent] {
        var order: [Int64] = []
        var byCustomer: [Int64: [Int]] = [:]
        for (index, invoice) in invoices.enumerated() {
            if byCustomer[invoice.customer_id] == nil { order.append(invoice.customer_id) }
            byCustomer[invoice.customer_id, default: []].append(index)
        }
        return order.map { customer in
            let rows = byCustomer[customer] ?? []
            let opened = rows.map { index in
                let row = invoices[index]
                return OpenedInvoice(number: row.number, open: Money(minorUnits: row.open_minor, currency: Currency(code: row.currency) ?? .euro),
                                     due: row.due_on.flatMap { CivilDate(iso8601: $0) }, source: row.due_source)
            }
            return rules.openedLine(customerID: customer, firstInvoiceID: Self.provisionalBase + Int64(rows.first ?? 0), invoices: opened,
                                    importID: importID)
        }
    }

    static func json<Row: Encodable>(_ rows: some Collection<Row>) throws -> String {
        String(decoding: try JSONEncoder().encode(Array(rows)), as: UTF8.self)
    }

    /// Everything but the tasks for people and the import's last lines, in dependency order.
    mutating func write(_ rules: SnapshotRules, importID: Int64, on connection: PostgresConnection, logger: Logger) async throws {
        let creditor = rules.file.creditor.rawValue, time = rules.time
        var stored: [String: Int64] = [:]
        for rows in customers.parts(ofAtMost: Self.batchRows) {
            for try await (id, externalID) in try await connection.liveQuery("""
                INSERT INTO customer (creditor_id, external_id, name, created_at, needs_identification)
                SELECT \(creditor), r.external_id, r.name, \(time), r.placeholder
                FROM jsonb_to_recordset(\(try Self.json(rows))::jsonb) AS r(o bigint, external_id text, name text, placeholder boolean)
                ORDER BY r.o RETURNING id, external_id
                """, logger: logger).decode((Int64, String).self) { stored[externalID] = id }
            // By key, not by the order RETURNING gives (which PostgreSQL does not promise).
            for customer in rows { if let id = stored[customer.external_id] { customerIDs.append(id) } }
        }
        guard customerIDs.count == customers.count else {
            throw PostgresStoreError(.corrupt, "customers were not all stored", context: ["creditor": creditor])
        }
        if !renames.isEmpty {
            struct Rename: Encodable { var id: Int64; var name: String }
            try await connection.liveQuery("""
                UPDATE customer c SET name = r.name
                FROM jsonb_to_recordset(\(try Self.json(renames.map { Rename(id: realID(ofCustomer: $0.id), name: $0.name) }))::jsonb)
                     AS r(id bigint, name text)
                WHERE c.id = r.id AND c.name IS DISTINCT FROM r.name
                """, logger: logger)
        }
        if !identified.isEmpty {
            try await connection.liveQuery("UPDATE customer SET needs_identification = false WHERE id = ANY(\(identified))", logger: logger)
        }
        for (note, ids) in closedTasks {
            try await connection.liveQuery("""
                UPDATE task SET state = 'done', outcome = 'done', outcome_detail = jsonb_build_object('note', \(note)::text), closed_at = \(time)
                WHERE id = ANY(\(ids))
                """, logger: logger)
        }
        try await writeEmails(on: connection, logger: logger)
        for index in invoices.indices { invoices[index].customer_id = realID(ofCustomer: invoices[index].customer_id) }
        var storedInvoices: [String: Int64] = [:]
        for rows in invoices.parts(ofAtMost: Self.batchRows) {
            for try await (id, number) in try await connection.liveQuery("""
                INSERT INTO invoice (creditor_id, customer_id, number, currency, issued_on, due_on, due_source, total_minor, open_minor,
                                     status, seen_as_of, first_import_id, last_import_id,
                                     document_path, document_sha256, document_media_type, document_name)
                SELECT \(creditor), r.customer_id, r.number, r.currency, r.issued_on::date, r.due_on::date, r.due_source, r.total_minor,
                       r.open_minor, 'open', \(rules.asOf)::date, \(importID), \(importID),
                       r.document_path, r.document_sha256, r.document_media_type, r.document_name
                FROM jsonb_to_recordset(\(try Self.json(rows))::jsonb) AS r(o bigint, customer_id bigint, number text, currency text,
                     issued_on text, due_on text, due_source text, total_minor bigint, open_minor bigint, document_path text,
                     document_sha256 text, document_media_type text, document_name text)
                ORDER BY r.o RETURNING id, number
                """, logger: logger).decode((Int64, String).self) { storedInvoices[number] = id }
            for invoice in rows { if let id = storedInvoices[invoice.number] { invoiceIDs.append(id) } }
        }
        guard invoiceIDs.count == invoices.count else {
            throw PostgresStoreError(.corrupt, "invoices were not all stored", context: ["creditor": creditor])
        }
        try await writeUpdates(importID: importID, on: connection, logger: logger)
        if !settled.isEmpty {
            try await connection.liveQuery("""
                UPDATE invoice SET status = 'settled', open_minor = 0, settled_by_import_id = \(importID), seen_as_of = \(rules.asOf)::date,
                       last_import_id = \(importID)
                WHERE id = ANY(\(settled))
                """, logger: logger)
        }
        try await writeEvents(events, rules, importID: importID, on: connection, logger: logger)
        events = []
    }

    private func writeEmails(on connection: PostgresConnection, logger: Logger) async throws {
        guard !emails.isEmpty else { return }
        let replaced = emails.filter(\.hadAny).map { realID(ofCustomer: $0.customerID) }
        if !replaced.isEmpty {
            try await connection.liveQuery("DELETE FROM customer_email WHERE role = 'to' AND customer_id = ANY(\(replaced))", logger: logger)
        }
        struct Address: Encodable { var customer_id: Int64; var address: String }
        let rows = emails.flatMap { entry in entry.addresses.map { Address(customer_id: realID(ofCustomer: entry.customerID), address: $0) } }
        for part in rows.parts(ofAtMost: Self.batchRows) {
            // An address listed as `to` is not repeated in `cc` (primary key: customer and address).
            try await connection.liveQuery("""
                INSERT INTO customer_email (customer_id, address, role)
                SELECT r.customer_id, r.address, 'to'
                FROM jsonb_to_recordset(\(try Self.json(part))::jsonb)
                     AS r(customer_id bigint, address text)
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
    }

    private func writeUpdates(importID: Int64, on connection: PostgresConnection, logger: Logger) async throws {
        struct Row: Encodable {
            var id: Int64, customer_id: Int64, open_minor: Int64, due_on: String?, due_source: String?, issued_on: String?
            var total_minor: Int64?, status: String, settled_by_import_id: Int64?, seen_as_of: String
            var document_path: String?, document_sha256: String?, document_media_type: String?, document_name: String?
        }
        let rows = updates.map { update in
            let new = update.values
            return Row(id: update.id, customer_id: realID(ofCustomer: new.customerID), open_minor: new.openMinor, due_on: new.dueOn,
                       due_source: new.dueSource, issued_on: new.issuedOn, total_minor: new.totalMinor,
                       status: new.isSettled ? "settled" : "open", settled_by_import_id: new.settledByImportID, seen_as_of: new.seenAsOf,
                       document_path: new.document?.path, document_sha256: new.document?.sha256,
                       document_media_type: new.document?.mediaType, document_name: new.document?.fileName)
        }
        for part in rows.parts(ofAtMost: Self.batchRows) {
            try await connection.liveQuery("""
                UPDATE invoice i SET customer_id = r.customer_id, open_minor = r.open_minor, due_on = r.due_on::date, due_source = r.due_source,
                       issued_on = COALESCE(r.issued_on::date, i.issued_on), total_minor = COALESCE(r.total_minor, i.total_minor),
                       status = r.status, settled_by_import_id = r.settled_by_import_id, seen_as_of = r.seen_as_of::date,
                       last_import_id = \(importID),
                       document_path = COALESCE(r.document_path, i.document_path), document_sha256 = COALESCE(r.document_sha256, i.document_sha256),
                       document_media_type = COALESCE(r.document_media_type, i.document_media_type),
                       document_name = COALESCE(r.document_name, i.document_name)
                FROM jsonb_to_recordset(\(try Self.json(part))::jsonb)
                     AS r(id bigint, customer_id bigint, open_minor bigint, due_on text, due_source text, issued_on text, total_minor bigint,
                          status text, settled_by_import_id bigint, seen_as_of text, document_path text, document_sha256 text,
                          document_media_type text, document_name text)
                WHERE i.id = r.id
                """, logger: logger)
        }
    }

    /// The lines, in order, with the ids the import's customers and invoices were given; their
    /// summaries stored with control characters escaped, as `PostgresStore.append` does.
    func writeEvents(_ events: [NewEvent], _ rules: SnapshotRules, importID: Int64, on connection: PostgresConnection,
                     logger: Logger) async throws {
        struct Row: Encodable {
            var o: Int, kind: String, customer_id: Int64?, invoice_id: Int64?, summary: String, detail: [String: String]
        }
        let rows = events.enumerated().map { index, event in
            Row(o: index, kind: event.kind, customer_id: event.customerID.map(realID(ofCustomer:)),
                invoice_id: event.invoiceID.map(realID(ofInvoice:)), summary: event.summary.printable, detail: event.detail)
        }
        for part in rows.parts(ofAtMost: Self.batchRows) {
            try await connection.liveQuery("""
                INSERT INTO event (at, kind, creditor_id, customer_id, invoice_id, import_id, summary, detail)
                SELECT \(rules.time), r.kind, \(rules.file.creditor.rawValue), r.customer_id, r.invoice_id, \(importID), r.summary, r.detail
                FROM jsonb_to_recordset(\(try Self.json(part))::jsonb)
                     AS r(o bigint, kind text, customer_id bigint, invoice_id bigint, summary text, detail jsonb)
                ORDER BY r.o
                """, logger: logger)
        }
    }

    /// The import's tasks for people; their ids, in order.
    static func insertTasks(_ tasks: [SnapshotImportTally.IdentifyTask], _ rules: SnapshotRules, on connection: PostgresConnection,
                            logger: Logger) async throws -> [Int64] {
        struct Row: Encodable { var o: Int, customer_id: Int64, dedup_key: String, title: String, detail: String }
        let rows = tasks.enumerated().map { Row(o: $0, customer_id: $1.customerID, dedup_key: $1.dedupKey, title: $1.title, detail: $1.detailJSON) }
        var ids: [Int64] = []
        for part in rows.parts(ofAtMost: batchRows) {
            for try await id in try await connection.liveQuery("""
                INSERT INTO task (creditor_id, customer_id, kind, state, dedup_key, title, detail, created_at)
                SELECT \(rules.file.creditor.rawValue), r.customer_id, 'identify-customer', 'open', r.dedup_key, r.title, r.detail::jsonb, \(rules.time)
                FROM jsonb_to_recordset(\(try json(part))::jsonb)
                     AS r(o bigint, customer_id bigint, dedup_key text, title text, detail text)
                ORDER BY r.o RETURNING id
                """, logger: logger).decode(Int64.self) { ids.append(id) }
        }
        return ids
    }
}

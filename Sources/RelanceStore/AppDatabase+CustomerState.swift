public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: CustomerStateStore {
    public func markAddressInvalid(_ address: EmailAddress, of creditor: CreditorID, reason: String, evidence: String?,
                                   at time: Date) async throws -> Bool {
        try await writer.write { db in
            try Self.markAddressInvalid(address, of: creditor, reason: reason, evidence: evidence, at: time, in: db)
        }
    }

    static func markAddressInvalid(_ address: EmailAddress, of creditor: CreditorID, reason: String, evidence: String?,
                                   at time: Date, in db: Database) throws -> Bool {
        let live = try Bool.fetchOne(db, sql: """
            SELECT 1 FROM invalid_address WHERE creditor_id = ? AND address = ? AND cleared_at IS NULL
            """, arguments: [creditor.rawValue, address.value]) ?? false
        if live { return false }
        try db.execute(sql: "INSERT INTO invalid_address (creditor_id, address, reason, evidence, since) VALUES (?, ?, ?, ?, ?)",
                       arguments: [creditor.rawValue, address.value, reason, evidence, time])
        try Self.append(NewEvent(time: time, kind: "address.invalid", creditor: creditor,
                                 summary: try wording(of: creditor.rawValue, in: db).addressMarkedInvalid(address.value, reason: reason), detail: ["address": address.value]), in: db)
        return true
    }

    public func clearInvalidAddress(_ address: EmailAddress, of creditor: CreditorID, reason: String, at time: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: """
                UPDATE invalid_address SET cleared_at = ?, clear_reason = ? WHERE creditor_id = ? AND address = ? AND cleared_at IS NULL
                """, arguments: [time, reason, creditor.rawValue, address.value])
            if db.changesCount > 0 {
                try Self.append(NewEvent(time: time, kind: "address.cleared", creditor: creditor,
                                         summary: try Self.wording(of: creditor.rawValue, in: db).addressUsableAgain(address.value, reason: reason), detail: ["address": address.value]), in: db)
            }
        }
    }

    public func invalidAddresses(of creditor: CreditorID) async throws -> [InvalidAddress] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT address, reason, evidence, since FROM invalid_address WHERE creditor_id = ? AND cleared_at IS NULL ORDER BY address
                """, arguments: [creditor.rawValue]).compactMap { row in
                EmailAddress(row["address"] as String).map {
                    InvalidAddress(address: $0, reason: row["reason"], evidence: row["evidence"], since: row["since"])
                }
            }
        }
    }

    public func holdCustomer(_ customerID: Int64, kind: CustomerHold.Kind, until: CivilDate?, reason: String,
                             at time: Date) async throws -> Int64 {
        try await writer.write { db in
            try Self.holdCustomer(customerID, kind: kind, until: until, reason: reason, at: time, in: db)
        }
    }

    static func holdCustomer(_ customerID: Int64, kind: CustomerHold.Kind, until: CivilDate?, reason: String,
                             at time: Date, in db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO customer_hold (customer_id, kind, until_on, reason, created_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [customerID, kind.rawValue, until?.iso8601, reason, time])
        let id = db.lastInsertedRowID
        let creditor = try Self.creditor(ofCustomer: customerID, in: db)
        try Self.append(NewEvent(time: time, kind: "customer.paused", creditor: creditor, customerID: customerID,
                                 summary: try wording(of: creditor?.rawValue ?? "", in: db).customerPaused(kind: kind, until: until, reason: reason)), in: db)
        return id
    }

    public func resumeCustomer(_ customerID: Int64, kinds: Set<CustomerHold.Kind>?, reason: String, at time: Date) async throws {
        try await writer.write { db in
            let kindList = (kinds ?? Set(CustomerHold.Kind.allCases)).map(\.rawValue)
            let json = String(decoding: try JSONEncoder().encode(kindList), as: UTF8.self)
            try db.execute(sql: """
                UPDATE customer_hold SET released_at = ?, release_reason = ?
                WHERE customer_id = ? AND released_at IS NULL AND kind IN (SELECT value FROM json_each(?))
                """, arguments: [time, reason, customerID, json])
            if db.changesCount > 0 {
                let creditor = try Self.creditor(ofCustomer: customerID, in: db)
                try Self.append(NewEvent(time: time, kind: "customer.resumed", creditor: creditor, customerID: customerID,
                                         summary: try Self.wording(of: creditor?.rawValue ?? "", in: db).customerResumed(reason: reason)), in: db)
            }
        }
    }

    public func liveHolds(of creditor: CreditorID) async throws -> [CustomerHold] {
        try await writer.read { db in try Self.liveHolds(of: creditor, customer: nil, in: db) }
    }

    /// The creditor's live holds, or one customer's only (the console's customer page: through
    /// the live holds' index on the customer); the customer is an integer, safe to interpolate.
    static func liveHolds(of creditor: CreditorID, customer: Int64?, in db: Database) throws -> [CustomerHold] {
        try Row.fetchAll(db, sql: """
            SELECT h.*, CASE WHEN h.kind = 'promise' THEN (
                SELECT o.parameters FROM task_outcome o JOIN task t ON t.id = o.task_id
                WHERE t.customer_id = h.customer_id AND o.outcome = 'promised' AND json_extract(o.parameters, '$.date') = h.until_on
                ORDER BY o.id DESC LIMIT 1) END AS promised
            FROM customer_hold h JOIN customer c ON c.id = h.customer_id
            WHERE c.creditor_id = ? AND h.released_at IS NULL\(customer.map { " AND h.customer_id = \($0)" } ?? "") ORDER BY h.id
            """, arguments: [creditor.rawValue]).compactMap { row in
            CustomerHold.Kind(rawValue: row["kind"]).map { kind in
                CustomerHold(id: row["id"], customerID: row["customer_id"], kind: kind,
                             until: (row["until_on"] as String?).flatMap { CivilDate(iso8601: $0) },
                             reason: row["reason"], createdAt: row["created_at"], amount: Self.promisedAmount(row["promised"]))
            }
        }
    }

    /// The amount of a `promised` outcome, from its stored parameters (a promise by email reply has none).
    static func promisedAmount(_ parameters: String?) -> Money? {
        guard let parameters, let values = try? JSONDecoder().decode([String: String].self, from: Data(parameters.utf8)),
              case .promisedToPay(_, let amount)? = TaskOutcome(code: "promised", parameters: values) else { return nil }
        return amount
    }

    public func markDisputed(invoiceID: Int64, reason: String, at time: Date) async throws {
        try await writer.write { db in _ = try Self.markDisputed(invoiceID: invoiceID, reason: reason, at: time, in: db) }
    }

    public func disputeTask(invoice number: String, of creditor: CreditorID) async throws -> Int64? {
        try await writer.read { db in
            let invoiceID = try Self.invoiceID(number: number, creditor: creditor, customerID: nil, in: db)
            let disputed = try Bool.fetchOne(db, sql: "SELECT disputed_since IS NOT NULL FROM invoice WHERE id = ?", arguments: [invoiceID]) ?? false
            return DisputeTaskChoice.choose(
                invoiceIsDisputed: disputed,
                tasksThatRecordedTheDispute: try Int64.fetchAll(db, sql: """
                    SELECT t.id FROM task_invoice ti JOIN task t ON t.id = ti.task_id WHERE ti.invoice_id = ? AND t.outcome = 'dispute'
                    """, arguments: [invoiceID]),
                openTasksOfTheCustomer: try Int64.fetchAll(db, sql: """
                    SELECT t.id FROM invoice i JOIN task t ON t.customer_id = i.customer_id WHERE i.id = ? AND t.state = 'open'
                    """, arguments: [invoiceID]))
        }
    }

    /// The one way an invoice becomes disputed, whoever says so (a call's outcome, a reply read
    /// by a person, the soak's simulated customers): from then on the planner demands it in no
    /// email, letter or notice (`InvoiceLadder`), letters list it as disputed, and a message
    /// already queued for it is cancelled when claimed. Returns false when it already was.
    static func markDisputed(invoiceID: Int64, reason: String, at time: Date, in db: Database) throws -> Bool {
        try db.execute(sql: "UPDATE invoice SET disputed_since = ?, dispute_reason = ? WHERE id = ? AND disputed_since IS NULL",
                       arguments: [time, reason, invoiceID])
        guard db.changesCount > 0 else { return false }
        let row = try Row.fetchOne(db, sql: "SELECT creditor_id, customer_id, number FROM invoice WHERE id = ?", arguments: [invoiceID])
        let words = try wording(of: row?["creditor_id"] ?? "", in: db)
        try Self.append(NewEvent(time: time, kind: "invoice.disputed", creditor: (row?["creditor_id"] as String?).flatMap(CreditorID.init),
                                 customerID: row?["customer_id"], invoiceID: invoiceID,
                                 summary: words.invoiceDisputed(invoice: row?["number"] as String? ?? "#\(invoiceID)", reason: reason)), in: db)
        return true
    }

    /// Ends a dispute: the invoice goes back on the ladder where it was. Returns false when it was not disputed.
    static func clearDispute(invoiceID: Int64, reason: String, at time: Date, in db: Database) throws -> Bool {
        try db.execute(sql: "UPDATE invoice SET disputed_since = NULL, dispute_reason = NULL WHERE id = ? AND disputed_since IS NOT NULL",
                       arguments: [invoiceID])
        guard db.changesCount > 0 else { return false }
        let row = try Row.fetchOne(db, sql: "SELECT creditor_id, customer_id, number FROM invoice WHERE id = ?", arguments: [invoiceID])
        let words = try wording(of: row?["creditor_id"] ?? "", in: db)
        try Self.append(NewEvent(time: time, kind: "invoice.dispute-resolved", creditor: (row?["creditor_id"] as String?).flatMap(CreditorID.init),
                                 customerID: row?["customer_id"], invoiceID: invoiceID,
                                 summary: words.disputeResolved(invoice: row?["number"] as String? ?? "#\(invoiceID)", reason: reason)), in: db)
        return true
    }

    /// The invoice numbered `number` in the creditor's books (the customer's own first, when
    /// two customers' invoices share a number); a clear error naming what to check otherwise.
    static func invoiceID(number: String, creditor: CreditorID, customerID: Int64?, in db: Database) throws -> Int64 {
        let ids = try Row.fetchAll(db, sql: """
            SELECT id, customer_id FROM invoice WHERE creditor_id = ? AND number = ? ORDER BY status = 'open' DESC, id
            """, arguments: [creditor.rawValue, number])
        if let customerID, let own = ids.first(where: { ($0["customer_id"] as Int64) == customerID }) { return own["id"] }
        guard let first = ids.first else {
            throw StoreError(.notFound, "invoice \(number) is not in the books of creditor \(creditor): give the number as the export writes it (relance customer ID lists them)")
        }
        guard ids.count == 1 || customerID != nil else {
            throw StoreError(.invalidState, "invoice number \(number) belongs to several customers of creditor \(creditor): close the customer's own task with it")
        }
        return first["id"]
    }

    public func disputedInvoices(of creditor: CreditorID) async throws -> Set<Int64> {
        try await writer.read { db in
            // The partial index of the disputed ones (v20-console-search): SQLite preferred the
            // open invoices' index and read each of their rows (a second per customer's page).
            Set(try Int64.fetchAll(db, sql: "SELECT id FROM invoice INDEXED BY invoice_open_disputed WHERE creditor_id = ? AND status = 'open' AND disputed_since IS NOT NULL",
                                   arguments: [creditor.rawValue]))
        }
    }

    public func creditorState(_ creditor: CreditorID) async throws -> CreditorStoredState {
        try await writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM creditor_state WHERE creditor_id = ?", arguments: [creditor.rawValue]) else {
                return CreditorStoredState()
            }
            let mode: String? = row["mode"]
            return CreditorStoredState(active: mode.map { $0 == "active" }, paused: row["paused"],
                                       pausedUntil: (row["paused_until"] as String?).flatMap { CivilDate(iso8601: $0) },
                                       pauseReason: row["pause_reason"])
        }
    }

    public func setCreditorState(_ state: CreditorStoredState, of creditor: CreditorID, reason: String, at time: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: """
                INSERT INTO creditor_state (creditor_id, mode, paused, paused_until, pause_reason, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (creditor_id) DO UPDATE SET mode = excluded.mode, paused = excluded.paused,
                    paused_until = excluded.paused_until, pause_reason = excluded.pause_reason, updated_at = excluded.updated_at
                """, arguments: [creditor.rawValue, state.active.map { $0 ? "active" : "review" }, state.paused,
                                 state.pausedUntil?.iso8601, state.pauseReason, time])
            let summary = try Self.wording(of: creditor.rawValue, in: db).creditorStateChanged(
                creditor: creditor.rawValue, active: state.active, paused: state.paused, until: state.pausedUntil, reason: reason)
            try Self.append(NewEvent(time: time, kind: "creditor.state", creditor: creditor, summary: summary), in: db)
        }
    }

    public func customerID(external: String, of creditor: CreditorID) async throws -> Int64? {
        try await writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE creditor_id = ? AND external_id = ?",
                               arguments: [creditor.rawValue, external])
        }
    }

    static func creditor(ofCustomer customerID: Int64, in db: Database) throws -> CreditorID? {
        try String.fetchOne(db, sql: "SELECT creditor_id FROM customer WHERE id = ?", arguments: [customerID]).flatMap(CreditorID.init)
    }
}

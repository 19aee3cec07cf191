public import Foundation
import PostgresNIO
public import RelanceCore

/// Pauses, invalid addresses, disputes and the creditor's own state on PostgreSQL, as on SQLite;
/// the writes other ports make within their own transaction are in `+CustomerStateWrites`.
extension PostgresStore: CustomerStateStore {
    public func markAddressInvalid(_ address: EmailAddress, of creditor: CreditorID, reason: String, evidence: String?,
                                   at time: Date) async throws -> Bool {
        try await transaction { connection in
            try await Self.markAddressInvalid(address, of: creditor, reason: reason, evidence: evidence, at: time, on: connection, logger: logger)
        }
    }

    public func clearInvalidAddress(_ address: EmailAddress, of creditor: CreditorID, reason: String, at time: Date) async throws {
        try await transaction { connection in
            let rows = try await connection.liveQuery("""
                UPDATE invalid_address SET cleared_at = \(time), clear_reason = \(reason)
                WHERE creditor_id = \(creditor.rawValue) AND address = \(address.value) AND cleared_at IS NULL RETURNING id
                """, logger: logger)
            var cleared = false
            for try await _ in rows { cleared = true }
            guard cleared else { return }
            try await Self.append(NewEvent(time: time, kind: "address.cleared", creditor: creditor,
                                           summary: try await Self.wording(of: creditor.rawValue, on: connection, logger: logger)
                                               .addressUsableAgain(address.value, reason: reason),
                                           detail: ["address": address.value]), on: connection, logger: logger)
        }
    }

    public func invalidAddresses(of creditor: CreditorID) async throws -> [InvalidAddress] {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT address, reason, evidence, since FROM invalid_address
                WHERE creditor_id = \(creditor.rawValue) AND cleared_at IS NULL ORDER BY address
                """, logger: logger)
            var addresses: [InvalidAddress] = []
            for try await (address, reason, evidence, since) in rows.decode((String, String, String?, Date).self) {
                if let address = EmailAddress(address) {
                    addresses.append(InvalidAddress(address: address, reason: reason, evidence: evidence, since: since))
                }
            }
            return addresses
        }
    }

    public func holdCustomer(_ customerID: Int64, kind: CustomerHold.Kind, until: CivilDate?, reason: String,
                             at time: Date) async throws -> Int64 {
        try await transaction { connection in
            try await Self.holdCustomer(customerID, kind: kind, until: until, reason: reason, at: time, on: connection, logger: logger)
        }
    }

    public func resumeCustomer(_ customerID: Int64, kinds: Set<CustomerHold.Kind>?, reason: String, at time: Date) async throws {
        try await transaction { connection in
            let kindList = (kinds ?? Set(CustomerHold.Kind.allCases)).map(\.rawValue).sorted()
            let rows = try await connection.liveQuery("""
                UPDATE customer_hold SET released_at = \(time), release_reason = \(reason)
                WHERE customer_id = \(customerID) AND released_at IS NULL AND kind = ANY(\(kindList))
                RETURNING (SELECT creditor_id FROM customer WHERE id = \(customerID))
                """, logger: logger)
            var released = false
            var creditor: String?
            for try await owner in rows.decode(String?.self) { released = true; creditor = owner }
            guard released else { return }
            try await Self.append(NewEvent(time: time, kind: "customer.resumed", creditor: creditor.flatMap(CreditorID.init), customerID: customerID,
                                           summary: try await Self.wording(of: creditor ?? "", on: connection, logger: logger)
                                               .customerResumed(reason: reason)), on: connection, logger: logger)
        }
    }

    public func liveHolds(of creditor: CreditorID) async throws -> [CustomerHold] {
        try await connection { connection in
            // A promise's hold carries the amount of the `promised` outcome it came from.
            let rows = try await connection.liveQuery("""
                SELECT h.id, h.customer_id, h.kind, h.until_on::text, h.reason, h.created_at,
                       CASE WHEN h.kind = 'promise' THEN (
                           SELECT o.parameters::text FROM task_outcome o JOIN task t ON t.id = o.task_id
                           WHERE t.customer_id = h.customer_id AND o.outcome = 'promised' AND o.parameters->>'date' = h.until_on::text
                           ORDER BY o.id DESC LIMIT 1) END
                FROM customer_hold h JOIN customer c ON c.id = h.customer_id
                WHERE c.creditor_id = \(creditor.rawValue) AND h.released_at IS NULL ORDER BY h.id
                """, logger: logger)
            var holds: [CustomerHold] = []
            for try await (id, customer, kind, until, reason, created, promised)
                in rows.decode((Int64, Int64, String, String?, String, Date, String?).self) {
                guard let kind = CustomerHold.Kind(rawValue: kind) else { continue }
                var amount: Money?
                if let promised, case .promisedToPay(_, let promisedAmount)? = TaskOutcome(code: "promised", parameters: Self.storedParameters(promised)) {
                    amount = promisedAmount
                }
                holds.append(CustomerHold(id: id, customerID: customer, kind: kind, until: until.flatMap(CivilDate.init(iso8601:)),
                                          reason: reason, createdAt: created, amount: amount))
            }
            return holds
        }
    }

    public func markDisputed(invoiceID: Int64, reason: String, at time: Date) async throws {
        try await transaction { connection in
            try await Self.markDisputed(invoiceID: invoiceID, reason: reason, at: time, on: connection, logger: logger)
        }
    }

    public func disputeTask(invoice number: String, of creditor: CreditorID) async throws -> Int64? {
        try await connection { connection in
            let invoiceID = try await Self.invoiceID(number: number, creditor: creditor, on: connection, logger: logger)
            var disputed = false
            for try await flag in try await connection.liveQuery("SELECT disputed_since IS NOT NULL FROM invoice WHERE id = \(invoiceID)",
                                                             logger: logger).decode(Bool.self) { disputed = flag }
            var recorded: [Int64] = []
            for try await id in try await connection.liveQuery("""
                SELECT t.id FROM task_invoice ti JOIN task t ON t.id = ti.task_id WHERE ti.invoice_id = \(invoiceID) AND t.outcome = 'dispute'
                """, logger: logger).decode(Int64.self) { recorded.append(id) }
            var open: [Int64] = []
            for try await id in try await connection.liveQuery("""
                SELECT t.id FROM invoice i JOIN task t ON t.customer_id = i.customer_id WHERE i.id = \(invoiceID) AND t.state = 'open'
                """, logger: logger).decode(Int64.self) { open.append(id) }
            return DisputeTaskChoice.choose(invoiceIsDisputed: disputed, tasksThatRecordedTheDispute: recorded, openTasksOfTheCustomer: open)
        }
    }

    /// The invoice numbered `number` in the creditor's books (the open one first when several
    /// customers' invoices share it, which is refused); a clear error naming what to check otherwise.
    static func invoiceID(number: String, creditor: CreditorID, on connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        let rows = try await connection.liveQuery("""
            SELECT id FROM invoice WHERE creditor_id = \(creditor.rawValue) AND number = \(number) ORDER BY status = 'open' DESC, id
            """, logger: logger)
        var ids: [Int64] = []
        for try await id in rows.decode(Int64.self) { ids.append(id) }
        guard let first = ids.first else {
            throw PostgresStoreError(.notFound, "invoice \(number) is not in the books of creditor \(creditor): give the number as the export writes it (relance customer ID lists them)",
                                     context: ["creditor": creditor.rawValue, "invoice": number])
        }
        guard ids.count == 1 else {
            throw PostgresStoreError(.invalidState, "invoice number \(number) belongs to several customers of creditor \(creditor): close the customer's own task with it",
                                     context: ["creditor": creditor.rawValue, "invoice": number])
        }
        return first
    }

    public func disputedInvoices(of creditor: CreditorID) async throws -> Set<Int64> {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT id FROM invoice WHERE creditor_id = \(creditor.rawValue) AND status = 'open' AND disputed_since IS NOT NULL
                """, logger: logger)
            var ids: Set<Int64> = []
            for try await id in rows.decode(Int64.self) { ids.insert(id) }
            return ids
        }
    }

    public func creditorState(_ creditor: CreditorID) async throws -> CreditorStoredState {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT mode, paused, paused_until::text, pause_reason FROM creditor_state WHERE creditor_id = \(creditor.rawValue)
                """, logger: logger)
            for try await (mode, paused, until, reason) in rows.decode((String?, Bool, String?, String?).self) {
                return CreditorStoredState(active: mode.map { $0 == "active" }, paused: paused,
                                           pausedUntil: until.flatMap(CivilDate.init(iso8601:)), pauseReason: reason)
            }
            return CreditorStoredState()
        }
    }

    public func setCreditorState(_ state: CreditorStoredState, of creditor: CreditorID, reason: String, at time: Date) async throws {
        try await transaction { connection in
            try await connection.liveQuery("""
                INSERT INTO creditor_state (creditor_id, mode, paused, paused_until, pause_reason, updated_at)
                VALUES (\(creditor.rawValue), \(state.active.map { $0 ? "active" : "review" }), \(state.paused),
                        \(state.pausedUntil?.iso8601)::date, \(state.pauseReason), \(time))
                ON CONFLICT (creditor_id) DO UPDATE SET mode = excluded.mode, paused = excluded.paused,
                    paused_until = excluded.paused_until, pause_reason = excluded.pause_reason, updated_at = excluded.updated_at
                """, logger: logger)
            let summary = try await Self.wording(of: creditor.rawValue, on: connection, logger: logger).creditorStateChanged(
                creditor: creditor.rawValue, active: state.active, paused: state.paused, until: state.pausedUntil, reason: reason)
            try await Self.append(NewEvent(time: time, kind: "creditor.state", creditor: creditor, summary: summary), on: connection, logger: logger)
        }
    }

    public func customerID(external: String, of creditor: CreditorID) async throws -> Int64? {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT id FROM customer WHERE creditor_id = \(creditor.rawValue) AND external_id = \(external)
                """, logger: logger)
            for try await id in rows.decode(Int64.self) { return id }
            return nil
        }
    }
}

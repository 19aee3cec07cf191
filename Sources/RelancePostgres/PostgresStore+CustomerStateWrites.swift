import Foundation
import PostgresNIO
import RelanceCore

/// The customer-state writes other ports make within their own transaction (an inbound
/// message's effects, a task's outcome), as the SQLite store's: an address marked invalid
/// once, a customer paused, an invoice disputed or no longer, an address given as right. The
/// `CustomerStateStore` port (`+CustomerState`) uses them too.
extension PostgresStore {
    /// Returns false when the address was already marked invalid (and not cleared since).
    static func markAddressInvalid(_ address: EmailAddress, of creditor: CreditorID, reason: String, evidence: String?,
                                   at time: Date, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let live = try await connection.liveQuery("""
            SELECT 1 FROM invalid_address WHERE creditor_id = \(creditor.rawValue) AND address = \(address.value) AND cleared_at IS NULL
            """, logger: logger)
        for try await _ in live { return false }
        try await connection.liveQuery("""
            INSERT INTO invalid_address (creditor_id, address, reason, evidence, since)
            VALUES (\(creditor.rawValue), \(address.value), \(reason), \(evidence), \(time))
            """, logger: logger)
        try await append(NewEvent(time: time, kind: "address.invalid", creditor: creditor,
                                  summary: try await wording(of: creditor.rawValue, on: connection, logger: logger)
                                      .addressMarkedInvalid(address.value, reason: reason),
                                  detail: ["address": address.value]), on: connection, logger: logger)
        return true
    }

    @discardableResult
    static func holdCustomer(_ customerID: Int64, kind: CustomerHold.Kind, until: CivilDate?, reason: String,
                             at time: Date, on connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        let rows = try await connection.liveQuery("""
            INSERT INTO customer_hold (customer_id, kind, until_on, reason, created_at)
            VALUES (\(customerID), \(kind.rawValue), \(until?.iso8601)::date, \(reason), \(time)) RETURNING id,
            (SELECT creditor_id FROM customer WHERE id = \(customerID))
            """, logger: logger)
        var inserted: (Int64, String?)?
        for try await row in rows.decode((Int64, String?).self) { inserted = row }
        guard let (id, creditor) = inserted else { throw PostgresStoreError(.corrupt, "a customer hold was not stored") }
        try await append(NewEvent(time: time, kind: "customer.paused", creditor: creditor.flatMap(CreditorID.init), customerID: customerID,
                                  summary: try await wording(of: creditor ?? "", on: connection, logger: logger)
                                      .customerPaused(kind: kind, until: until, reason: reason)), on: connection, logger: logger)
        return id
    }

    /// The one way an invoice becomes disputed. Returns false when it already was.
    @discardableResult
    static func markDisputed(invoiceID: Int64, reason: String, at time: Date, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.liveQuery("""
            UPDATE invoice SET disputed_since = \(time), dispute_reason = \(reason) WHERE id = \(invoiceID) AND disputed_since IS NULL
            RETURNING creditor_id, customer_id, number
            """, logger: logger)
        var changed: (String, Int64, String)?
        for try await row in rows.decode((String, Int64, String).self) { changed = row }
        guard let (creditor, customer, number) = changed else { return false }
        try await append(NewEvent(time: time, kind: "invoice.disputed", creditor: CreditorID(creditor), customerID: customer, invoiceID: invoiceID,
                                  summary: try await wording(of: creditor, on: connection, logger: logger)
                                      .invoiceDisputed(invoice: number, reason: reason)), on: connection, logger: logger)
        return true
    }

    /// Ends a dispute: the invoice goes back on the ladder where it was. Returns false when it was not disputed.
    @discardableResult
    static func clearDispute(invoiceID: Int64, reason: String, at time: Date, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.liveQuery("""
            UPDATE invoice SET disputed_since = NULL, dispute_reason = NULL WHERE id = \(invoiceID) AND disputed_since IS NOT NULL
            RETURNING creditor_id, customer_id, number
            """, logger: logger)
        var changed: (String, Int64, String)?
        for try await row in rows.decode((String, Int64, String).self) { changed = row }
        guard let (creditor, customer, number) = changed else { return false }
        try await append(NewEvent(time: time, kind: "invoice.dispute-resolved", creditor: CreditorID(creditor), customerID: customer,
                                  invoiceID: invoiceID,
                                  summary: try await wording(of: creditor, on: connection, logger: logger)
                                      .disputeResolved(invoice: number, reason: reason)), on: connection, logger: logger)
        return true
    }

    /// An address a person gave as right: the customer's until the next contacts file, and no longer invalid.
    static func addCorrectedAddress(_ address: EmailAddress, customer: Int64, creditor: CreditorID, reason: String, at time: Date,
                                    on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.liveQuery("""
            INSERT INTO customer_email (customer_id, address, role) VALUES (\(customer), \(address.value), 'to') ON CONFLICT DO NOTHING
            """, logger: logger)
        try await connection.liveQuery("""
            UPDATE invalid_address SET cleared_at = \(time), clear_reason = \(reason)
            WHERE creditor_id = \(creditor.rawValue) AND address = \(address.value) AND cleared_at IS NULL
            """, logger: logger)
    }
}

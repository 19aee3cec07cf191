import Foundation
import PostgresNIO
import RelanceCore

/// A creditor's open receivables read from PostgreSQL, with their customers' addresses and the
/// steps already taken, in the SQLite store's order: customers by their id in the creditor's
/// books, then due date (none first), then number — text compared byte by byte (`COLLATE "C"`,
/// as SQLite's BINARY collation), never by the database's locale. One snapshot for all reads.
struct PostgresOpenReceivables {
    let connection: PostgresConnection
    let creditor: CreditorID
    /// One customer's only (the console's customer page).
    var customer: Int64?
    let logger: Logger

    func read() async throws -> [Receivable] {
        let history = try await historyByInvoice()
        let customers = try await customersByID()
        var receivables: [Receivable] = []
        for try await (invoiceID, number, code, issued, due, total, open, customerID) in try await connection.liveQuery("""
            SELECT i.id, i.number, i.currency, i.issued_on::text, i.due_on::text, i.total_minor, i.open_minor, i.customer_id
            FROM invoice i JOIN customer c ON c.id = i.customer_id
            WHERE i.creditor_id = \(creditor.rawValue) AND i.status = 'open' AND (\(customer)::bigint IS NULL OR i.customer_id = \(customer)::bigint)
            ORDER BY c.external_id COLLATE "C", i.due_on NULLS FIRST, i.number COLLATE "C"
            """, logger: logger).decode((Int64, String, String, String?, String?, Int64?, Int64, Int64).self) {
            guard let currency = Currency(code: code) else {
                throw PostgresStoreError(.corrupt, "invoice \(invoiceID) has currency \(code)", context: ["invoice": "\(invoiceID)"])
            }
            guard let summary = customers[customerID] else {
                throw PostgresStoreError(.corrupt, "invoice \(invoiceID) belongs to a customer of another creditor",
                                         context: ["invoice": "\(invoiceID)"])
            }
            receivables.append(Receivable(
                invoiceID: invoiceID, number: number, customer: summary, issued: issued.flatMap(CivilDate.init(iso8601:)),
                due: due.flatMap(CivilDate.init(iso8601:)), open: Money(minorUnits: open, currency: currency),
                total: total.map { Money(minorUnits: $0, currency: currency) }, history: history[invoiceID] ?? []))
        }
        return receivables
    }

    /// The creditor's customers, each with its addresses (to and cc, each list sorted by bytes);
    /// an address that no longer validates is left out rather than sent to.
    private func customersByID() async throws -> [Int64: CustomerSummary] {
        var customers: [Int64: CustomerSummary] = [:]
        for try await (id, code, name, language, role, address) in try await connection.liveQuery("""
            SELECT c.id, c.external_id, c.name, c.language, e.role, e.address
            FROM customer c LEFT JOIN customer_email e ON e.customer_id = c.id AND e.role IN ('to', 'cc')
            WHERE c.creditor_id = \(creditor.rawValue) AND (\(customer)::bigint IS NULL OR c.id = \(customer)::bigint)
            ORDER BY c.id, e.address COLLATE "C"
            """, logger: logger).decode((Int64, String, String?, String?, String?, String?).self) {
            if customers[id] == nil {
                customers[id] = CustomerSummary(id: id, externalID: code, name: name, language: language.flatMap(Language.init(rawValue:)),
                                                emails: [], cc: [])
            }
            guard let address = address.flatMap({ EmailAddress($0) }) else { continue }
            if role == "cc" { customers[id]?.cc.append(address) } else { customers[id]?.emails.append(address) }
        }
        return customers
    }

    /// The steps taken per invoice: the messages (not cancelled) by day, then the steps people
    /// carried out — a task from the day it was opened or moved on to its step, a letter from the
    /// day it was posted (the SQLite store's reader says why); a cancelled task counts as a
    /// cancelled message, a closed one carries its outcome.
    private func historyByInvoice() async throws -> [Int64: [StepTaken]] {
        var result: [Int64: [StepTaken]] = [:]
        for try await (invoice, step, planned, stateText) in try await connection.liveQuery("""
            SELECT mi.invoice_id, mi.step, m.planned_on::text, m.state
            FROM message_invoice mi JOIN message m ON m.id = mi.message_id
            WHERE m.creditor_id = \(creditor.rawValue) AND NOT mi.cancelled
                  AND (\(customer)::bigint IS NULL OR m.customer_id = \(customer)::bigint)
            ORDER BY m.planned_on, m.id
            """, logger: logger).decode((Int64, String, String, String).self) {
            guard let day = CivilDate(iso8601: planned), let state = OutboxState(rawValue: stateText) else { continue }
            result[invoice, default: []].append(StepTaken(step: step, on: day, messageState: state, channel: .email))
        }
        let decoder = JSONDecoder()
        for try await (invoice, step, kind, state, outcome, detail, day) in try await connection.liveQuery("""
            SELECT ti.invoice_id, t.step, t.kind, t.state, t.outcome, t.outcome_detail::text,
                   COALESCE(t.posted_on, t.step_on, (t.created_at AT TIME ZONE 'UTC')::date)::text
            FROM task_invoice ti JOIN task t ON t.id = ti.task_id
            WHERE t.creditor_id = \(creditor.rawValue) AND t.step IS NOT NULL
                  AND (\(customer)::bigint IS NULL OR t.customer_id = \(customer)::bigint)
            ORDER BY t.created_at, t.id
            """, logger: logger).decode((Int64, String, String, String, String?, String, String).self) {
            guard let on = CivilDate(iso8601: day) else { continue }
            let taken = outcome.flatMap { code in
                TaskOutcome(code: code, parameters: (try? decoder.decode([String: String].self, from: Data(detail.utf8))) ?? [:])
            }
            result[invoice, default: []].append(StepTaken(
                step: step, on: on, messageState: state == "cancelled" ? .cancelled : .sent,
                channel: WorkTask.Kind(rawValue: kind).flatMap(\.channel), outcome: taken))
        }
        return result
    }
}

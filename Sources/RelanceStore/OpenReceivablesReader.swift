import Foundation
import GRDB
import RelanceCore

/// Reads a creditor's open receivables, with their customers' addresses and the steps already
/// taken, in the order of the customers' ids in the creditor's books, then due date, then number.
///
/// Every plan, aged balance and digest starts here, so it is written for 100,000 invoices
/// (benchmarks/plan.sh): rows are stepped by a cursor and read by column index straight from
/// the SQLite statement (GRDB's `Row` subscripts go through an existential and unspecialized
/// generics, which cost more than SQLite itself), consecutive rows share one customer value
/// and one currency, and dates are parsed from their ISO text.
struct OpenReceivablesReader {
    let db: Database
    let creditor: CreditorID

    func read() throws -> [Receivable] {
        let addresses = try addressesByCustomer()
        let history = try historyByInvoice()
        let statement = try db.makeStatement(sql: """
            SELECT i.id, i.number, i.currency, i.issued_on, i.due_on, i.total_minor, i.open_minor,
                   c.id, c.external_id, c.name, c.language
            FROM invoice i JOIN customer c ON c.id = i.customer_id
            WHERE i.creditor_id = ? AND i.status = 'open'
            ORDER BY c.external_id, i.due_on, i.number
            """)
        let rows = try Row.fetchCursor(statement, arguments: [creditor.rawValue])
        let columns = StatementColumns(statement.sqliteStatement)
        var code = ""
        var currency = Currency.euro
        var customer: CustomerSummary?
        var result: [Receivable] = []
        while try rows.next() != nil {
            let invoiceID = columns.int64(0) ?? 0
            let rowCode = columns.string(2) ?? ""
            if rowCode != code {
                guard let parsed = Currency(code: rowCode) else {
                    throw StoreError(.corrupt, "invoice \(invoiceID) has currency \(rowCode)")
                }
                (code, currency) = (rowCode, parsed)
            }
            let customerID = columns.int64(7) ?? 0
            if customer?.id != customerID {
                let emails = addresses[customerID]
                customer = CustomerSummary(
                    id: customerID, externalID: columns.string(8) ?? "", name: columns.string(9),
                    language: columns.string(10).flatMap { Language(rawValue: $0) },
                    emails: emails?.to ?? [], cc: emails?.cc ?? [])
            }
            result.append(Receivable(
                invoiceID: invoiceID, number: columns.string(1) ?? "", customer: customer!,
                issued: columns.date(3), due: columns.date(4),
                open: Money(minorUnits: columns.int64(6) ?? 0, currency: currency),
                total: columns.int64(5).map { Money(minorUnits: $0, currency: currency) },
                history: history[invoiceID] ?? []))
        }
        return result
    }

    /// Each customer's addresses, to and cc, each list sorted; an address that no longer
    /// validates is left out rather than sent to.
    private func addressesByCustomer() throws -> [Int64: (to: [EmailAddress], cc: [EmailAddress])] {
        let statement = try db.makeStatement(sql: """
            SELECT e.customer_id, e.role, e.address FROM customer_email e JOIN customer c ON c.id = e.customer_id
            WHERE c.creditor_id = ? AND e.role IN ('to', 'cc') ORDER BY e.customer_id, e.address
            """)
        let rows = try Row.fetchCursor(statement, arguments: [creditor.rawValue])
        let columns = StatementColumns(statement.sqliteStatement)
        var result: [Int64: (to: [EmailAddress], cc: [EmailAddress])] = [:]
        while try rows.next() != nil {
            guard let address = columns.string(2).flatMap({ EmailAddress($0) }) else { continue }
            let customerID = columns.int64(0) ?? 0
            if columns.string(1) == "cc" {
                result[customerID, default: ([], [])].cc.append(address)
            } else {
                result[customerID, default: ([], [])].to.append(address)
            }
        }
        return result
    }

    private func historyByInvoice() throws -> [Int64: [StepTaken]] {
        let messages = try db.makeStatement(sql: """
            SELECT mi.invoice_id, mi.step, m.planned_on, m.state
            FROM message_invoice mi JOIN message m ON m.id = mi.message_id
            WHERE m.creditor_id = ? AND mi.cancelled = 0
            ORDER BY m.planned_on, m.id
            """)
        var result: [Int64: [StepTaken]] = [:]
        let messageRows = try Row.fetchCursor(messages, arguments: [creditor.rawValue])
        let message = StatementColumns(messages.sqliteStatement)
        while try messageRows.next() != nil {
            guard let date = message.date(2), let state = message.string(3).flatMap({ OutboxState(rawValue: $0) }) else { continue }
            result[message.int64(0) ?? 0, default: []].append(
                StepTaken(step: message.string(1) ?? "", on: date, messageState: state, channel: .email))
        }
        // Steps carried out by people: a task stands for its step from the day it was opened.
        // A cancelled task does not count (mapped to a cancelled message state); a closed one
        // carries its outcome, which a letter may recall.
        let tasks = try db.makeStatement(sql: """
            SELECT ti.invoice_id, t.step, t.kind, t.state, t.outcome, t.outcome_detail, t.created_on
            FROM task_invoice ti JOIN (SELECT *, date(created_at) AS created_on FROM task) t ON t.id = ti.task_id
            WHERE t.creditor_id = ? AND t.step IS NOT NULL
            ORDER BY t.created_at, t.id
            """)
        let taskRows = try Row.fetchCursor(tasks, arguments: [creditor.rawValue])
        let task = StatementColumns(tasks.sqliteStatement)
        let decoder = JSONDecoder()
        while try taskRows.next() != nil {
            guard let date = task.date(6) else { continue }
            let outcome = task.string(4).flatMap { code in
                TaskOutcome(code: code, parameters: (try? decoder.decode([String: String].self,
                                                                         from: Data((task.string(5) ?? "").utf8))) ?? [:])
            }
            let state: OutboxState = task.string(3) == "cancelled" ? .cancelled : .sent
            let channel = task.string(2).flatMap { WorkTask.Kind(rawValue: $0) }.flatMap(\.channel)
            result[task.int64(0) ?? 0, default: []].append(StepTaken(step: task.string(1) ?? "", on: date, messageState: state,
                                                                       channel: channel, outcome: outcome))
        }
        return result
    }
}

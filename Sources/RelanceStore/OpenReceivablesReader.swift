import Foundation
import GRDB
import RelanceCore

/// Reads a creditor's open receivables, with their customers' addresses and the steps already
/// taken, in the order of the customers' ids in the creditor's books, then due date (none
/// first), then number, as SQLite orders text.
///
/// Every plan, aged balance and digest starts here, so it is written for 100,000 invoices
/// (benchmarks/plan.sh): rows are stepped by a cursor and read by column index straight from
/// the SQLite statement (GRDB's `Row` subscripts go through an existential and unspecialized
/// generics, which cost more than SQLite itself), and the order comes from the customers'
/// unique index plus a sort of each customer's few invoices (`ReceivableOrder`): an ORDER BY
/// over the join made SQLite sort every row, three times the cost of reading them.
struct OpenReceivablesReader {
    let db: Database
    let creditor: CreditorID
    /// One customer's only (the console's customer page): every query narrowed to it, so that a
    /// page costs one customer's rows, not the book's.
    var customer: Int64? = nil

    /// The SQL condition narrowing `column` to the customer; an integer, so interpolating it is safe.
    private func onlyCustomer(_ column: String) -> String {
        customer.map { " AND \(column) = \($0)" } ?? ""
    }

    func read() throws -> [Receivable] {
        let history = try historyByInvoice()
        var order = ReceivableOrder()
        let customers = try customersInOrder(registeringIn: &order)
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoice WHERE creditor_id = ? AND status = 'open'" + onlyCustomer("customer_id"),
                                     arguments: [creditor.rawValue]) ?? 0
        let invoiceStatement = try db.makeStatement(sql: """
            SELECT id, number, currency, issued_on, due_on, total_minor, open_minor, customer_id
            FROM invoice WHERE creditor_id = ? AND status = 'open'\(onlyCustomer("customer_id"))
            """)
        let invoiceRows = try Row.fetchCursor(invoiceStatement, arguments: [creditor.rawValue])
        let invoice = StatementColumns(invoiceStatement.sqliteStatement)
        var code = ""
        var currency = Currency.euro
        var rows: [ReceivableOrder.Row] = []
        rows.reserveCapacity(count)
        while try invoiceRows.next() != nil {
            let invoiceID = invoice.int64(0) ?? 0
            let rowCode = invoice.string(2) ?? ""
            if rowCode != code {
                guard let parsed = Currency(code: rowCode) else {
                    throw StoreError(.corrupt, "invoice \(invoiceID) has currency \(rowCode)")
                }
                (code, currency) = (rowCode, parsed)
            }
            guard let rank = order.rank(ofCustomer: invoice.int64(7) ?? 0) else {
                throw StoreError(.corrupt, "invoice \(invoiceID) belongs to a customer of another creditor")
            }
            let dueText = invoice.string(4)
            rows.append(ReceivableOrder.Row(
                customerRank: rank, dueText: dueText, invoiceID: invoiceID, number: invoice.string(1) ?? "",
                issued: invoice.date(3), due: dueText.flatMap { CivilDate(iso8601: $0) },
                open: Money(minorUnits: invoice.int64(6) ?? 0, currency: currency),
                total: invoice.int64(5).map { Money(minorUnits: $0, currency: currency) }))
        }
        var result: [Receivable] = []
        result.reserveCapacity(rows.count)
        for row in order.sorted(rows) {
            result.append(Receivable(
                invoiceID: row.invoiceID, number: row.number, customer: customers[row.customerRank], issued: row.issued,
                due: row.due, open: row.open, total: row.total, history: history.isEmpty ? [] : history[row.invoiceID] ?? []))
        }
        return result
    }

    /// The creditor's customers by their id in its books, each with its addresses (to and cc,
    /// each list sorted); an address that no longer validates is left out rather than sent to.
    /// One join in the order of the customers' unique index and the addresses' primary key:
    /// SQLite sorts nothing, and a customer's rows come together.
    private func customersInOrder(registeringIn order: inout ReceivableOrder) throws -> [CustomerSummary] {
        let statement = try db.makeStatement(sql: """
            SELECT c.id, c.external_id, c.name, c.language, e.role, e.address
            FROM customer c LEFT JOIN customer_email e ON e.customer_id = c.id AND e.role IN ('to', 'cc')
            WHERE c.creditor_id = ?\(onlyCustomer("c.id")) ORDER BY c.external_id, e.address
            """)
        let rows = try Row.fetchCursor(statement, arguments: [creditor.rawValue])
        let columns = StatementColumns(statement.sqliteStatement)
        var customers: [CustomerSummary] = []
        while try rows.next() != nil {
            let id = columns.int64(0) ?? 0
            if customers.last?.id != id {
                order.addCustomer(id)
                customers.append(CustomerSummary(
                    id: id, externalID: columns.string(1) ?? "", name: columns.string(2),
                    language: columns.string(3).flatMap { Language(rawValue: $0) }, emails: [], cc: []))
            }
            guard let address = columns.string(5).flatMap({ EmailAddress($0) }) else { continue }
            if columns.string(4) == "cc" {
                customers[customers.count - 1].cc.append(address)
            } else {
                customers[customers.count - 1].emails.append(address)
            }
        }
        return customers
    }

    private func historyByInvoice() throws -> [Int64: [StepTaken]] {
        let messages = try db.makeStatement(sql: """
            SELECT mi.invoice_id, mi.step, m.planned_on, m.state
            FROM message_invoice mi JOIN message m ON m.id = mi.message_id
            WHERE m.creditor_id = ? AND mi.cancelled = 0\(onlyCustomer("m.customer_id"))
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
        // Steps carried out by people: a task stands for its step from the day it was opened (or
        // moved on to that step); a letter from the day a person recorded it posted, so that the
        // next step's delay and deadlines count from the real posting date.
        // A cancelled task does not count (mapped to a cancelled message state); a closed one
        // carries its outcome, which a letter may recall.
        let tasks = try db.makeStatement(sql: """
            SELECT ti.invoice_id, t.step, t.kind, t.state, t.outcome, t.outcome_detail, t.created_on
            FROM task_invoice ti JOIN (SELECT *, COALESCE(posted_on, step_on, date(created_at)) AS created_on FROM task) t ON t.id = ti.task_id
            WHERE t.creditor_id = ? AND t.step IS NOT NULL\(onlyCustomer("t.customer_id"))
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

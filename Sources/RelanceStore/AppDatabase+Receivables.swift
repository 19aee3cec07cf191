public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: ReceivablesStore {
    public func registerCreditor(_ creditor: CreditorID, at time: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: "INSERT INTO creditor (id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
                           arguments: [creditor.rawValue, time])
            if db.changesCount > 0 {
                try Self.append(NewEvent(time: time, kind: "creditor.registered", creditor: creditor,
                                         summary: "Creditor \(creditor) registered from the configuration."), in: db)
            }
        }
    }

    public func importSnapshot(_ file: ImportedFile, _ snapshot: ReceivableSnapshot, at time: Date) async throws -> ImportReceipt {
        try await writer.write { db in
            // A ledger's import dirties tens of MB of pages in one transaction: with SQLite's
            // 2 MB page cache, they spill to the WAL and are read back mid-transaction (twice
            // the writes, and reads). A larger cache for this transaction only; it is released
            // after, and is smaller than the parse's peak, so the import's peak does not rise.
            let previous = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -32768")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(previous)") }
            return try SnapshotApplier(db: db, file: file, snapshot: snapshot, time: time).apply()
        }
    }

    public func recordRejectedImport(_ file: ImportedFile, reason: String, at time: Date) async throws -> Int64 {
        try await writer.write { db in
            try db.execute(sql: """
                INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, error, imported_at)
                VALUES (?, ?, ?, ?, ?, 'rejected', ?, ?)
                """, arguments: [file.creditor.rawValue, file.fileName, file.sha256, file.byteCount, file.kind, reason, time])
            let id = db.lastInsertedRowID
            try Self.append(NewEvent(time: time, kind: "import.rejected", creditor: file.creditor, importID: id,
                                     summary: "File \(file.fileName) was refused: \(reason)",
                                     detail: ["sha256": file.sha256]), in: db)
            return id
        }
    }

    public func openReceivables(of creditor: CreditorID) async throws -> [Receivable] {
        try await writer.read { db in
            let emails = try Self.emailsByCustomer(of: creditor, role: "to", in: db)
            let copies = try Self.emailsByCustomer(of: creditor, role: "cc", in: db)
            let history = try Self.historyByInvoice(of: creditor, in: db)
            let rows = try Row.fetchAll(db, sql: """
                SELECT i.id, i.number, i.currency, i.issued_on, i.due_on, i.total_minor, i.open_minor,
                       c.id AS customer_id, c.external_id, c.name, c.language
                FROM invoice i JOIN customer c ON c.id = i.customer_id
                WHERE i.creditor_id = ? AND i.status = 'open'
                ORDER BY c.external_id, i.due_on, i.number
                """, arguments: [creditor.rawValue])
            // Column indexes, one Currency and one CustomerSummary per distinct value: this read
            // dominates a plan of 100,000 invoices (benchmarks/plan.sh).
            var currencies: [String: Currency] = [:]
            var customers: [Int64: CustomerSummary] = [:]
            var result: [Receivable] = []
            result.reserveCapacity(rows.count)
            for row in rows {
                let code: String = row[2]
                guard let currency = currencies[code] ?? Currency(code: code) else {
                    throw StoreError(.corrupt, "invoice \(row[0] as Int64) has currency \(code)")
                }
                currencies[code] = currency
                let customerID: Int64 = row[7]
                let customer = customers[customerID] ?? CustomerSummary(
                    id: customerID, externalID: row[8], name: row[9], language: (row[10] as String?).flatMap { Language(rawValue: $0) },
                    emails: emails[customerID] ?? [], cc: copies[customerID] ?? [])
                customers[customerID] = customer
                let invoiceID: Int64 = row[0]
                result.append(Receivable(
                    invoiceID: invoiceID, number: row[1], customer: customer,
                    issued: (row[3] as String?).flatMap { CivilDate(iso8601: $0) },
                    due: (row[4] as String?).flatMap { CivilDate(iso8601: $0) },
                    open: Money(minorUnits: row[6], currency: currency),
                    total: (row[5] as Int64?).map { Money(minorUnits: $0, currency: currency) },
                    history: history[invoiceID] ?? []))
            }
            return result
        }
    }

    private static func emailsByCustomer(of creditor: CreditorID, role: String, in db: Database) throws -> [Int64: [EmailAddress]] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.customer_id, e.address FROM customer_email e JOIN customer c ON c.id = e.customer_id
            WHERE c.creditor_id = ? AND e.role = ? ORDER BY e.customer_id, e.address
            """, arguments: [creditor.rawValue, role])
        var result: [Int64: [EmailAddress]] = [:]
        for row in rows {
            if let address = EmailAddress(row["address"] as String) { result[row["customer_id"], default: []].append(address) }
        }
        return result
    }

    private static func historyByInvoice(of creditor: CreditorID, in db: Database) throws -> [Int64: [StepTaken]] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT mi.invoice_id, mi.step, m.planned_on, m.state
            FROM message_invoice mi JOIN message m ON m.id = mi.message_id
            WHERE m.creditor_id = ? AND mi.cancelled = 0
            ORDER BY m.planned_on, m.id
            """, arguments: [creditor.rawValue])
        var result: [Int64: [StepTaken]] = [:]
        for row in rows {
            guard let date = CivilDate(iso8601: row["planned_on"] as String),
                  let state = OutboxState(rawValue: row["state"]) else { continue }
            result[row["invoice_id"], default: []].append(StepTaken(step: row["step"], on: date, messageState: state, channel: .email))
        }
        // Steps carried out by people: a task stands for its step from the day it was opened.
        // A cancelled task does not count (mapped to a cancelled message state); a closed one
        // carries its outcome, which a letter may recall.
        let tasks = try Row.fetchAll(db, sql: """
            SELECT ti.invoice_id, t.step, t.kind, t.state, t.outcome, t.outcome_detail, t.created_on
            FROM task_invoice ti JOIN (SELECT *, date(created_at) AS created_on FROM task) t ON t.id = ti.task_id
            WHERE t.creditor_id = ? AND t.step IS NOT NULL
            ORDER BY t.created_at, t.id
            """, arguments: [creditor.rawValue])
        for row in tasks {
            guard let date = CivilDate(iso8601: row["created_on"] as String) else { continue }
            let outcome = (row["outcome"] as String?).flatMap { code in
                TaskOutcome(code: code, parameters: (try? JSONDecoder().decode([String: String].self,
                                                                               from: Data((row["outcome_detail"] as String).utf8))) ?? [:])
            }
            let state: OutboxState = (row["state"] as String) == "cancelled" ? .cancelled : .sent
            let channel = WorkTask.Kind(rawValue: row["kind"]).flatMap(\.channel)
            result[row["invoice_id"], default: []].append(StepTaken(step: row["step"], on: date, messageState: state,
                                                                     channel: channel, outcome: outcome))
        }
        return result
    }
}

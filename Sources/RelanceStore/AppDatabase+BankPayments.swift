public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: BankPaymentStore {
    public func importBankStatement(_ file: ImportedFile, _ statement: BankStatement, language: Language, at time: Date) async throws -> BankImportReceipt {
        try await writer.write { db in
            try BankStatementApplier(db: db, file: file, statement: statement, time: time, language: language).apply()
        }
    }

    public func bankPayments(of creditor: CreditorID) async throws -> [BankPayment] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.id, m.invoice_id, i.number, i.customer_id, m.amount_minor, e.currency, e.booked_on, e.counterparty, e.remittance
                FROM bank_match m JOIN invoice i ON i.id = m.invoice_id JOIN bank_entry e ON e.id = m.entry_id
                WHERE i.creditor_id = ? AND m.state IN ('awaiting-ledger', 'reported') AND i.status = 'open' AND i.open_minor = m.ledger_open_minor
                ORDER BY i.customer_id, m.invoice_id, e.booked_on, m.id
                """, arguments: [creditor.rawValue]).compactMap { row in
                guard let currency = Currency(code: row["currency"] as String), let booked = CivilDate(iso8601: row["booked_on"] as String) else { return nil }
                var entry = BankEntry(booked: booked, amount: Money(minorUnits: row["amount_minor"], currency: currency), account: "")
                entry.counterparty = row["counterparty"]
                entry.remittance = row["remittance"]
                return BankPayment(matchID: row["id"], invoiceID: row["invoice_id"], invoiceNumber: row["number"], customerID: row["customer_id"],
                                   amount: entry.amount, booked: booked, label: entry.label)
            }
        }
    }

    public func reviewBankPayments(of creditor: CreditorID, ledgerAsOf: CivilDate, waitDays: Int, language: Language,
                                   at time: Date) async throws -> Int {
        try await writer.write { db in
            let awaiting = try Row.fetchAll(db, sql: """
                SELECT m.id, m.invoice_id, m.amount_minor, m.ledger_open_minor, e.currency, e.booked_on, e.counterparty, e.remittance,
                       i.number, i.customer_id, i.status, i.open_minor
                FROM bank_match m JOIN invoice i ON i.id = m.invoice_id JOIN bank_entry e ON e.id = m.entry_id
                WHERE i.creditor_id = ? AND m.state = 'awaiting-ledger'
                ORDER BY m.id
                """, arguments: [creditor.rawValue]).compactMap { row -> BankPaymentReview.AwaitingPayment? in
                guard let currency = Currency(code: row["currency"] as String), let booked = CivilDate(iso8601: row["booked_on"] as String) else { return nil }
                var entry = BankEntry(booked: booked, amount: Money(minorUnits: row["amount_minor"], currency: currency), account: "")
                entry.counterparty = row["counterparty"]
                entry.remittance = row["remittance"]
                return BankPaymentReview.AwaitingPayment(
                    BankPayment(matchID: row["id"], invoiceID: row["invoice_id"], invoiceNumber: row["number"], customerID: row["customer_id"],
                                amount: entry.amount, booked: booked, label: entry.label),
                    invoiceIsOpen: (row["status"] as String) == "open", invoiceOpenMinor: row["open_minor"], ledgerOpenMinor: row["ledger_open_minor"])
            }
            let review = BankPaymentReview(awaiting: awaiting, creditor: creditor, ledgerAsOf: ledgerAsOf, waitDays: waitDays, words: language.wording)
            for matchID in review.lettered {
                try db.execute(sql: "UPDATE bank_match SET state = 'lettered' WHERE id = ?", arguments: [matchID])
            }
            var opened = 0
            for check in review.checks {
                let (taskID, isNew) = try Self.openTask(check.task, at: time, in: db)
                try db.execute(sql: "UPDATE bank_match SET state = 'reported', task_id = ? WHERE id = ?", arguments: [taskID, check.matchID])
                if isNew { opened += 1 }
            }
            return opened
        }
    }
}

extension AppDatabase {
    /// What live bank payments took off invoice `i` (the planner demands the rest), as a SQL term.
    static let bankPaidSQL = """
        COALESCE((SELECT SUM(bm.amount_minor) FROM bank_match bm
                  WHERE bm.invoice_id = i.id AND bm.state IN ('awaiting-ledger', 'reported') AND bm.ledger_open_minor = i.open_minor), 0)
        """

    /// An invoice of the message that a bank statement showed paid (in full or in part) after
    /// the message was written, and the ledger has not caught up with: it would ask for money
    /// already received. A message written after the payment already asks only for the rest.
    static func bankPaidInvoice(messageID: Int64, in db: Database) throws -> String? {
        // A cached statement: every claim asks, and compiling SQL each time showed in the profile.
        try db.valueCached("""
            SELECT i.number FROM message_invoice mi JOIN invoice i ON i.id = mi.invoice_id JOIN message msg ON msg.id = mi.message_id
            JOIN bank_match m ON m.invoice_id = i.id AND m.state IN ('awaiting-ledger', 'reported') AND m.ledger_open_minor = i.open_minor
            WHERE mi.message_id = ? AND m.matched_at >= msg.created_at LIMIT 1
            """, [messageID], as: String.self)
    }
}

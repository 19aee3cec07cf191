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
        let words = language.wording
        return try await writer.write { db in
            // The ledger has spoken: the invoice settled, or its open amount moved since the match.
            try db.execute(sql: """
                UPDATE bank_match SET state = 'lettered'
                WHERE state = 'awaiting-ledger' AND invoice_id IN (SELECT id FROM invoice WHERE creditor_id = ?)
                AND EXISTS (SELECT 1 FROM invoice i WHERE i.id = bank_match.invoice_id
                            AND (i.status <> 'open' OR i.open_minor <> bank_match.ledger_open_minor))
                """, arguments: [creditor.rawValue])
            let latest = ledgerAsOf.adding(days: -waitDays).iso8601
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.id, m.invoice_id, m.amount_minor, e.currency, e.booked_on, e.counterparty, e.remittance, i.number, i.customer_id
                FROM bank_match m JOIN invoice i ON i.id = m.invoice_id JOIN bank_entry e ON e.id = m.entry_id
                WHERE i.creditor_id = ? AND m.state = 'awaiting-ledger' AND e.booked_on <= ?
                ORDER BY m.id
                """, arguments: [creditor.rawValue, latest])
            var opened = 0
            for row in rows {
                guard let currency = Currency(code: row["currency"] as String), let booked = CivilDate(iso8601: row["booked_on"] as String) else { continue }
                var entry = BankEntry(booked: booked, amount: Money(minorUnits: row["amount_minor"], currency: currency), account: "")
                entry.counterparty = row["counterparty"]
                entry.remittance = row["remittance"]
                let number: String = row["number"]
                let matchID: Int64 = row["id"]
                // A payment to check, one task per payment: not a step of the ladder (a hand-off
                // task would be the customer's one hand-off, and hold its ladder: v18).
                let task = NewTask(
                    creditor: creditor, customerID: row["customer_id"], kind: .checkPayment,
                    title: words.paymentNotLetteredTitle(booked: booked, invoice: number, amount: entry.amount),
                    detail: ["invoice": number, "amount": entry.amount.description,
                             "booked": booked.iso8601, "label": entry.label, "ledger_as_of": ledgerAsOf.iso8601,
                             "what_to_do": words.paymentNotLetteredAdvice()],
                    dedupKey: "bank-payment-not-lettered:\(matchID)", invoiceIDs: [row["invoice_id"]])
                let (taskID, isNew) = try Self.openTask(task, at: time, in: db)
                try db.execute(sql: "UPDATE bank_match SET state = 'reported', task_id = ? WHERE id = ?", arguments: [taskID, matchID])
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

public import Foundation
import PostgresNIO
public import RelanceCore

/// The ledger's word on the bank's payments on PostgreSQL, as on SQLite: the payments awaiting
/// the ledger read, and what the pure `BankPaymentReview` decides written — lettered ones done,
/// the unlettered ones past the wait reported with a task to check each — in one transaction
/// under the creditor's bank lock (two daemons reviewing at once open each task once).
extension PostgresStore {
    public func reviewBankPayments(of creditor: CreditorID, ledgerAsOf: CivilDate, waitDays: Int, language: Language,
                                   at time: Date) async throws -> Int {
        try await transaction { connection in
            try await Self.lockBankWork(of: creditor, on: connection, logger: logger)
            var awaiting: [BankPaymentReview.AwaitingPayment] = []
            let rows = try await connection.liveQuery("""
                SELECT m.id, m.invoice_id, m.amount_minor, m.ledger_open_minor, e.currency, e.booked_on::text, e.counterparty, e.remittance,
                       i.number, i.customer_id, i.status, i.open_minor
                FROM bank_match m JOIN invoice i ON i.id = m.invoice_id JOIN bank_entry e ON e.id = m.entry_id
                WHERE i.creditor_id = \(creditor.rawValue) AND m.state = 'awaiting-ledger'
                ORDER BY m.id
                FOR UPDATE OF m
                """, logger: logger)
            for try await (match, invoice, minor, ledgerOpen, code, bookedOn, payer, remittance, number, customer, status, open)
                in rows.decode((Int64, Int64, Int64, Int64, String, String, String?, String, String, Int64, String, Int64).self) {
                guard let currency = Currency(code: code), let booked = CivilDate(iso8601: bookedOn) else { continue }
                var entry = BankEntry(booked: booked, amount: Money(minorUnits: minor, currency: currency), account: "")
                entry.counterparty = payer
                entry.remittance = remittance
                awaiting.append(BankPaymentReview.AwaitingPayment(
                    BankPayment(matchID: match, invoiceID: invoice, invoiceNumber: number, customerID: customer, amount: entry.amount, booked: booked,
                                label: entry.label),
                    invoiceIsOpen: status == "open", invoiceOpenMinor: open, ledgerOpenMinor: ledgerOpen))
            }
            let review = BankPaymentReview(awaiting: awaiting, creditor: creditor, ledgerAsOf: ledgerAsOf, waitDays: waitDays, words: language.wording)
            if !review.lettered.isEmpty {
                try await connection.liveQuery("UPDATE bank_match SET state = 'lettered' WHERE id = ANY(\(review.lettered))", logger: logger)
            }
            var opened = 0
            for check in review.checks {
                let (taskID, isNew) = try await Self.openTask(check.task, at: time, on: connection, logger: logger)
                try await connection.liveQuery("UPDATE bank_match SET state = 'reported', task_id = \(taskID) WHERE id = \(check.matchID)", logger: logger)
                if isNew { opened += 1 }
            }
            return opened
        }
    }
}

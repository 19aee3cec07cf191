import Crypto
import Foundation
import GRDB
import RelanceCore

/// Applies a bank statement inside the caller's write transaction: the statement once, each
/// entry once per account, receipts matched by the pure `PaymentMatcher` against the open
/// invoices (less what earlier payments already paid), each match journaled on the invoice's
/// timeline, and the payers a certain match names linked to the customer.
struct BankStatementApplier {
    let db: Database
    let file: ImportedFile
    let statement: BankStatement
    let time: Date
    /// The creditor's language: the journal's lines are read by its people (`relance customer`).
    let language: Language

    private var creditor: String { file.creditor.rawValue }

    func apply() throws -> BankImportReceipt {
        if let existing = try Int64.fetchOne(db, sql: """
            SELECT id FROM import WHERE creditor_id = ? AND sha256 = ? AND status IN ('applied', 'held')
            """, arguments: [creditor, file.sha256]) {
            try event("import.duplicate", importID: existing, "File \(file.fileName) has the same content as import #\(existing): nothing changed.")
            return BankImportReceipt(importID: existing, outcome: .duplicate)
        }
        let fingerprint = Self.fingerprint(statement)
        if let known = try Int64.fetchOne(db, sql: "SELECT import_id FROM bank_statement WHERE creditor_id = ? AND fingerprint = ?",
                                          arguments: [creditor, fingerprint]) {
            try event("import.duplicate", importID: known,
                      "File \(file.fileName) is the bank statement already imported as #\(known) (same accounts, same entries): nothing changed.")
            return BankImportReceipt(importID: known, outcome: .duplicate)
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM creditor WHERE id = ?", arguments: [creditor]) == true else {
            throw StoreError(.unknownCreditor, "creditor \(creditor) is not registered")
        }
        try db.execute(sql: """
            INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, as_of, item_count, imported_at)
            VALUES (?, ?, ?, ?, ?, 'applied', ?, ?, ?)
            """, arguments: [creditor, file.fileName, file.sha256, file.byteCount, file.kind,
                             statement.entries.map(\.booked).max()?.iso8601, statement.entries.count, time])
        let importID = db.lastInsertedRowID
        try db.execute(sql: """
            INSERT INTO bank_statement (creditor_id, import_id, format, fingerprint, entry_count, imported_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [creditor, importID, statement.format.rawValue, fingerprint, statement.entries.count, time])
        let statementID = db.lastInsertedRowID
        var receipt = BankImportReceipt(importID: importID, outcome: .applied)

        var fresh: [(id: Int64, entry: BankEntry)] = []
        for entry in statement.entries {
            try db.executeCached("""
                INSERT INTO bank_entry (creditor_id, statement_id, account, booked_on, value_on, amount_minor, currency, counterparty,
                                        counterparty_iban, remittance, reference, bank_reference, reversal, dedup_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (creditor_id, account, dedup_key) DO NOTHING
                """, [creditor, statementID, entry.account, entry.booked.iso8601, entry.valueDate?.iso8601, entry.amount.minorUnits,
                      entry.amount.currency.code, entry.counterparty, entry.counterpartyIBAN, entry.remittance, entry.reference,
                      entry.bankReference, entry.isReversal, Self.dedupKey(entry)])
            if db.changesCount == 1 {
                receipt.newEntries += 1
                fresh.append((db.lastInsertedRowID, entry))
            } else {
                receipt.knownEntries += 1
            }
        }
        var matcher = try makeMatcher()
        for (entryID, entry) in fresh where entry.amount.minorUnits > 0 && !entry.isReversal {
            guard let match = matcher.match(entry) else {
                receipt.unmatchedReceipts += 1
                try event("bank.unmatched", importID: importID,
                          language.wording.bankUnmatched(amount: entry.amount, booked: entry.booked, payer: entry.counterparty,
                                                         remittance: entry.remittance),
                          detail: ["entry": String(entryID)])
                continue
            }
            receipt.matchedReceipts += 1
            try record(match, entryID: entryID, entry: entry, importID: importID)
            receipt.paidInvoices += match.allocations.count
        }
        try event("import.applied", importID: importID,
                  language.wording.bankStatementImported(
                      file: file.fileName, format: statement.format.rawValue, newEntries: receipt.newEntries, knownEntries: receipt.knownEntries,
                      matched: receipt.matchedReceipts, invoices: receipt.paidInvoices, unmatched: receipt.unmatchedReceipts),
                  detail: ["sha256": file.sha256])
        return receipt
    }

    /// Open invoices less what live matches already paid; RF references as reminders print them;
    /// payers earlier matches taught.
    private func makeMatcher() throws -> PaymentMatcher {
        let rows = try Row.fetchAll(db, sql: """
            SELECT i.id, i.number, i.customer_id, i.currency, i.open_minor, i.due_on, c.external_id,
                   i.open_minor - COALESCE((SELECT SUM(m.amount_minor) FROM bank_match m
                                            WHERE m.invoice_id = i.id AND m.state <> 'lettered'), 0) AS remaining
            FROM invoice i JOIN customer c ON c.id = i.customer_id
            WHERE i.creditor_id = ? AND i.status = 'open'
            """, arguments: [creditor])
        var invoices: [PaymentMatcher.Invoice] = []
        var references: [String: Int64] = [:]
        invoices.reserveCapacity(rows.count)
        for row in rows {
            guard let currency = Currency(code: row["currency"] as String) else { continue }
            let id: Int64 = row["id"]
            let number: String = row["number"]
            invoices.append(PaymentMatcher.Invoice(id: id, number: number, customerID: row["customer_id"],
                                                   open: Money(minorUnits: row["remaining"], currency: currency),
                                                   due: (row["due_on"] as String?).flatMap { CivilDate(iso8601: $0) }))
            if let reference = RFCreditorReference.make(customer: row["external_id"], invoice: number) { references[reference] = id }
        }
        var ibans: [String: Int64] = [:]
        var names: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT kind, value, customer_id FROM bank_payer WHERE creditor_id = ?", arguments: [creditor]) {
            if (row["kind"] as String) == "iban" { ibans[row["value"]] = row["customer_id"] } else { names[row["value"]] = row["customer_id"] }
        }
        return PaymentMatcher(invoices: invoices, references: references, payerIBANs: ibans, payerNames: names)
    }

    private func record(_ match: PaymentMatcher.Match, entryID: Int64, entry: BankEntry, importID: Int64) throws {
        let label = BankText.label(entry)
        var firstMatchID: Int64?
        for allocation in match.allocations {
            let ledgerOpen = try Int64.fetchOne(db, sql: "SELECT open_minor FROM invoice WHERE id = ?", arguments: [allocation.invoiceID]) ?? 0
            try db.execute(sql: """
                INSERT INTO bank_match (entry_id, invoice_id, amount_minor, method, ledger_open_minor, state, matched_at)
                VALUES (?, ?, ?, ?, ?, 'awaiting-ledger', ?)
                """, arguments: [entryID, allocation.invoiceID, allocation.amount.minorUnits, match.method.rawValue, ledgerOpen, time])
            let matchID = db.lastInsertedRowID
            firstMatchID = firstMatchID ?? matchID
            let payment = BankPayment(matchID: matchID, invoiceID: allocation.invoiceID, invoiceNumber: allocation.number,
                                      customerID: match.customerID, amount: allocation.amount, booked: entry.booked, label: label)
            let part = allocation.amount.minorUnits < ledgerOpen ? Money(minorUnits: ledgerOpen, currency: allocation.amount.currency) : nil
            try AppDatabase.append(NewEvent(time: time, kind: "bank.matched", creditor: file.creditor, customerID: match.customerID,
                                            invoiceID: allocation.invoiceID, importID: importID,
                                            summary: language.wording.bankMatched(invoice: allocation.number, payment: payment.sentence(in: language),
                                                                                  ledgerOpen: part, method: match.method),
                                            detail: ["entry": String(entryID), "method": match.method.rawValue, "amount": allocation.amount.decimalString]), in: db)
        }
        if match.unallocated.minorUnits > 0 {
            try event("bank.overpaid", importID: importID,
                      language.wording.bankOverpaid(amount: entry.amount, booked: entry.booked, invoices: match.allocations.map(\.number),
                                                    extra: match.unallocated),
                      detail: ["entry": String(entryID)])
        }
        // A reference or an invoice number is certain: it teaches who pays for this customer.
        guard match.method != .knownPayer, let firstMatchID else { return }
        if let iban = entry.counterpartyIBAN { try learn("iban", iban, customerID: match.customerID, matchID: firstMatchID) }
        if let name = entry.counterparty.map(PaymentMatcher.payerNameKey), !name.isEmpty {
            try learn("name", name, customerID: match.customerID, matchID: firstMatchID)
        }
    }

    private func learn(_ kind: String, _ value: String, customerID: Int64, matchID: Int64) throws {
        try db.execute(sql: """
            INSERT INTO bank_payer (creditor_id, kind, value, customer_id, learned_from_match) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (creditor_id, kind, value) DO NOTHING
            """, arguments: [creditor, kind, value, customerID, matchID])
    }

    private func event(_ kind: String, importID: Int64, _ summary: String, detail: [String: String] = [:]) throws {
        try AppDatabase.append(NewEvent(time: time, kind: kind, creditor: file.creditor, importID: importID, summary: summary, detail: detail), in: db)
    }

    /// The bank's reference when it gives one, else date + amount + label.
    static func dedupKey(_ entry: BankEntry) -> String {
        if let reference = entry.bankReference { return "ref:" + reference }
        let label = entry.remittance.uppercased().split(separator: " ").joined(separator: " ")
        return "day:\(entry.booked.iso8601)|\(entry.amount.minorUnits)\(entry.amount.currency.code)|\(label)"
    }

    static func fingerprint(_ statement: BankStatement) -> String {
        var hasher = SHA256()
        for entry in statement.entries {
            hasher.update(data: Data((entry.account + "\u{1F}" + dedupKey(entry) + "\u{1E}").utf8))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// The words of a bank entry a person recognises it by.
enum BankText {
    /// The remittance text as the bank gave it, preceded by the payer unless the text names them already.
    static func label(_ entry: BankEntry) -> String {
        let remittance = entry.remittance
        let label: String
        switch entry.counterparty {
        case let payer? where !remittance.uppercased().contains(payer.uppercased()):
            label = remittance.isEmpty ? payer : "\(payer) — \(remittance)"
        default:
            label = remittance
        }
        return String(label.prefix(160))
    }
}

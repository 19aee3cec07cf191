import Crypto
import Foundation
import PostgresNIO
import RelanceCore

/// Matching's reads and writes within the caller's transaction, as the SQLite store's
/// `BankMatchRecorder`: the facts the pure matching needs (`BankMatchingFacts`), and what it
/// decided (`BankMatchRecord`) written — payments, journal lines, payers learned. Shared by a
/// statement's import, a person's link of a receipt and the retry after a ledger's import.
extension PostgresStore {
    /// Serialises the creditor's bank work (and the opening of its tasks: the same lock) until
    /// the transaction ends: two daemons matching at once would each see the other's invoices
    /// unpaid and pay the same euro twice, or both import the same statement.
    static func lockBankWork(of creditor: CreditorID, on connection: PostgresConnection, logger: Logger) async throws {
        try await lockTaskOpening(of: creditor, on: connection, logger: logger)
    }

    /// Open invoices (of one customer when given) less what live matches already paid, and the
    /// payers earlier matches or people taught.
    static func bankMatchingFacts(of creditor: CreditorID, customerID: Int64? = nil, on connection: PostgresConnection,
                                  logger: Logger) async throws -> BankMatchingFacts {
        var invoices: [BankMatchingFacts.OpenInvoice] = []
        let rows = try await connection.liveQuery("""
            SELECT i.id, i.number, i.customer_id, i.currency, i.open_minor, i.due_on::text, i.issued_on::text, c.external_id,
                   i.open_minor - COALESCE((SELECT SUM(m.amount_minor) FROM bank_match m
                                            WHERE m.invoice_id = i.id AND m.state IN ('awaiting-ledger', 'reported')), 0)::bigint
            FROM invoice i JOIN customer c ON c.id = i.customer_id
            WHERE i.creditor_id = \(creditor.rawValue) AND i.status = 'open' AND (\(customerID)::bigint IS NULL OR i.customer_id = \(customerID))
            ORDER BY i.id
            """, logger: logger)
        for try await (id, number, customer, code, open, due, issued, external, remaining)
            in rows.decode((Int64, String, Int64, String, Int64, String?, String?, String, Int64).self) {
            guard let currency = Currency(code: code) else { continue }
            invoices.append(BankMatchingFacts.OpenInvoice(
                id: id, number: number, customerID: customer, customerExternalID: external, ledgerOpen: Money(minorUnits: open, currency: currency),
                remaining: Money(minorUnits: remaining, currency: currency), due: due.flatMap(CivilDate.init(iso8601:)),
                issued: issued.flatMap(CivilDate.init(iso8601:))))
        }
        var payers: [BankPayerLink] = []
        let payerRows = try await connection.liveQuery("SELECT kind, value, customer_id FROM bank_payer WHERE creditor_id = \(creditor.rawValue)",
                                                   logger: logger)
        for try await (kind, value, customer) in payerRows.decode((String, String, Int64).self) {
            if let kind = BankPayerLink.Kind(rawValue: kind) { payers.append(BankPayerLink(kind: kind, value: value, customerID: customer)) }
        }
        return BankMatchingFacts(invoices: invoices, payers: payers)
    }

    /// Writes a match: its payments, its journal lines, and the payers it taught (only those not
    /// yet known, each learned from the first payment).
    static func writeBankMatch(_ record: BankMatchRecord, of creditor: CreditorID, at time: Date, on connection: PostgresConnection,
                               logger: Logger) async throws {
        var firstMatchID: Int64?
        for payment in record.payments {
            let rows = try await connection.liveQuery("""
                INSERT INTO bank_match (entry_id, invoice_id, amount_minor, method, ledger_open_minor, state, matched_at)
                VALUES (\(record.entryID), \(payment.invoiceID), \(payment.amount.minorUnits), \(payment.method.rawValue), \(payment.ledgerOpen),
                        'awaiting-ledger', \(time))
                RETURNING id
                """, logger: logger)
            for try await id in rows.decode(Int64.self) { firstMatchID = firstMatchID ?? id }
        }
        for event in record.events { try await append(event, on: connection, logger: logger) }
        guard let firstMatchID else { return }
        for payer in record.payersTaught {
            try await connection.liveQuery("""
                INSERT INTO bank_payer (creditor_id, kind, value, customer_id, learned_from_match)
                VALUES (\(creditor.rawValue), \(payer.kind.rawValue), \(payer.value), \(payer.customerID), \(firstMatchID))
                ON CONFLICT (creditor_id, kind, value) DO NOTHING
                """, logger: logger)
        }
    }

    /// A person's word: the payer now points at the customer, whatever a match taught. True when
    /// that is new (`BankPayerLink.isNew`).
    static func teachBankPayer(_ payer: BankPayerLink, of creditor: CreditorID, on connection: PostgresConnection,
                               logger: Logger) async throws -> Bool {
        var before: Int64?
        let rows = try await connection.liveQuery("""
            SELECT customer_id FROM bank_payer WHERE creditor_id = \(creditor.rawValue) AND kind = \(payer.kind.rawValue) AND value = \(payer.value)
            """, logger: logger)
        for try await customer in rows.decode(Int64.self) { before = customer }
        try await connection.liveQuery("""
            INSERT INTO bank_payer (creditor_id, kind, value, customer_id, learned_from_match)
            VALUES (\(creditor.rawValue), \(payer.kind.rawValue), \(payer.value), \(payer.customerID), NULL)
            ON CONFLICT (creditor_id, kind, value) DO UPDATE SET customer_id = excluded.customer_id, learned_from_match = NULL
            """, logger: logger)
        return payer.isNew(before: before, byPerson: true)
    }

    /// A stored entry's columns, as `bankEntry` reads them back.
    static let bankEntryColumns = """
        e.id, e.booked_on::text, e.value_on::text, e.amount_minor, e.currency, e.counterparty, e.counterparty_iban, e.remittance, e.reference,
        e.bank_reference, e.account, e.reversal
        """

    /// Stored entries read with `bankEntryColumns`, back as the parser gave them, with their ids.
    static func bankEntries(_ rows: PostgresRowSequence) async throws -> [(id: Int64, entry: BankEntry)] {
        var entries: [(id: Int64, entry: BankEntry)] = []
        for try await (id, booked, value, minor, code, payer, iban, remittance, reference, bankReference, account, reversal)
            in rows.decode((Int64, String, String?, Int64, String, String?, String?, String, String?, String?, String, Bool).self) {
            guard let currency = Currency(code: code), let booked = CivilDate(iso8601: booked) else { continue }
            entries.append((id, BankEntry(booked: booked, valueDate: value.flatMap(CivilDate.init(iso8601:)),
                                          amount: Money(minorUnits: minor, currency: currency), counterparty: payer, counterpartyIBAN: iban,
                                          remittance: remittance, reference: reference, bankReference: bankReference, account: account,
                                          isReversal: reversal)))
        }
        return entries
    }

    /// The SHA-256 of a text's UTF-8 bytes, in lowercase hex: what `BankEntryIdentity` keys with
    /// (as the SQLite store does, so a copied book still recognises its entries).
    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

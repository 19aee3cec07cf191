public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: InboundStore {
    public func mailboxMark(of creditor: CreditorID, folder: String) async throws -> MailboxMark? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM mailbox_mark WHERE creditor_id = ? AND folder = ?",
                             arguments: [creditor.rawValue, folder]).map { row in
                MailboxMark(folder: row["folder"], uidValidity: UInt32(clamping: row["uid_validity"] as Int64),
                            lastUID: UInt32(clamping: row["last_uid"] as Int64), polledAt: row["polled_at"])
            }
        }
    }

    public func saveMailboxMark(_ mark: MailboxMark, of creditor: CreditorID) async throws {
        try await writer.write { db in try Self.save(mark, of: creditor, in: db) }
    }

    public func recordInbound(_ record: InboundRecord, effects: [InboundEffect], mark: MailboxMark,
                              at time: Date) async throws -> InboundRecordOutcome {
        try await writer.write { db in
            try Self.save(mark, of: record.creditor, in: db)
            if let id = record.rfcMessageID, try Bool.fetchOne(db, sql: """
                SELECT 1 FROM inbound_message WHERE creditor_id = ? AND rfc_message_id = ?
                """, arguments: [record.creditor.rawValue, id]) ?? false {
                return InboundRecordOutcome(inboundID: nil, duplicate: true, openedTasks: [])
            }
            // The same UID under the same UIDVALIDITY was recorded before the mark moved past it
            // (a mark saved by an older version, or by hand): nothing happens twice.
            if try Bool.fetchOne(db, sql: """
                SELECT 1 FROM inbound_message WHERE creditor_id = ? AND folder = ? AND uid_validity = ? AND uid = ?
                """, arguments: [record.creditor.rawValue, record.folder, Int64(record.uidValidity), Int64(record.uid)]) ?? false {
                return InboundRecordOutcome(inboundID: nil, duplicate: true, openedTasks: [])
            }
            try db.execute(sql: """
                INSERT INTO inbound_message (creditor_id, folder, uid_validity, uid, rfc_message_id, received_at, kind,
                                             message_id, customer_id, summary, excerpt, raw)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [record.creditor.rawValue, record.folder, Int64(record.uidValidity), Int64(record.uid),
                                 record.rfcMessageID, time, record.kind.rawValue, record.messageID, record.customerID,
                                 record.summary, record.excerpt, record.raw.map { Data($0) }])
            let inboundID = db.lastInsertedRowID
            try Self.append(NewEvent(time: time, kind: "mail.received", creditor: record.creditor, customerID: record.customerID,
                                     messageID: record.messageID, summary: record.summary,
                                     detail: ["inbound": String(inboundID), "kind": record.kind.rawValue]), in: db)
            var opened: [Int64] = []
            for effect in effects {
                if let task = try Self.apply(effect, of: record, inboundID: inboundID, at: time, in: db) { opened.append(task) }
            }
            return InboundRecordOutcome(inboundID: inboundID, duplicate: false, openedTasks: opened)
        }
    }

    public func sentMessage(_ id: Int64, of creditor: CreditorID) async throws -> SentMessageFacts? {
        try await writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT customer_id, step FROM message WHERE id = ? AND creditor_id = ?",
                                             arguments: [id, creditor.rawValue]) else { return nil }
            let recipients = try String.fetchAll(db, sql: "SELECT address FROM message_recipient WHERE message_id = ? ORDER BY role DESC, address",
                                                 arguments: [id]).compactMap { EmailAddress($0) }
            return SentMessageFacts(id: id, customerID: row["customer_id"], recipients: recipients, step: row["step"])
        }
    }

    public func customers(withContact address: EmailAddress, of creditor: CreditorID) async throws -> [Int64] {
        try await writer.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT DISTINCT c.id FROM customer c JOIN customer_email e ON e.customer_id = c.id
                WHERE c.creditor_id = ? AND lower(e.address) = lower(?) ORDER BY c.id
                """, arguments: [creditor.rawValue, address.value])
        }
    }

    private static func save(_ mark: MailboxMark, of creditor: CreditorID, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO mailbox_mark (creditor_id, folder, uid_validity, last_uid, polled_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (creditor_id, folder) DO UPDATE SET uid_validity = excluded.uid_validity,
                last_uid = excluded.last_uid, polled_at = excluded.polled_at
            """, arguments: [creditor.rawValue, mark.folder, Int64(mark.uidValidity), Int64(mark.lastUID), mark.polledAt])
    }

    /// Returns the id of a task opened now.
    private static func apply(_ effect: InboundEffect, of record: InboundRecord, inboundID: Int64, at time: Date,
                              in db: Database) throws -> Int64? {
        switch effect {
        case .markAddressInvalid(let address, let reason, let evidence):
            _ = try markAddressInvalid(address, of: record.creditor, reason: reason, evidence: evidence, at: time, in: db)
            return nil
        case .holdCustomer(let kind, let until, let reason):
            guard let customer = record.customerID else { return nil }
            _ = try holdCustomer(customer, kind: kind, until: until, reason: reason, at: time, in: db)
            return nil
        case .openTask(let request):
            return try open(request, for: record, inboundID: inboundID, at: time, in: db)
        case .countTemporaryBounce(let threshold, let since, let task):
            guard let customer = record.customerID else { return nil }
            try append(NewEvent(time: time, kind: "mail.bounce-temporary", creditor: record.creditor, customerID: customer,
                                messageID: record.messageID, summary: record.summary, detail: ["inbound": String(inboundID)]), in: db)
            let count = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM event WHERE kind = 'mail.bounce-temporary' AND customer_id = ? AND at >= ?
                """, arguments: [customer, since]) ?? 0
            guard count >= threshold else { return nil }
            var request = task
            request.detail["temporary_bounces"] = String(count)
            return try open(request, for: record, inboundID: inboundID, at: time, in: db)
        case .event(let kind, let summary):
            try append(NewEvent(time: time, kind: kind, creditor: record.creditor, customerID: record.customerID,
                                messageID: record.messageID, summary: summary, detail: ["inbound": String(inboundID)]), in: db)
            return nil
        case .taskOutcome(var application):
            application.request.inboundID = inboundID
            do {
                try applyTaskOutcome(application, at: time, in: db)
            } catch let error as TaskOutcomeError {
                try append(NewEvent(time: time, kind: "task.outcome-refused", creditor: record.creditor, customerID: application.customerID,
                                    summary: try wording(of: record.creditor.rawValue, in: db).outcomeNotRecorded(
                                        taskID: application.request.taskID, outcome: application.request.outcome,
                                        by: application.request.recordedBy, why: error.message),
                                    detail: ["inbound": String(inboundID), "task": String(application.request.taskID)]), in: db)
            }
            return nil
        }
    }

    private static func open(_ request: InboundTaskRequest, for record: InboundRecord, inboundID: Int64, at time: Date,
                             in db: Database) throws -> Int64? {
        var detail = request.detail
        var invoices: [Int64] = []
        let customer = request.aboutCustomer ? record.customerID : nil
        if let customer {
            let facts = try customerFacts(customer, in: db)
            detail.merge(facts.detail) { own, _ in own }
            invoices = facts.invoices
        }
        let task = NewTask(creditor: record.creditor, customerID: customer, kind: request.kind, title: request.title,
                           detail: detail, dedupKey: request.dedupKey, invoiceIDs: invoices, messageID: record.messageID)
        let (id, isNew) = try openTask(task, at: time, in: db)
        guard isNew else { return nil }
        try db.execute(sql: "UPDATE task SET inbound_id = ? WHERE id = ?", arguments: [inboundID, id])
        return id
    }

    /// What a person needs at hand to call the customer: who, which numbers, how much, which invoices.
    private static func customerFacts(_ customer: Int64, in db: Database) throws -> (detail: [String: String], invoices: [Int64]) {
        var detail: [String: String] = [:]
        if let row = try Row.fetchOne(db, sql: "SELECT external_id, name, phones FROM customer WHERE id = ?", arguments: [customer]) {
            detail["customer"] = (row["name"] as String?) ?? row["external_id"]
            let phones = (row["phones"] as String?).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
            detail["phones"] = phones.joined(separator: ", ")
        }
        let invoices = try Row.fetchAll(db, sql: """
            SELECT id, number, currency, open_minor FROM invoice WHERE customer_id = ? AND status = 'open' ORDER BY due_on, number
            """, arguments: [customer])
        var totals: [String: Int64] = [:]
        for invoice in invoices { totals[invoice["currency"], default: 0] += invoice["open_minor"] as Int64 }
        detail["amount_due"] = totals.keys.sorted().compactMap { code in
            Currency(code: code).map { Money(minorUnits: totals[code]!, currency: $0).description }
        }.joined(separator: " + ")
        detail["invoices"] = invoices.map { $0["number"] as String }.joined(separator: ", ")
        return (detail, invoices.map { $0["id"] as Int64 })
    }
}

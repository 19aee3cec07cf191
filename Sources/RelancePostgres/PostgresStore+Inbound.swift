public import Foundation
import PostgresNIO
public import RelanceCore

/// The mailbox's side of the store on PostgreSQL, as SQLite's: a message that is ours, its
/// effects and the mailbox mark commit together or not at all, and a message already recorded
/// (by Message-ID, or by UID under the same UIDVALIDITY) acts once.
extension PostgresStore: InboundStore {
    public func mailboxMark(of creditor: CreditorID, folder: String) async throws -> MailboxMark? {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT uid_validity, last_uid, polled_at FROM mailbox_mark WHERE creditor_id = \(creditor.rawValue) AND folder = \(folder)
                """, logger: logger)
            for try await (validity, last, polledAt) in rows.decode((Int64, Int64, Date).self) {
                return MailboxMark(folder: folder, uidValidity: UInt32(clamping: validity), lastUID: UInt32(clamping: last), polledAt: polledAt)
            }
            return nil
        }
    }

    public func saveMailboxMark(_ mark: MailboxMark, of creditor: CreditorID) async throws {
        try await connection { connection in try await save(mark, of: creditor, on: connection) }
    }

    public func recordInbound(_ record: InboundRecord, effects: [InboundEffect], mark: MailboxMark,
                              at time: Date) async throws -> InboundRecordOutcome {
        try await transaction { connection in
            try await save(mark, of: record.creditor, on: connection)
            let duplicate = InboundRecordOutcome(inboundID: nil, duplicate: true, openedTasks: [])
            if let id = record.rfcMessageID {
                let seen = try await connection.liveQuery("""
                    SELECT 1 FROM inbound_message WHERE creditor_id = \(record.creditor.rawValue) AND rfc_message_id = \(id)
                    """, logger: logger)
                for try await _ in seen { return duplicate }
            }
            // The same UID under the same UIDVALIDITY recorded before the mark moved past it: nothing happens twice.
            let sameUID = try await connection.liveQuery("""
                SELECT 1 FROM inbound_message WHERE creditor_id = \(record.creditor.rawValue) AND folder = \(record.folder)
                AND uid_validity = \(Int64(record.uidValidity)) AND uid = \(Int64(record.uid))
                """, logger: logger)
            for try await _ in sameUID { return duplicate }
            let rows = try await connection.liveQuery("""
                INSERT INTO inbound_message (creditor_id, folder, uid_validity, uid, rfc_message_id, received_at, kind,
                                             message_id, customer_id, summary, excerpt, raw)
                VALUES (\(record.creditor.rawValue), \(record.folder), \(Int64(record.uidValidity)), \(Int64(record.uid)),
                        \(record.rfcMessageID), \(time), \(record.kind.rawValue), \(record.messageID), \(record.customerID),
                        \(record.summary), \(record.excerpt), \(record.raw.map { ByteBuffer(bytes: $0) }))
                RETURNING id
                """, logger: logger)
            var stored: Int64?
            for try await id in rows.decode(Int64.self) { stored = id }
            guard let inboundID = stored else { throw PostgresStoreError(.corrupt, "an inbound message was not stored") }
            try await Self.append(NewEvent(time: time, kind: "mail.received", creditor: record.creditor, customerID: record.customerID,
                                           messageID: record.messageID, summary: record.summary,
                                           detail: ["inbound": String(inboundID), "kind": record.kind.rawValue]), on: connection, logger: logger)
            var opened: [Int64] = []
            for effect in effects {
                if let task = try await apply(effect, of: record, inboundID: inboundID, at: time, on: connection) { opened.append(task) }
            }
            return InboundRecordOutcome(inboundID: inboundID, duplicate: false, openedTasks: opened)
        }
    }

    public func sentMessage(_ id: Int64, of creditor: CreditorID) async throws -> SentMessageFacts? {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT customer_id, step, ARRAY(SELECT address FROM message_recipient WHERE message_id = m.id ORDER BY role DESC, address)
                FROM message m WHERE id = \(id) AND creditor_id = \(creditor.rawValue)
                """, logger: logger)
            for try await (customerID, step, recipients) in rows.decode((Int64, String, [String]).self) {
                return SentMessageFacts(id: id, customerID: customerID, recipients: recipients.compactMap { EmailAddress($0) }, step: step)
            }
            return nil
        }
    }

    public func customers(withContact address: EmailAddress, of creditor: CreditorID) async throws -> [Int64] {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT DISTINCT c.id FROM customer c JOIN customer_email e ON e.customer_id = c.id
                WHERE c.creditor_id = \(creditor.rawValue) AND lower(e.address) = lower(\(address.value)) ORDER BY c.id
                """, logger: logger)
            var ids: [Int64] = []
            for try await id in rows.decode(Int64.self) { ids.append(id) }
            return ids
        }
    }

    private func save(_ mark: MailboxMark, of creditor: CreditorID, on connection: PostgresConnection) async throws {
        try await connection.liveQuery("""
            INSERT INTO mailbox_mark (creditor_id, folder, uid_validity, last_uid, polled_at)
            VALUES (\(creditor.rawValue), \(mark.folder), \(Int64(mark.uidValidity)), \(Int64(mark.lastUID)), \(mark.polledAt))
            ON CONFLICT (creditor_id, folder) DO UPDATE SET uid_validity = excluded.uid_validity,
                last_uid = excluded.last_uid, polled_at = excluded.polled_at
            """, logger: logger)
    }

    /// Returns the id of a task opened now.
    private func apply(_ effect: InboundEffect, of record: InboundRecord, inboundID: Int64, at time: Date,
                       on connection: PostgresConnection) async throws -> Int64? {
        switch effect {
        case .markAddressInvalid(let address, let reason, let evidence):
            _ = try await Self.markAddressInvalid(address, of: record.creditor, reason: reason, evidence: evidence, at: time,
                                                  on: connection, logger: logger)
            return nil
        case .holdCustomer(let kind, let until, let reason):
            guard let customer = record.customerID else { return nil }
            try await Self.holdCustomer(customer, kind: kind, until: until, reason: reason, at: time, on: connection, logger: logger)
            return nil
        case .openTask(let request):
            return try await open(request, for: record, inboundID: inboundID, at: time, on: connection)
        case .countTemporaryBounce(let threshold, let since, let task):
            guard let customer = record.customerID else { return nil }
            try await Self.append(NewEvent(time: time, kind: "mail.bounce-temporary", creditor: record.creditor, customerID: customer,
                                           messageID: record.messageID, summary: record.summary, detail: ["inbound": String(inboundID)]),
                                  on: connection, logger: logger)
            let rows = try await connection.liveQuery("""
                SELECT COUNT(*) FROM event WHERE kind = 'mail.bounce-temporary' AND customer_id = \(customer) AND at >= \(since)
                """, logger: logger)
            var count: Int64 = 0
            for try await found in rows.decode(Int64.self) { count = found }
            guard count >= threshold else { return nil }
            var request = task
            request.detail["temporary_bounces"] = String(count)
            return try await open(request, for: record, inboundID: inboundID, at: time, on: connection)
        case .event(let kind, let summary):
            try await Self.append(NewEvent(time: time, kind: kind, creditor: record.creditor, customerID: record.customerID,
                                           messageID: record.messageID, summary: summary, detail: ["inbound": String(inboundID)]),
                                  on: connection, logger: logger)
            return nil
        case .taskOutcome(var application):
            application.request.inboundID = inboundID
            // A refused outcome (the task closed meanwhile) is recorded as refused; the message stays recorded.
            try await connection.liveQuery("SAVEPOINT outcome", logger: logger)
            do {
                try await Self.applyTaskOutcome(application, at: time, on: connection, logger: logger)
                try await connection.liveQuery("RELEASE SAVEPOINT outcome", logger: logger)
            } catch let error as TaskOutcomeError {
                try await connection.liveQuery("ROLLBACK TO SAVEPOINT outcome", logger: logger)
                try await Self.append(NewEvent(time: time, kind: "task.outcome-refused", creditor: record.creditor,
                                               customerID: application.customerID,
                                               summary: try await Self.wording(of: record.creditor.rawValue, on: connection, logger: logger)
                                                   .outcomeNotRecorded(taskID: application.request.taskID, outcome: application.request.outcome,
                                                                       by: application.request.recordedBy, why: error.message),
                                               detail: ["inbound": String(inboundID), "task": String(application.request.taskID)]),
                                      on: connection, logger: logger)
            }
            return nil
        }
    }

    private func open(_ request: InboundTaskRequest, for record: InboundRecord, inboundID: Int64, at time: Date,
                      on connection: PostgresConnection) async throws -> Int64? {
        var detail = request.detail
        var invoices: [Int64] = []
        let customer = request.aboutCustomer ? record.customerID : nil
        if let customer {
            let facts = try await customerFacts(customer, on: connection)
            detail.merge(facts.detail) { own, _ in own }
            invoices = facts.invoices
        }
        let task = NewTask(creditor: record.creditor, customerID: customer, kind: request.kind, title: request.title,
                           detail: detail, dedupKey: request.dedupKey, invoiceIDs: invoices, messageID: record.messageID)
        let (id, isNew) = try await Self.openTask(task, at: time, on: connection, logger: logger)
        guard isNew else { return nil }
        try await connection.liveQuery("UPDATE task SET inbound_id = \(inboundID) WHERE id = \(id)", logger: logger)
        return id
    }

    /// What a person needs at hand to call the customer: who, which numbers, how much, which invoices.
    private func customerFacts(_ customer: Int64, on connection: PostgresConnection) async throws -> (detail: [String: String], invoices: [Int64]) {
        var detail: [String: String] = [:]
        let who = try await connection.liveQuery("SELECT external_id, name, phones::text FROM customer WHERE id = \(customer)", logger: logger)
        for try await (code, name, phones) in who.decode((String, String?, String).self) {
            detail["customer"] = name ?? code
            detail["phones"] = ((try? JSONDecoder().decode([String].self, from: Data(phones.utf8))) ?? []).joined(separator: ", ")
        }
        let rows = try await connection.liveQuery("""
            SELECT id, number, currency, open_minor FROM invoice WHERE customer_id = \(customer) AND status = 'open' ORDER BY due_on NULLS FIRST, number
            """, logger: logger)
        var invoices: [(Int64, String)] = []
        var totals: [String: Int64] = [:]
        for try await (id, number, currency, open) in rows.decode((Int64, String, String, Int64).self) {
            invoices.append((id, number))
            totals[currency, default: 0] += open
        }
        detail["amount_due"] = totals.keys.sorted().compactMap { code in
            Currency(code: code).map { Money(minorUnits: totals[code]!, currency: $0).description }
        }.joined(separator: " + ")
        detail["invoices"] = invoices.map(\.1).joined(separator: ", ")
        return (detail, invoices.map(\.0))
    }
}

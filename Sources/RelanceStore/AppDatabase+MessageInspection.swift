public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: MessageInspectionStore {
    public func invoiceNumbers(ofMessage id: Int64) async throws -> [String] {
        try await writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT i.number FROM message_invoice mi JOIN invoice i ON i.id = mi.invoice_id WHERE mi.message_id = ? ORDER BY i.number
                """, arguments: [id])
        }
    }

    public func nextRetry(of creditor: CreditorID) async throws -> Date? {
        try await writer.read { db in
            try Date.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM message WHERE creditor_id = ? AND state = 'retry'",
                              arguments: [creditor.rawValue])
        }
    }
}

public import Foundation
import PostgresNIO
public import RelanceCore

extension PostgresStore: MessageInspectionStore {
    public func invoiceNumbers(ofMessage id: Int64) async throws -> [String] {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT i.number FROM message_invoice mi JOIN invoice i ON i.id = mi.invoice_id WHERE mi.message_id = \(id) ORDER BY i.number
                """, logger: logger)
            var numbers: [String] = []
            for try await number in rows.decode(String.self) { numbers.append(number) }
            return numbers
        }
    }

    public func nextRetry(of creditor: CreditorID) async throws -> Date? {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT MIN(next_attempt_at) FROM message WHERE creditor_id = \(creditor.rawValue) AND state = 'retry'
                """, logger: logger)
            for try await next in rows.decode(Date?.self) { return next }
            return nil
        }
    }
}

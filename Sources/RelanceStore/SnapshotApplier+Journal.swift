import Foundation
import GRDB
import RelanceCore

/// Events of one import, buffered and written in batches (see `PreparedStatements`).
extension SnapshotApplier {
    func event(_ kind: String, customerID: Int64? = nil, invoiceID: Int64? = nil, importID: Int64,
               _ summary: String, detail: [String: String] = [:]) throws {
        // Buffered: a large ledger writes tens of thousands of events in one import, and one
        // INSERT of many rows costs a fraction of as many single-row INSERTs.
        let detailText = EventDetailJSON.encode(detail)
        try prepared.appendEvent { values in
            values.append(timeText)
            values.append(kind)
            values.append(creditor)
            values.append(customerID)
            values.append(invoiceID)
            values.append(importID)
            values.append(summary.printable)
            values.append(detailText)
        }
    }

    /// A line the shared rules worded, in the same batches.
    func event(_ event: NewEvent) throws {
        try self.event(event.kind, customerID: event.customerID, invoiceID: event.invoiceID, importID: event.importID ?? 0, event.summary,
                       detail: event.detail)
    }
}

import GRDB
import RelanceCore

/// The invoices a large first load opens, journaled one line per customer: the customer's
/// timeline says which invoices arrived, for how much and when due, as the per-invoice lines
/// would, in a line a person reads (a first export of 100,000 invoices would otherwise write
/// 100,000 lines in one go, and spend a third of the import's time on them).
struct OpenedJournal {
    /// Customers in the order their first invoice was opened.
    private(set) var order: [Int64] = []
    private(set) var invoices: [Int64: [OpenedInvoice]] = [:]
    /// The invoice's id when the customer has a single one: its line stays an invoice's line.
    private(set) var firstID: [Int64: Int64] = [:]

    mutating func add(_ invoice: OpenedInvoice, id: Int64, customerID: Int64) {
        if invoices[customerID] == nil {
            order.append(customerID)
            firstID[customerID] = id
            invoices[customerID] = [invoice]
        } else {
            invoices[customerID]!.append(invoice)
        }
    }
}

extension SnapshotApplier {
    func journal(_ opened: OpenedJournal, importID: Int64) throws {
        for customerID in opened.order {
            let invoices = opened.invoices[customerID] ?? []
            if invoices.count == 1, let invoice = invoices.first {
                try event("invoice.opened", customerID: customerID, invoiceID: opened.firstID[customerID], importID: importID,
                          words.invoiceOpened(invoice: invoice.number, open: invoice.open, due: invoice.due, source: invoice.source,
                                              file: file.fileName))
            } else {
                try event("invoice.opened", customerID: customerID, importID: importID,
                          words.invoicesOpened(invoices, file: file.fileName), detail: ["invoices": String(invoices.count)])
            }
        }
    }
}

import RelanceCore

/// `relance plan`'s text: per creditor, the customers to contact with their invoices, the
/// tasks, and why everyone else waits.
///
/// A plan of 100,000 invoices is 200,000 lines (18 MB): a `print` per line, or one string of
/// the whole text, cost a quarter of the command (benchmarks/plan.sh). Lines are appended
/// piece by piece to a buffer handed out whenever it holds about 64 KiB. The contacts and the
/// decisions are two independent sections, so that they can be written on two cores.
/// Imported values (codes, names, invoice numbers, reasons) are escaped (`PrintableText`): a
/// name with a line break cannot forge a line of the plan.
enum PlanTextReport {
    static let chunkSize = 1 << 16

    /// The header line, the contacts with their invoices, and the tasks, in `words`.
    static func writeContacts(of plan: Plan, words: any Wording, emit: (String) -> Void) {
        var out = Buffer()
        out.text += words.planHeading(creditor: plan.creditor.rawValue, date: plan.date, contacts: plan.contacts.count)
        out.endLine(emit)
        for contact in plan.contacts {
            out.text += "  "
            out.text += words.planContact(customerID: contact.customer.externalID.printable, name: contact.customer.name?.printable,
                                          step: contact.step.name, channel: contact.step.channel)
            out.endLine(emit)
            for invoice in contact.invoices {
                out.text += "      "
                out.text += words.planInvoice(number: invoice.receivable.number.printable, amount: invoice.receivable.open,
                                              daysLate: invoice.daysLate, step: invoice.step)
                out.endLine(emit)
            }
        }
        for task in plan.tasks {
            out.text += "  "
            out.text += words.planTask(customerID: task.customer.externalID.printable, name: task.customer.name?.printable, kind: task.kind,
                                       step: task.step.name, invoices: task.allInvoices.map { ($0.receivable.number.printable, $0.step) })
            out.endLine(emit)
        }
        out.flush(emit)
    }

    /// Why each customer or invoice not acted on waits or is skipped.
    static func writeDecisions(of plan: Plan, words: any Wording, emit: (String) -> Void) {
        var out = Buffer()
        for decision in plan.decisions where decision.verdict != .act {
            out.text += "  "
            out.text += words.planDecision(decision.verdict, customerID: decision.customer.printable, invoice: decision.invoice?.printable,
                                         reason: decision.reason.printable)
            out.endLine(emit)
        }
        out.flush(emit)
    }

    /// The chunks `write` emits, kept in order.
    static func chunks(_ write: ((String) -> Void) -> Void) -> [String] {
        var chunks: [String] = []
        write { chunks.append($0) }
        return chunks
    }

    private struct Buffer {
        var text = ""

        init() {
            text.reserveCapacity(PlanTextReport.chunkSize + 4096)
        }

        mutating func endLine(_ emit: (String) -> Void) {
            text += "\n"
            if text.utf8.count >= PlanTextReport.chunkSize {
                emit(text)
                text.removeAll(keepingCapacity: true)
            }
        }

        mutating func flush(_ emit: (String) -> Void) {
            if !text.isEmpty { emit(text) }
            text = ""
        }
    }
}

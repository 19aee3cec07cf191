import RelanceCore

/// `relance plan`'s text: per creditor, the customers to contact with their invoices, the
/// tasks, and why everyone else waits.
///
/// A plan of 100,000 invoices is 200,000 lines (18 MB): a `print` per line, or one string of
/// the whole text, cost a quarter of the command (benchmarks/plan.sh). Lines are appended
/// piece by piece to a buffer handed out whenever it holds about 64 KiB. The contacts and the
/// decisions are two independent sections, so that they can be written on two cores.
/// Imported values (codes, names, invoice numbers, reasons) are escaped (`PrintableText`):
/// a name with a line break cannot forge a line of the plan.
enum PlanTextReport {
    static let chunkSize = 1 << 16

    /// The header line, the contacts with their invoices, and the tasks.
    static func writeContacts(of plan: Plan, emit: (String) -> Void) {
        var out = Buffer()
        out.text += "Creditor \(plan.creditor), \(plan.date): \(plan.contacts.count) customer(s) to contact"
        out.endLine(emit)
        for contact in plan.contacts {
            out.text += "  "; out.text += contact.customer.externalID.printable; out.text += " "; out.text += (contact.customer.name ?? "").printable
            out.text += ": "; out.text += contact.step.name; out.text += " by "; out.text += contact.step.channel.rawValue
            out.endLine(emit)
            for invoice in contact.invoices {
                out.text += "      "; out.text += invoice.receivable.number.printable; out.text += ": "; out.text += invoice.receivable.open.description
                out.text += ", "; out.text += String(invoice.daysLate); out.text += " days late → "; out.text += invoice.step
                out.endLine(emit)
            }
        }
        for task in plan.tasks {
            let invoices = task.allInvoices.map { "\($0.receivable.number.printable) (\($0.step))" }.joined(separator: ", ")
            out.text += "  task: \(task.customer.externalID.printable) \((task.customer.name ?? "").printable): \(task.kind.rawValue) for \(task.step.name): \(invoices)"
            out.endLine(emit)
        }
        out.flush(emit)
    }

    /// Why each customer or invoice not acted on waits or is skipped.
    static func writeDecisions(of plan: Plan, emit: (String) -> Void) {
        var out = Buffer()
        for decision in plan.decisions where decision.verdict != .act {
            out.text += "  "; out.text += decision.verdict.rawValue; out.text += ": "; out.text += decision.customer.printable
            if let invoice = decision.invoice { out.text += " "; out.text += invoice.printable }
            out.text += ": "; out.text += decision.reason.printable
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

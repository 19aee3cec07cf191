import RelanceCore

/// `relance plan`'s text: per creditor, the customers to contact with their invoices, the
/// tasks, and why everyone else waits.
///
/// A plan of 100,000 invoices is 200,000 lines (18 MB): a `print` per line, or one string of
/// the whole text, cost a quarter of the command (benchmarks/plan.sh). Lines are appended
/// piece by piece to a buffer handed out whenever it holds about 64 KiB.
enum PlanTextReport {
    static let chunkSize = 1 << 16

    static func write(_ plans: [Plan], emit: (String) -> Void) {
        var out = ""
        out.reserveCapacity(chunkSize + 4096)
        func endLine() {
            out += "\n"
            if out.utf8.count >= chunkSize {
                emit(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        for plan in plans {
            out += "Creditor \(plan.creditor), \(plan.date): \(plan.contacts.count) customer(s) to contact"
            endLine()
            for contact in plan.contacts {
                out += "  "; out += contact.customer.externalID; out += " "; out += contact.customer.name ?? ""
                out += ": "; out += contact.step.name; out += " by "; out += contact.step.channel.rawValue
                endLine()
                for invoice in contact.invoices {
                    out += "      "; out += invoice.receivable.number; out += ": "; out += invoice.receivable.open.description
                    out += ", "; out += String(invoice.daysLate); out += " days late → "; out += invoice.step
                    endLine()
                }
            }
            for task in plan.tasks {
                let invoices = task.allInvoices.map { "\($0.receivable.number) (\($0.step))" }.joined(separator: ", ")
                out += "  task: \(task.customer.externalID) \(task.customer.name ?? ""): \(task.kind.rawValue) for \(task.step.name): \(invoices)"
                endLine()
            }
            for decision in plan.decisions where decision.verdict != .act {
                out += "  "; out += decision.verdict.rawValue; out += ": "; out += decision.customer
                if let invoice = decision.invoice { out += " "; out += invoice }
                out += ": "; out += decision.reason
                endLine()
            }
        }
        if !out.isEmpty { emit(out) }
    }
}

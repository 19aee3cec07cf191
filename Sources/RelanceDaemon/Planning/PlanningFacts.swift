import Foundation
import RelanceCore

/// Everything the store says about a creditor's day beyond its ledger — creditor pause and
/// review state, customer holds, invalid addresses, disputes — gathered once per plan.
struct PlanningFacts: Sendable {
    var stored: CreditorStoredState
    var holds: [Int64: [CustomerHold]]
    var invalid: Set<EmailAddress>
    var disputed: Set<Int64>

    static func load(_ creditor: CreditorID, from store: any CustomerStateStore) async throws -> PlanningFacts {
        PlanningFacts(
            stored: try await store.creditorState(creditor),
            holds: Dictionary(grouping: try await store.liveHolds(of: creditor), by: \.customerID),
            invalid: Set(try await store.invalidAddresses(of: creditor).map(\.address)),
            disputed: try await store.disputedInvoices(of: creditor))
    }

    /// Whether the creditor sends (commands override the configuration's `active`).
    func isActive(configured: Bool) -> Bool { stored.active ?? configured }

    /// Reasons that hold every contact of the creditor on `day`.
    func creditorHolds(on day: CivilDate, creditor: CreditorID) -> [String] {
        guard stored.paused else { return [] }
        if let until = stored.pausedUntil, day > until { return [] }
        let until = stored.pausedUntil.map { " until \($0)" } ?? " until resumed"
        return ["creditor \(creditor) is paused\(until)\(stored.pauseReason.map { " (\($0))" } ?? "")"]
    }

    /// Applies holds, disputes and invalid addresses to the receivables, returning what the
    /// planner may act on and a decision for everything held back.
    func apply(to receivables: [Receivable], on day: CivilDate) -> (receivables: [Receivable], decisions: [PlanDecision]) {
        var kept: [Receivable] = []
        var decisions: [PlanDecision] = []
        var heldCustomers = Set<Int64>()
        for var receivable in receivables {
            let customer = receivable.customer
            if let hold = holds[customer.id]?.first(where: { $0.applies(on: day) }) {
                if heldCustomers.insert(customer.id).inserted {
                    let until = hold.until.map { " until \($0)" } ?? " until resumed"
                    decisions.append(PlanDecision(customer: customer.externalID, invoice: nil, verdict: .wait,
                                                  reason: "paused (\(hold.kind.rawValue))\(until): \(hold.reason)"))
                }
                continue
            }
            if disputed.contains(receivable.invoiceID) {
                decisions.append(PlanDecision(customer: customer.externalID, invoice: receivable.number, verdict: .skip,
                                              reason: "disputed: frozen until the dispute is resolved"))
                continue
            }
            receivable.customer.emails = customer.emails.filter { !invalid.contains($0) }
            kept.append(receivable)
        }
        return (kept, decisions)
    }
}

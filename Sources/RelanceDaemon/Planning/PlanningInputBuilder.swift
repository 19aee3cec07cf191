import Foundation
import RelanceCore

/// Gathers, for one creditor and day, everything the pure planner takes: the ledger, the
/// creditor's stored state, and per customer its holds, invalid addresses, open tasks,
/// disputes, contacts-file details and last contact.
struct PlanningInputBuilder: Sendable {
    let creditor: CreditorConfiguration
    let policies: [String: Policy]
    let store: any ReceivablesStore & CustomerStateStore & TaskStore & PlanningFactsStore & BankPaymentStore

    func input(on day: CivilDate) async throws -> PlanningInput {
        let id = creditor.id
        // The ledger is by far the longest read (benchmarks/plan.sh): the rest is read meanwhile,
        // on another connection. Each read was its own transaction already.
        async let reading = store.openReceivables(of: id)
        let stored = try await store.creditorState(id)
        let facts = try await store.planningFacts(of: id)
        let holds = Dictionary(grouping: try await store.liveHolds(of: id), by: \.customerID)
        let invalid = Set(try await store.invalidAddresses(of: id).map(\.address))
        let disputed = try await store.disputedInvoices(of: id)
        let timeZone = TimeZone(identifier: creditor.timeZone) ?? .current
        let openTasks = Dictionary(grouping: try await store.tasks(of: id, state: .open).filter { $0.step != nil && $0.customerID != nil },
                                   by: { $0.customerID! })
        let payments = Dictionary(grouping: try await store.bankPayments(of: id), by: \.customerID)
        var receivables = try await reading
        // Paid, awaiting the ledger: what the bank shows received is no longer demanded — the
        // same computation as the aged balance's and the digest's (`Receivable.netOfBankPayments`).
        if !payments.isEmpty {
            receivables = Receivable.netOfBankPayments(receivables, payments: Array(payments.values.joined()))
            for index in receivables.indices where receivables[index].received != nil {
                // The planner reads `open` as what it may demand.
                receivables[index].open = receivables[index].demanded
                receivables[index].received = nil
            }
        }

        // Grouped once, and only the disputed invoices: filtering or grouping every receivable per
        // customer costs more than the planning itself (found by benchmarks/plan.sh).
        let disputedByCustomer = Dictionary(grouping: receivables.lazy.filter { disputed.contains($0.invoiceID) }, by: \.customer.id)
            .mapValues { Set($0.map(\.invoiceID)) }
        var customers: [Int64: CustomerState] = [:]
        var previous: Int64?
        // Sized once for the customers' runs: growing it rehashed 20,000 states on the way
        // (benchmarks/plan.sh, 100,000 invoices).
        var runs = 0
        for receivable in receivables where receivable.customer.id != previous {
            runs += 1
            previous = receivable.customer.id
        }
        customers.reserveCapacity(runs)
        previous = nil
        // The store gives each customer's receivables together: one state per run, built once.
        for receivable in receivables where receivable.customer.id != previous {
            let customerID = receivable.customer.id
            previous = customerID
            guard customers[customerID] == nil else { continue }
            let profile = facts.profiles[customerID] ?? StoredCustomerProfile()
            var state = CustomerState(
                doNotRemind: profile.doNotRemind,
                holds: holds[customerID] ?? [],
                invalidAddresses: invalid,
                openTasks: (openTasks[customerID] ?? []).map {
                    var task = OpenTask(kind: $0.kind, step: $0.step!, since: $0.stepOn ?? CivilDate($0.createdAt, in: timeZone))
                    task.taskID = $0.id
                    task.attempts = $0.attempts
                    task.retryOn = $0.retryOn
                    return task
                },
                disputedInvoiceIDs: disputedByCustomer[customerID] ?? [],
                stepReached: profile.initialStep,
                lastManualContact: profile.lastManualContact,
                // A reminder still waiting in the outbox is a contact in progress: the next one waits.
                lastContact: facts.pendingMessages.contains(customerID) ? day : facts.lastContacts[customerID],
                policy: profile.policy.flatMap { policies[$0] },
                phoneNumbers: profile.phones.filter { !(facts.invalidPhones[customerID]?.contains($0) ?? false) },
                postalAddress: profile.postalAddress)
            state.bankPayments = payments[customerID] ?? []
            state.personDoNotRemind = facts.personDoNotRemind[customerID].map {
                var flag = $0
                flag.setOn = CivilDate($0.setAt, in: timeZone)
                return flag
            }
            customers[customerID] = state
        }
        for receivable in receivables where !facts.paymentClaims.isEmpty {
            guard let claim = facts.paymentClaims[receivable.invoiceID] else { continue }
            customers[receivable.customer.id]?.paymentClaims[receivable.invoiceID] = claim
        }
        let ledger: CreditorState.LedgerEvidence = facts.latestAuthoritativeSnapshot.map { .latestAuthoritativeSnapshot($0) }
            ?? .noAuthoritativeSnapshot
        var input = PlanningInput(
            creditor: id, today: day, policy: creditor.policy, receivables: receivables,
            creditorState: CreditorState(stored: stored, configuredActive: creditor.active, ledger: ledger,
                                         maximumLedgerAgeDays: creditor.maximumLedgerAgeDays),
            customers: customers,
            calendar: FrenchBusinessCalendar(alsaceMoselle: creditor.alsaceMoselle),
            terms: creditor.terms)
        input.language = creditor.language
        input.escalateAfterDays = creditor.digest?.escalateAfterDays ?? input.escalateAfterDays
        return input
    }
}

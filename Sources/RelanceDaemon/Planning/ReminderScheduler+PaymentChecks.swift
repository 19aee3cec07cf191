import Foundation
import RelanceCore

/// Invoices the customer said it paid and the ledger still shows open once `paid_wait_days`
/// have passed: one `check-payment` task per customer asks the accountant to look at the bank.
/// The invoices stay held until that task is closed.
extension ReminderScheduler {
    func openPaymentChecks(on day: CivilDate, at instant: Date, report: inout Report) async throws {
        let expired = try await store.expiredPaymentClaims(of: creditor.id, on: day)
        for (customerID, claims) in Dictionary(grouping: expired, by: \.customerID).sorted(by: { $0.key < $1.key }) {
            let first = claims[0]
            let who = "\(first.customerName ?? first.customerExternalID) (\(first.customerExternalID))"
            let numbers = claims.map(\.invoiceNumber)
            var detail = ["invoices": numbers.joined(separator: ", ")]
            detail["announced"] = TaskWords.paymentClaimed(paidOn: first.paidOn, means: first.means, until: first.waitUntil, creditor.language)
            let (id, isNew) = try await store.openTask(NewTask(
                creditor: creditor.id, customerID: customerID, kind: .checkPayment,
                title: TaskWords.checkPaymentTitle(customer: who, invoices: numbers, creditor.language), detail: detail,
                dedupKey: "check-payment:\(customerID)", invoiceIDs: claims.map(\.invoiceID)), at: instant)
            if isNew { report.openedTasks.append(id) }
        }
    }
}

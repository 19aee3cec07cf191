import Foundation
import RelanceCore
import RelanceDaemon

/// The promises Relance makes, checked against what really left each simulated day.
struct SoakInvariants {
    let calendar: any BusinessCalendar
    let interval: Int
    private(set) var violations: [String] = []
    private var lastDelivery: [String: CivilDate] = [:]

    init(calendar: any BusinessCalendar, interval: Int) {
        self.calendar = calendar
        self.interval = interval
    }

    mutating func check(day: CivilDate, deliveries: [SoakTransport.Delivery], world: SoakWorld, store: any RelanceBook) async throws {
        if !deliveries.isEmpty && !calendar.isBusinessDay(day) {
            violations.append("\(day): \(deliveries.count) email(s) sent on a non-business day")
        }
        let invalid = Set(try await store.invalidAddresses(of: CreditorID("soak")!).map(\.address.value))
        for delivery in deliveries {
            for recipient in delivery.recipients {
                if invalid.contains(recipient.value) { violations.append("\(day): email to \(recipient), known invalid") }
                if let previous = lastDelivery[recipient.value], calendar.businessDays(from: previous, to: day) < interval {
                    violations.append("\(day): \(recipient) contacted again \(calendar.businessDays(from: previous, to: day)) business day(s) after \(previous)")
                }
                lastDelivery[recipient.value] = day
            }
            for number in try await store.invoiceNumbers(ofMessage: delivery.outboxID) {
                guard let invoice = world.open[number] else {
                    violations.append("\(day): message #\(delivery.outboxID) claims \(number), which is settled")
                    continue
                }
                if invoice.disputed { violations.append("\(day): message #\(delivery.outboxID) claims \(number), which is disputed") }
            }
        }
    }

    /// Exactly one open call task per wrong address, however many bounces.
    mutating func checkCallTasks(store: any RelanceBook, creditor: CreditorID) async throws {
        let calls = try await store.tasks(of: creditor, state: .open).filter { $0.kind == .call && $0.detail["reason"] == "bounce" }
        let byCustomer = Dictionary(grouping: calls, by: { $0.customerID ?? -1 })
        for (customer, tasks) in byCustomer where tasks.count > 1 {
            violations.append("customer #\(customer) has \(tasks.count) open call tasks for one wrong address")
        }
    }
}

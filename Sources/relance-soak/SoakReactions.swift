import Foundation
import RelanceCore
import RelanceDaemon

/// What customers do with a reminder in the simulation: most nothing, some reply (a person
/// must read it: the customer is paused), a few addresses bounce (the address is wrong: a call).
/// These use the same store operations the IMAP poller's reactions use.
enum SoakReactions {
    static func react(to deliveries: [SoakTransport.Delivery], world: inout SoakWorld, store: any RelanceBook,
                      creditor: CreditorID, at time: Date) async throws {
        let today = CivilDate(time, in: TimeZone(identifier: "Europe/Paris")!)
        for delivery in deliveries {
            guard let recipient = delivery.recipients.first,
                  let customerNumber = Int(recipient.localPart.dropFirst("compta".count)),
                  let customerID = try await store.customerID(external: "C\(customerNumber)", of: creditor) else { continue }
            let draw = Double.random(in: 0..<1, using: &world.generator)
            if draw < 0.01 {
                world.wrongAddresses.insert(customerNumber)
                _ = try await store.markAddressInvalid(recipient, of: creditor, reason: "550 5.1.1 user unknown (simulated)",
                                                       evidence: nil, at: time)
                _ = try await store.openTask(NewTask(creditor: creditor, customerID: customerID, kind: .call,
                                                     title: "Call C\(customerNumber): the address bounced",
                                                     detail: ["reason": "bounce"], dedupKey: "wrong-address:\(recipient.value)"), at: time)
            } else if draw < 0.04 {
                _ = try await store.holdCustomer(customerID, kind: .reply, until: today.adding(days: 10),
                                                 reason: "a reply to read (simulated)", at: time)
            }
        }
    }
}

import Foundation
import RelanceCore

/// The mail server of the simulation: records every delivery, and refuses everything during
/// an outage (a temporary failure, as a server that is down would cause).
actor SoakTransport: MailTransport {
    struct Delivery {
        var outboxID: Int64
        var recipients: [EmailAddress]
    }

    var outage = false
    private(set) var deliveries: [Delivery] = []

    func setOutage(_ down: Bool) { outage = down }

    func takeDeliveries() -> [Delivery] {
        defer { deliveries = [] }
        return deliveries
    }

    func deliver(_ message: OutboxMessage) async -> DeliveryOutcome {
        if outage { return .temporaryFailure(reason: .reported("simulated outage: connection refused")) }
        deliveries.append(Delivery(outboxID: message.id, recipients: message.recipients))
        return .delivered(serverReply: "250 2.0.0 Ok (simulated)")
    }
}

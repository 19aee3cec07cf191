import Foundation
import RelanceCore

/// A person's do-not-remind, set or removed from the console's customer page or
/// `relance customer ID --do-not-remind REASON | --remind-again`: one store operation each.
extension PeopleActions {
    public func setDoNotRemind(customerID: Int64, reason: String, by person: String) async throws {
        try await runtime.store.setDoNotRemind(customerID: customerID, reason: reason, by: person, at: runtime.clock.now())
    }

    public func removeDoNotRemind(customerID: Int64, by person: String) async throws {
        try await runtime.store.removeDoNotRemind(customerID: customerID, by: person, at: runtime.clock.now())
    }
}

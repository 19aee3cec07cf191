public import Foundation

/// A customer's corrected email address, given by a person — on a task's outcome (`new-address`)
/// or on the console's customer page — through this one statement pair: kept until the next
/// contacts file (which replaces the customer's addresses), and no longer marked invalid.
public protocol CorrectedAddressStore: Sendable {
    func addCorrectedAddress(_ address: EmailAddress, toCustomer customerID: Int64, by person: String, at time: Date) async throws
}

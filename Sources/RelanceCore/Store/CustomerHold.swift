public import Foundation

/// A pause on one customer: nothing is sent to it while the hold is live.
public struct CustomerHold: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// `relance pause --customer`.
        case manual
        /// A human reply waits to be read.
        case reply
        /// An auto-reply said the person is away until a date.
        case away
        /// The customer promised to pay on a date: resumes the day after, if still unpaid.
        case promise
        /// A complaint (abuse report): stop emailing this customer.
        case complaint
    }

    public var id: Int64
    public var customerID: Int64
    public var kind: Kind
    /// The hold ends after this day; nil until a person resumes the customer.
    public var until: CivilDate?
    public var reason: String
    public var createdAt: Date
    /// A promise's amount, when the person who recorded it gave one (the `promised` outcome's).
    public var amount: Money?

    public init(id: Int64, customerID: Int64, kind: Kind, until: CivilDate?, reason: String, createdAt: Date, amount: Money? = nil) {
        self.amount = amount
        self.id = id
        self.customerID = customerID
        self.kind = kind
        self.until = until
        self.reason = reason
        self.createdAt = createdAt
    }

    /// Whether the hold still applies on `day`.
    public func applies(on day: CivilDate) -> Bool {
        guard let until else { return true }
        return day <= until
    }
}

/// An address the server or a bounce said is wrong, for one creditor.
public struct InvalidAddress: Sendable, Hashable, Codable {
    public var address: EmailAddress
    public var reason: String
    public var evidence: String?
    public var since: Date

    public init(address: EmailAddress, reason: String, evidence: String?, since: Date) {
        self.address = address
        self.reason = reason
        self.evidence = evidence
        self.since = since
    }
}

/// What commands set on a creditor, over the configuration.
public struct CreditorStoredState: Sendable, Hashable, Codable {
    /// nil: the configuration's `active` applies.
    public var active: Bool?
    public var paused: Bool
    public var pausedUntil: CivilDate?
    public var pauseReason: String?

    public init(active: Bool? = nil, paused: Bool = false, pausedUntil: CivilDate? = nil, pauseReason: String? = nil) {
        self.active = active
        self.paused = paused
        self.pausedUntil = pausedUntil
        self.pauseReason = pauseReason
    }
}

public import Foundation


/// A reminder the planner decided to send, before it has an id and its bytes.
public struct MessageDraft: Sendable, Hashable {
    public var creditor: CreditorID
    public var customerID: Int64
    /// The message's tone: the most advanced step among its invoices.
    public var step: String
    public var plannedOn: CivilDate
    /// The invoices the message speaks of, with the open amount it states for each.
    public var invoices: [InvoiceMention]
    public var to: [EmailAddress]
    public var cc: [EmailAddress]
    /// Review mode: stored `awaiting-approval`, never tried until a person approves it.
    public var awaitingApproval: Bool

    public init(creditor: CreditorID, customerID: Int64, step: String, plannedOn: CivilDate,
                invoices: [InvoiceMention], to: [EmailAddress], cc: [EmailAddress] = [], awaitingApproval: Bool = false) {
        self.awaitingApproval = awaitingApproval
        self.creditor = creditor
        self.customerID = customerID
        self.step = step
        self.plannedOn = plannedOn
        self.invoices = invoices
        self.to = to
        self.cc = cc
    }
}

/// A message to store: its draft, and what writes its bytes once the store has given it an id.
public struct PendingMessage: Sendable {
    public var draft: MessageDraft
    public var compose: @Sendable (Int64) throws -> ComposedMail

    public init(_ draft: MessageDraft, compose: @escaping @Sendable (Int64) throws -> ComposedMail) {
        self.draft = draft
        self.compose = compose
    }
}

/// An invoice a message speaks of: the step it reaches with this message (each invoice of a
/// grouped message has its own), and the open amount the message states for it.
public struct InvoiceMention: Sendable, Hashable, Codable {
    public var invoiceID: Int64
    public var step: String
    public var open: Money

    public init(invoiceID: Int64, step: String, open: Money) {
        self.invoiceID = invoiceID
        self.step = step
        self.open = open
    }
}

/// The bytes of a composed message and the identity it carries on the wire.
public struct ComposedMail: Sendable, Hashable {
    /// The `Message-ID` header value, angle brackets included.
    public var messageID: String
    public var envelopeFrom: EmailAddress
    public var bytes: [UInt8]

    public init(messageID: String, envelopeFrom: EmailAddress, bytes: [UInt8]) {
        self.messageID = messageID
        self.envelopeFrom = envelopeFrom
        self.bytes = bytes
    }
}

/// A message claimed from the outbox for one delivery attempt.
public struct OutboxMessage: Sendable, Hashable {
    public var id: Int64
    public var creditor: CreditorID
    public var customerID: Int64
    public var step: String
    public var messageID: String
    public var envelopeFrom: EmailAddress
    public var recipients: [EmailAddress]
    public var bytes: [UInt8]
    /// Attempts so far, this one included.
    public var attempts: Int
    /// When the message was queued: retries stop once it is too old.
    public var queuedAt: Date
    /// On a shared book, where another daemon takes over a claim once it lapses: the moment (this
    /// process's monotonic clock, which runs on while the process is stopped) after which the
    /// message's content must not be handed over any more, or a daemon paused or starved past its
    /// claim could deliver a message the one that took it over has sent again. Nil: the claim
    /// does not lapse (one daemon per book).
    public var handOverDeadline: ContinuousClock.Instant?

    public init(id: Int64, creditor: CreditorID, customerID: Int64, step: String, messageID: String,
                envelopeFrom: EmailAddress, recipients: [EmailAddress], bytes: [UInt8], attempts: Int, queuedAt: Date) {
        self.id = id
        self.creditor = creditor
        self.customerID = customerID
        self.step = step
        self.messageID = messageID
        self.envelopeFrom = envelopeFrom
        self.recipients = recipients
        self.bytes = bytes
        self.attempts = attempts
        self.queuedAt = queuedAt
    }

    /// Whether the claim may lapse before a delivery started now could end (see `handOverDeadline`).
    public var claimHasLapsed: Bool {
        handOverDeadline.map { ContinuousClock.now >= $0 } ?? false
    }
}

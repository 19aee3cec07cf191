/// What a file says about an invoice beyond its open item: the buyer's identifiers and terms
/// text of an e-invoice, and the document itself once kept in the state folder.
public struct InvoiceDetails: Sendable, Hashable, Codable {
    /// BT-46, BT-47 (SIREN…), BT-48 (VAT number), as present: matched against the contacts.
    public var buyerIdentifiers: [String]
    /// The due date read from the payment terms text (BT-20), when there is one.
    public var dueFromTermsText: CivilDate?
    public var document: InvoiceDocument?

    public init(buyerIdentifiers: [String] = [], dueFromTermsText: CivilDate? = nil, document: InvoiceDocument? = nil) {
        self.buyerIdentifiers = buyerIdentifiers
        self.dueFromTermsText = dueFromTermsText
        self.document = document
    }
}

/// An invoice's own document (Factur-X PDF, UBL or CII XML), stored by content so that a
/// reminder can attach it.
public struct InvoiceDocument: Sendable, Hashable, Codable {
    /// Path relative to the state folder, e.g. `documents/ab/ab12….pdf`.
    public var path: String
    public var sha256: String
    public var mediaType: String
    /// The name the accountant gave it, for the attachment.
    public var fileName: String

    public init(path: String, sha256: String, mediaType: String, fileName: String) {
        self.path = path
        self.sha256 = sha256
        self.mediaType = mediaType
        self.fileName = fileName
    }
}

/// An import held back because it would settle too much at once, waiting for a person.
public struct HeldImport: Sendable, Hashable, Codable {
    public var importID: Int64
    public var creditor: CreditorID
    public var fileName: String
    public var asOf: CivilDate?
    public var heldAt: String
    public var reason: String

    public init(importID: Int64, creditor: CreditorID, fileName: String, asOf: CivilDate?, heldAt: String, reason: String) {
        self.importID = importID
        self.creditor = creditor
        self.fileName = fileName
        self.asOf = asOf
        self.heldAt = heldAt
        self.reason = reason
    }
}

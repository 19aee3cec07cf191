import Crypto
import Foundation
public import RelanceCore
public import RelanceImport

/// Bytes of one export → one store transaction, or one recorded rejection. Shared by the
/// drop folder and `relance import`, so both follow exactly the same rules.
public struct ExportImporter: Sendable {
    public let creditor: CreditorConfiguration
    public let store: any ReceivablesStore & CustomerProfileStore & BankPaymentStore
    public let clock: any WallClock
    /// Where e-invoice documents are kept; nil keeps none (dry runs, some tests).
    public let documents: DocumentVault?

    public init(creditor: CreditorConfiguration, store: any ReceivablesStore & CustomerProfileStore & BankPaymentStore, clock: any WallClock,
                documents: DocumentVault? = nil) {
        self.creditor = creditor
        self.store = store
        self.clock = clock
        self.documents = documents
    }

    public enum Outcome: Sendable {
        case imported(ImportReceipt, ParsedImport)
        case rejected(importID: Int64, reason: String)
    }

    /// What the creditor's configuration imposes on the parsers.
    public var importOptions: ImportOptions { Self.importOptions(for: creditor) }

    public static func importOptions(for creditor: CreditorConfiguration) -> ImportOptions {
        ImportOptions(columnMapping: creditor.columnMapping, knownSteps: creditor.stepNames)
    }

    public func importExport(_ bytes: [UInt8], fileName: String) async throws -> Outcome {
        let sha256 = Self.sha256(bytes)
        let parsed: ParsedImport
        do {
            parsed = try ExportParsing.parse(bytes, fileName: fileName, options: parseOptions)
        } catch {
            return try await rejected(error, fileName: fileName, sha256: sha256, byteCount: bytes.count)
        }
        return try await apply(parsed, fileName: fileName, sha256: sha256, byteCount: bytes.count) { bytes }
    }

    /// The options of a parse today.
    var parseOptions: ImportOptions {
        var options = importOptions
        options.exportDate = today
        return options
    }

    /// A file refused by its parse, recorded.
    func rejected(_ error: ImportError, fileName: String, sha256: String, byteCount: Int) async throws -> Outcome {
        // Read by the creditor's people (the rejection report, the console, the digest): in their language.
        let reason = error.text(in: creditor.language)
        let id = try await reject(fileName, sha256: sha256, byteCount: byteCount, reason: reason)
        return .rejected(importID: id, reason: reason)
    }

    /// A parsed file into the store. `fileBytes` gives the file's bytes again, for what an
    /// e-invoice's open item cannot carry (asked only for e-invoices).
    func apply(_ parsed: ParsedImport, fileName: String, sha256: String, byteCount: Int,
               fileBytes: () -> [UInt8]) async throws -> Outcome {
        var file = ImportedFile(creditor: creditor.id, fileName: fileName, sha256: sha256, byteCount: byteCount, kind: parsed.kind.rawValue)
        // The parser's warnings are read by the creditor's people (the report, the journal, the console).
        let warnings = parsed.warnings.map { $0.text(in: creditor.language) }
        file.warnings = warnings
        if parsed.kind == .contacts {
            let profiles = parsed.contacts.map(Self.profile)
            var receipt = try await store.importContacts(file, profiles, at: clock.now())
            receipt.warnings += warnings
            return .imported(receipt, parsed)
        }
        if let statement = parsed.bankStatement {
            let bank = try await store.importBankStatement(file, statement, language: creditor.language, at: clock.now())
            var receipt = ImportReceipt(importID: bank.importID, outcome: bank.outcome)
            receipt.bank = bank
            return .imported(receipt, parsed)
        }
        var items = parsed.items
        var details: [String: InvoiceDetails] = [:]
        let isEInvoice = [.ublInvoice, .ciiInvoice, .facturX].contains(parsed.kind)
        if isEInvoice, case let bytes = fileBytes(), let invoice = try eInvoice(bytes, kind: parsed.kind, fileName: fileName) {
            // BT-9 alone is the document's stated due date; BT-20 is weighed separately.
            for index in items.indices where items[index].invoice == invoice.number { items[index].due = invoice.dueDate }
            let mediaType = parsed.kind == .facturX ? "application/pdf" : "application/xml"
            let document = try documents?.keep(bytes, sha256: sha256, fileName: fileName, mediaType: mediaType)
            details[invoice.number] = InvoiceDetails(buyerIdentifiers: invoice.buyerIdentifiers,
                                                     dueFromTermsText: invoice.termsTextDueDate, document: document)
        }
        let snapshot = ReceivableSnapshot(
            items: items, asOf: parsed.asOf ?? today, isAuthoritative: parsed.kind == creditor.authoritativeSource,
            details: details, statedDueSource: isEInvoice ? DueDateSource.einvoiceDueDate : DueDateSource.dueDateColumn,
            defaultTerms: PaymentTermsRule(days: creditor.defaultPaymentTermsDays),
            massSettlementThresholdPercent: creditor.massSettlementThresholdPercent)
        var withNames = snapshot
        if parsed.customersByName { withNames.customersByName = true }
        if parsed.asOf == nil { withNames.datedByDropDay = true }
        withNames.refusedRows = parsed.refusedRows.isEmpty ? nil : parsed.refusedRows
        var receipt = try await store.importSnapshot(file, withNames, at: clock.now())
        if snapshot.isAuthoritative, receipt.datesTheBooks {
            // The ledger's word on payments seen at the bank: lettered ones are done, late ones become a task.
            _ = try await store.reviewBankPayments(of: creditor.id, ledgerAsOf: snapshot.asOf, waitDays: creditor.bankMatchWaitDays, language: creditor.language, at: clock.now())
        }
        // What the parser noticed (a column choice, names as identities) belongs to the import's
        // report, after the store's own (the first one of a held import is why it is held).
        receipt.warnings += warnings
        return .imported(receipt, parsed)
    }

    /// The business terms of an e-invoice, read again for what an open item cannot carry
    /// (every buyer identifier, the terms text apart from BT-9).
    private func eInvoice(_ bytes: [UInt8], kind: ParsedImport.Kind, fileName: String) throws -> EInvoice? {
        switch kind {
        case .ublInvoice, .ciiInvoice: try EInvoiceParser().read(bytes, fileName: fileName)
        case .facturX: try FacturXParser().read(bytes, fileName: fileName).invoice
        case .openInvoices, .fec, .contacts, .bankStatement: nil
        }
    }

    static func profile(_ record: ContactRecord) -> CustomerProfile {
        var profile = CustomerProfile(
            externalID: record.customer, name: record.name, postalAddress: record.address, siren: record.siren,
            vatNumber: record.vatNumber, emailsTo: record.emailsTo, emailsCc: record.emailsCc, phones: record.phones,
            language: record.language,
            paymentTerms: record.paymentTerms,
            policy: record.policy, doNotRemind: record.doNotRemind, note: record.note, initialStep: record.stepReached,
            lastManualContact: record.lastContact, source: record.source?.description)
        profile.notInFile = record.notInFile
        return profile
    }

    /// Records a file refused before or while parsing; a file never read has no hash (zeros).
    public func reject(_ fileName: String, sha256: String?, byteCount: Int, reason: String) async throws -> Int64 {
        let file = ImportedFile(creditor: creditor.id, fileName: fileName, sha256: sha256 ?? String(repeating: "0", count: 64),
                                byteCount: byteCount, kind: "unknown")
        return try await store.recordRejectedImport(file, reason: reason, at: clock.now())
    }

    public var today: CivilDate {
        CivilDate(clock.now(), in: TimeZone(identifier: creditor.timeZone) ?? .current)
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}

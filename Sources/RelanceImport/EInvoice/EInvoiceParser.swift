import RelanceCore

/// Reads UBL 2.1 Invoice and CreditNote, and UN/CEFACT Cross Industry Invoice (CII, the
/// syntax inside Factur-X and ZUGFeRD), into the business terms reminders need.
public struct EInvoiceParser: Sendable {
    public init() {}

    public func parse(_ bytes: [UInt8], fileName: String) throws(ImportError) -> ParsedImport {
        let invoice = try read(bytes, fileName: fileName)
        var item = invoice.openItem
        item.source = SourcePosition(file: fileName)
        var warnings: [String] = []
        if invoice.dueDate == nil, let due = item.due {
            warnings.append("No due date (BT-9): \(due.iso8601) was read from the payment terms \"\(invoice.paymentTermsText ?? "")\".")
        }
        return ParsedImport(kind: invoice.syntax == .ubl ? .ublInvoice : .ciiInvoice, items: [item], warnings: warnings)
    }

    public func read(_ bytes: [UInt8], fileName: String) throws(ImportError) -> EInvoice {
        let xml = try XMLElementIndex.parse(bytes, file: fileName)
        switch xml.root {
        case "Invoice", "CreditNote": return try UBLReader(xml: xml, file: fileName).read()
        case "CrossIndustryInvoice": return try CIIReader(xml: xml, file: fileName).read()
        default:
            throw ImportError(.unknownFormat, at: SourcePosition(file: fileName, path: "/" + xml.root),
                              "the XML root element <\(xml.root)> is not an invoice Relance reads",
                              hint: "Drop UBL 2.1 Invoice or CreditNote, or UN/CEFACT CrossIndustryInvoice (CII / Factur-X) files.")
        }
    }
}

/// Shared checks for both syntaxes: a missing term or a bad value names its XML path.
struct EInvoiceFields {
    var xml: XMLElementIndex
    var file: String

    func required(_ path: String, _ term: String) throws(ImportError) -> String {
        guard let text = xml.text(path) else {
            throw ImportError(.missingValue, at: SourcePosition(file: file, path: path),
                              "the invoice has no \(term) at \(path)",
                              hint: "Ask the sender for a complete EN 16931 invoice.")
        }
        return text
    }

    func date(_ path: String, _ term: String, text: String) throws(ImportError) -> CivilDate {
        if let date = FECValues.date(text) { return date }
        throw ImportError(.badDate, at: SourcePosition(file: file, path: path), "\(term) \"\(text)\" is not a date",
                          hint: "EN 16931 dates are written AAAA-MM-JJ (UBL) or AAAAMMJJ (CII, format 102).")
    }

    func money(_ path: String, _ term: String, currencyCode: String) throws(ImportError) -> Money {
        let text = try required(path, term)
        guard let currency = Currency(code: xml.first(path)?.attributes["currencyID"] ?? currencyCode) else {
            throw ImportError(.badCurrency, at: SourcePosition(file: file, path: path), "the currency \"\(currencyCode)\" is not an ISO 4217 code",
                              hint: "Ask the sender for an invoice with a valid currency code (BT-5).")
        }
        // EN 16931 writes a decimal point; a comma would make `12,500` ambiguous, so it is refused.
        guard !text.contains(","), let money = Money(decimal: text, currency: currency) else {
            throw ImportError(.badAmount, at: SourcePosition(file: file, path: path), "\(term) \"\(text)\" is not an amount in \(currency.code)",
                              hint: "EN 16931 amounts are written with a decimal point and at most \(currency.minorDigits) decimals.")
        }
        return money
    }
}

struct UBLReader {
    var xml: XMLElementIndex
    var file: String

    func read() throws(ImportError) -> EInvoice {
        let r = "/" + xml.root
        let fields = EInvoiceFields(xml: xml, file: file)
        let party = r + "/AccountingCustomerParty/Party"
        let currency = try fields.required(r + "/DocumentCurrencyCode", "currency (BT-5)")
        let issueText = try fields.required(r + "/IssueDate", "issue date (BT-2)")
        let dueText = xml.text(r + "/DueDate") ?? xml.text(r + "/PaymentMeans/PaymentDueDate")
        let duePath = xml.text(r + "/DueDate") != nil ? r + "/DueDate" : r + "/PaymentMeans/PaymentDueDate"
        var ids: [String] = []
        for path in [party + "/PartyIdentification/ID", party + "/PartyLegalEntity/CompanyID", party + "/PartyTaxScheme/CompanyID"] {
            if let id = xml.text(path), !ids.contains(id) { ids.append(id) }
        }
        var emails: [String] = []
        if let endpoint = xml.first(party + "/EndpointID"), endpoint.attributes["schemeID"] == "EM" {
            emails.append(endpoint.text.trimmingCharacters())
        }
        if let email = xml.text(party + "/Contact/ElectronicMail"), !emails.contains(email) { emails.append(email) }
        return EInvoice(
            syntax: .ubl, isCreditNote: xml.root == "CreditNote",
            number: try fields.required(r + "/ID", "invoice number (BT-1)"),
            issued: try fields.date(r + "/IssueDate", "the issue date (BT-2)", text: issueText),
            dueDate: try dueText.map { text throws(ImportError) in try fields.date(duePath, "the due date (BT-9)", text: text) },
            paymentTermsText: xml.text(r + "/PaymentTerms/Note"),
            amountDue: try fields.money(r + "/LegalMonetaryTotal/PayableAmount", "the amount due (BT-115)", currencyCode: currency),
            buyerName: xml.text(party + "/PartyLegalEntity/RegistrationName") ?? xml.text(party + "/PartyName/Name"),
            buyerIdentifiers: ids, buyerEmails: emails)
    }
}

struct CIIReader {
    var xml: XMLElementIndex
    var file: String

    /// UNTDID 1001 codes of credit notes.
    static let creditNoteTypes: Set<String> = ["381", "261", "262", "296", "308", "396", "420", "458", "532"]

    func read() throws(ImportError) -> EInvoice {
        let r = "/CrossIndustryInvoice"
        let document = r + "/ExchangedDocument"
        let transaction = r + "/SupplyChainTradeTransaction"
        let settlement = transaction + "/ApplicableHeaderTradeSettlement"
        let buyer = transaction + "/ApplicableHeaderTradeAgreement/BuyerTradeParty"
        let fields = EInvoiceFields(xml: xml, file: file)
        let currency = try fields.required(settlement + "/InvoiceCurrencyCode", "currency (BT-5)")
        let issuePath = document + "/IssueDateTime/DateTimeString"
        let duePath = settlement + "/SpecifiedTradePaymentTerms/DueDateDateTime/DateTimeString"
        var ids: [String] = []
        for path in [buyer + "/ID", buyer + "/GlobalID", buyer + "/SpecifiedLegalOrganization/ID", buyer + "/SpecifiedTaxRegistration/ID"] {
            if let id = xml.text(path), !ids.contains(id) { ids.append(id) }
        }
        var emails: [String] = []
        if let endpoint = xml.first(buyer + "/URIUniversalCommunication/URIID"), endpoint.attributes["schemeID"] == "EM" {
            emails.append(endpoint.text.trimmingCharacters())
        }
        if let email = xml.text(buyer + "/DefinedTradeContact/EmailURIUniversalCommunication/URIID"), !emails.contains(email) {
            emails.append(email)
        }
        let terms = xml.all(settlement + "/SpecifiedTradePaymentTerms/Description").map { $0.text.trimmingCharacters() }.filter { !$0.isEmpty }
        return EInvoice(
            syntax: .cii, isCreditNote: Self.creditNoteTypes.contains(xml.text(document + "/TypeCode") ?? ""),
            number: try fields.required(document + "/ID", "invoice number (BT-1)"),
            issued: try fields.date(issuePath, "the issue date (BT-2)", text: try fields.required(issuePath, "issue date (BT-2)")),
            dueDate: try xml.text(duePath).map { text throws(ImportError) in try fields.date(duePath, "the due date (BT-9)", text: text) },
            paymentTermsText: terms.isEmpty ? nil : terms.joined(separator: "\n"),
            amountDue: try fields.money(settlement + "/SpecifiedTradeSettlementHeaderMonetarySummation/DuePayableAmount",
                                        "the amount due (BT-115)", currencyCode: currency),
            buyerName: xml.text(buyer + "/Name"),
            buyerIdentifiers: ids, buyerEmails: emails)
    }
}

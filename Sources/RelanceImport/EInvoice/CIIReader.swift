import RelanceCore

/// EN 16931 terms at their UN/CEFACT CII D16B paths (also the XML inside Factur-X).
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
        let currency = try fields.required(settlement + "/InvoiceCurrencyCode", .currency)
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
            number: try fields.required(document + "/ID", .invoiceNumber),
            issued: try fields.date(issuePath, .issueDate, text: try fields.required(issuePath, .issueDate)),
            dueDate: try xml.text(duePath).map { text throws(ImportError) in try fields.date(duePath, .dueDate, text: text) },
            paymentTermsText: terms.isEmpty ? nil : terms.joined(separator: "\n"),
            amountDue: try fields.money(settlement + "/SpecifiedTradeSettlementHeaderMonetarySummation/DuePayableAmount",
                                        .amountDue, currencyCode: currency),
            buyerName: xml.text(buyer + "/Name"),
            buyerIdentifiers: ids, buyerEmails: emails)
    }
}

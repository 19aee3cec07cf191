import RelanceCore

/// EN 16931 terms at their UBL 2.1 paths (Invoice and CreditNote).
struct UBLReader {
    var xml: XMLElementIndex
    var file: String

    func read() throws(ImportError) -> EInvoice {
        let r = "/" + xml.root
        let fields = EInvoiceFields(xml: xml, file: file)
        let party = r + "/AccountingCustomerParty/Party"
        let currency = try fields.required(r + "/DocumentCurrencyCode", .currency)
        let issueText = try fields.required(r + "/IssueDate", .issueDate)
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
            // A few senders put a credit note in an Invoice with a credit type code (381…).
            syntax: .ubl,
            isCreditNote: xml.root == "CreditNote" || CIIReader.creditNoteTypes.contains(xml.text(r + "/InvoiceTypeCode") ?? ""),
            number: try fields.required(r + "/ID", .invoiceNumber),
            issued: try fields.date(r + "/IssueDate", .issueDate, text: issueText),
            dueDate: try dueText.map { text throws(ImportError) in try fields.date(duePath, .dueDate, text: text) },
            paymentTermsText: xml.text(r + "/PaymentTerms/Note"),
            amountDue: try fields.money(r + "/LegalMonetaryTotal/PayableAmount", .amountDue, currencyCode: currency),
            buyerName: xml.text(party + "/PartyLegalEntity/RegistrationName") ?? xml.text(party + "/PartyName/Name"),
            buyerIdentifiers: ids, buyerEmails: emails)
    }
}

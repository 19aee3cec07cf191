extension EnglishImportWording {
    private func name(_ term: EInvoiceProblem.Term) -> String {
        switch term {
        case .invoiceNumber: "invoice number (BT-1)"
        case .issueDate: "issue date (BT-2)"
        case .dueDate: "due date (BT-9)"
        case .currency: "currency (BT-5)"
        case .amountDue: "amount due (BT-115)"
        }
    }

    func words(for problem: EInvoiceProblem) -> (what: String, toDo: String?) {
        switch problem {
        case .missing(let term, let path):
            return ("the invoice has no \(name(term)) at \(path)", "Ask the sender for a complete EN 16931 invoice.")
        case .notADate(let term, let text):
            return ("the \(name(term)) \"\(text)\" is not a date", "EN 16931 dates are written YYYY-MM-DD (UBL) or YYYYMMDD (CII, format 102).")
        case .notACurrency(let code):
            return ("the currency \"\(code)\" is not an ISO 4217 code", "Ask the sender for an invoice with a valid currency code (BT-5).")
        case .notAnAmount(let term, let text, let currency, let decimals):
            return ("the \(name(term)) \"\(text)\" is not an amount in \(currency)",
                    "EN 16931 amounts are written with a decimal point and at most \(decimals) decimals.")
        case .notAnInvoice(let root):
            return ("the XML root element <\(root)> is not an invoice Relance reads",
                    "Drop UBL 2.1 Invoice or CreditNote, or UN/CEFACT CrossIndustryInvoice (CII / Factur-X) files.")
        case .pdfWithoutInvoice:
            return ("this PDF carries no Factur-X / ZUGFeRD 2 invoice XML (a plain PDF, or an encrypted one)",
                    "Ask for the Factur-X version of the invoice, or drop its XML (CII or UBL) instead.")
        case .malformedXML(let truncated):
            return (truncated ? "the XML cannot be read (the document ends before its root element is closed)" : "the XML cannot be read (malformed XML)",
                    "Check that the file is a complete, well-formed XML invoice; ask the sender to issue it again.")
        }
    }
}

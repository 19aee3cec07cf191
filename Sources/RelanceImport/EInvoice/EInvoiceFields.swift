import RelanceCore

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

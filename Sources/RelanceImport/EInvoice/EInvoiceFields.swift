import RelanceCore

/// Shared checks for both syntaxes: a missing term or a bad value names its XML path.
struct EInvoiceFields {
    var xml: XMLElementIndex
    var file: String

    func required(_ path: String, _ term: EInvoiceProblem.Term) throws(ImportError) -> String {
        guard let text = xml.text(path) else {
            throw ImportError(.missingValue, at: SourcePosition(file: file, path: path),
                              .eInvoice(.missing(term, path: path)))
        }
        return text
    }

    func date(_ path: String, _ term: EInvoiceProblem.Term, text: String) throws(ImportError) -> CivilDate {
        if let date = FECValues.date(text) { return date }
        throw ImportError(.badDate, at: SourcePosition(file: file, path: path), .eInvoice(.notADate(term, text: text)))
    }

    func money(_ path: String, _ term: EInvoiceProblem.Term, currencyCode: String) throws(ImportError) -> Money {
        let text = try required(path, term)
        // The amount's own currencyID wins over the document's: the refusal names the code it read.
        let code = xml.first(path)?.attributes["currencyID"] ?? currencyCode
        guard let currency = Currency(code: code) else {
            throw ImportError(.badCurrency, at: SourcePosition(file: file, path: path), .eInvoice(.notACurrency(code)))
        }
        // EN 16931 writes a decimal point; a comma would make `12,500` ambiguous, so it is refused.
        guard !text.contains(","), let money = Money(decimal: text, currency: currency) else {
            throw ImportError(.badAmount, at: SourcePosition(file: file, path: path), .eInvoice(.notAnAmount(term, text: text, currency: currency.code, decimals: currency.minorDigits)))
        }
        return money
    }
}

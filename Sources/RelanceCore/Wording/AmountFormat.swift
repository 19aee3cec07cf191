/// Amounts as a person reads them: `2 376,80 €` in French (narrow no-break space between
/// thousands, decimal comma, no-break space before the symbol), `€2,376.80` in English, a
/// negative one with the minus sign U+2212 (`−1 200,00 €`, `−€40.00`) as the digest and the
/// templates write their « −180,00 € ». Machine-read text (CSV numbers, JSON, configuration
/// values) keeps the hyphen-minus: `spreadsheetNumber`, `Money.decimalString`, `Money.formatted`.
/// Written by hand so that the output does not depend on the locale data of the server.
public struct AmountFormat: Sendable, Hashable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    /// With the currency: `2 376,80 €`, `−40,00 €`, `1 000 JPY`.
    public func string(_ money: Money) -> String {
        money.formatted(locale: language, minus: Money.minusSign)
    }

    /// A sum as a sentence names it: `40 €` / `€40` without the cents when it has none (the
    /// fixed recovery indemnity a letter recalls), `40,50 €` when it has some.
    public func inSentence(_ money: Money) -> String {
        let scale = Money.scale(money.currency)
        guard money.minorUnits % scale == 0 else { return string(money) }
        return string(Money(minorUnits: money.minorUnits / scale, currency: money.currency.wholeUnits))
    }

    /// Several currencies are never added: `1 200,00 € + 300,00 USD`; nothing is `0,00 €`.
    public func total(_ amounts: [Money]) -> String {
        guard !amounts.isEmpty else { return string(.zero(.euro)) }
        let byCurrency = Dictionary(grouping: amounts, by: \.currency).sorted { $0.key < $1.key }
        return byCurrency.map { currency, values in
            string(Money(minorUnits: values.reduce(0) { $0 + $1.minorUnits }, currency: currency))
        }.joined(separator: " + ")
    }

    /// A number for a spreadsheet cell, without grouping or symbol: `2376,80` in French (Excel
    /// in a French locale reads the comma as the decimal mark), `2376.80` otherwise.
    public func spreadsheetNumber(_ money: Money) -> String {
        let plain = money.decimalString
        return language == .french ? plain.replacingOccurrences(of: ".", with: ",") : plain
    }
}

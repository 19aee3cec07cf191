import Foundation
public import RelanceCore

/// The legal mentions a company prints on its business letters (art. R123-237 and R123-238 of
/// the Code de commerce): legal form, share capital, trade register city and number.
public enum LegalMention {
    /// `SAS au capital de 10 000 € — RCS Nantes 123 456 789`; `SAS with a share capital of
    /// €10,000 — RCS Nantes 123 456 789`; nil when there is nothing to say.
    public static func line(form: String?, capital: Money?, rcs: String?, language: Language) -> String? {
        var parts: [String] = []
        switch (form, capital) {
        case let (form?, capital?):
            parts.append(language == .french
                ? "\(form) au capital de \(wholeAmount(capital, language: language))"
                : "\(form) with a share capital of \(wholeAmount(capital, language: language))")
        case let (form?, nil): parts.append(form)
        case let (nil, capital?):
            parts.append(language == .french
                ? "Capital social : \(wholeAmount(capital, language: language))"
                : "Share capital: \(wholeAmount(capital, language: language))")
        case (nil, nil): break
        }
        if let rcs { parts.append(rcs) }
        return parts.isEmpty ? nil : parts.joined(separator: " — ")
    }

    /// A round capital is written without its cents (`10 000 €`, not `10 000,00 €`).
    static func wholeAmount(_ money: Money, language: Language) -> String {
        let text = AmountFormat(language).string(money)
        guard money.minorUnits % 100 == 0 else { return text }
        return text.replacingOccurrences(of: language == .french ? ",00" : ".00", with: "")
    }
}

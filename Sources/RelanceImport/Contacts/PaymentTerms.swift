public import RelanceCore

/// Payment terms are the core's `PaymentTermsRule` (days after the invoice date, optionally then
/// to the end of that month); this file teaches it to read the ways exports write them.
public typealias PaymentTerms = PaymentTermsRule

extension PaymentTermsRule {
    /// `30`, `30 jours`, `30j`, `net 30`, `45 jours fin de mois`, `45 j FDM`, `fin de mois 45`,
    /// `30 days end of month`, `30 EOM`, `comptant`, `à réception`, `due on receipt`.
    public init?(text: String) {
        let words = HeaderText.normalize(text).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return nil }
        let joined = words.joined(separator: " ")
        if ["comptant", "a reception", "reception", "immediat", "due on receipt", "on receipt", "cash", "immediate"].contains(joined) {
            self.init(days: 0)
            return
        }
        var days: Int?
        var endOfMonth = false
        var index = 0
        while index < words.count {
            let word = words[index]
            if let number = Int(word) { guard days == nil else { return nil }; days = number }
            else if word.hasSuffix("j"), let number = Int(word.dropLast()) { guard days == nil else { return nil }; days = number }
            else if word == "fdm" || word == "eom" || word == "fm" { endOfMonth = true }
            else if word == "fin", index + 2 < words.count, words[index + 1] == "de", words[index + 2] == "mois" { endOfMonth = true; index += 2 }
            else if word == "end", index + 2 < words.count, words[index + 1] == "of", words[index + 2] == "month" { endOfMonth = true; index += 2 }
            else if !["jours", "jour", "j", "days", "day", "net", "d", "a", "le", "nets"].contains(word) { return nil }
            index += 1
        }
        guard let days, (0...365).contains(days) else { return nil }
        self.init(days: days, endOfMonth: endOfMonth)
    }
}

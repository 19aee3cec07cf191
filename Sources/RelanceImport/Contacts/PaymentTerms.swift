public import RelanceCore

/// Payment terms: `days` after the invoice date, or `days` then end of month ("45 jours fin
/// de mois"). French law caps them (60 days, or 45 days end of month); checking is the caller's.
public struct PaymentTerms: Sendable, Hashable, CustomStringConvertible {
    public var days: Int
    public var endOfMonth: Bool

    public init(days: Int, endOfMonth: Bool = false) {
        self.days = days
        self.endOfMonth = endOfMonth
    }

    /// The due date for an invoice issued on `issued`: days first, then the end of that month.
    public func dueDate(issued: CivilDate) -> CivilDate {
        let date = issued.adding(days: days)
        guard endOfMonth else { return date }
        return CivilDate(year: date.year, month: date.month, day: CivilDate.daysIn(month: date.month, year: date.year))!
    }

    public var description: String { endOfMonth ? "\(days) days end of month" : "\(days) days" }

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

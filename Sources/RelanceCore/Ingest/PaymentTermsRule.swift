/// Payment terms as the store keeps them: `days` after the invoice date, optionally then to the
/// end of that month ("45 jours fin de mois"). The parsers' own `PaymentTerms` maps onto this.
public struct PaymentTermsRule: Sendable, Hashable, Codable, CustomStringConvertible {
    public var days: Int
    public var endOfMonth: Bool

    public init(days: Int, endOfMonth: Bool = false) {
        self.days = days
        self.endOfMonth = endOfMonth
    }

    /// Days first, then the end of the month reached.
    public func dueDate(issued: CivilDate) -> CivilDate {
        let date = issued.adding(days: days)
        guard endOfMonth else { return date }
        return CivilDate(year: date.year, month: date.month, day: CivilDate.daysIn(month: date.month, year: date.year))!
    }

    /// `30` or `45 eom`: the form stored in `customer.payment_terms`.
    public var stored: String { endOfMonth ? "\(days) eom" : "\(days)" }

    public init?(stored: String) {
        let parts = stored.split(separator: " ")
        guard let first = parts.first, let days = Int(first), days >= 0 else { return nil }
        switch parts.count {
        case 1: self.init(days: days)
        case 2 where parts[1] == "eom": self.init(days: days, endOfMonth: true)
        default: return nil
        }
    }

    public var description: String { endOfMonth ? "\(days) days end of month" : "\(days) days" }

    /// French law (Code de commerce L441-10) caps agreed terms at 60 days from the invoice
    /// date, or 45 days end of month: a due date later than both is beyond the cap.
    public static func isBeyondLegalCap(due: CivilDate, issued: CivilDate) -> Bool {
        due > issued.adding(days: 60) && due > PaymentTermsRule(days: 45, endOfMonth: true).dueDate(issued: issued)
    }
}

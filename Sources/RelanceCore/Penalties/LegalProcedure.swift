/// The court route a legal-action step proposes, from the amount claimed.
public enum LegalProcedure: String, Sendable, Hashable, Codable, CaseIterable {
    /// Procédure simplifiée de recouvrement des petites créances (art. L125-1 CPCE), run by a
    /// commissaire de justice, for claims up to 5,000 € in principal and interest.
    case smallClaims = "small-claims"
    /// Injonction de payer (art. 1405 ff. Code de procédure civile), before the commercial court.
    case orderForPayment = "order-for-payment"

    /// 5,000.00 €, the ceiling of the simplified small-claims procedure (art. R125-1 CPCE).
    public static let smallClaimsCeiling = Money(minorUnits: 500_000, currency: .euro)

    /// Small claims when the euro principal plus interest is at most 5,000 €; an order for payment
    /// otherwise, and for any claim in another currency (the simplified procedure is a French,
    /// euro one).
    public static func proposed(for breakdown: StatutoryBreakdown) -> LegalProcedure {
        let claimed = StatutoryBreakdown.sum(breakdown.principal + breakdown.interest)
        guard claimed.allSatisfy({ $0.currency == .euro }),
              let euros = claimed.first, euros.minorUnits <= smallClaimsCeiling.minorUnits
        else { return .orderForPayment }
        return .smallClaims
    }

    public var description: String {
        switch self {
        case .smallClaims: "procédure simplifiée de recouvrement des petites créances (commissaire de justice, up to 5,000 €)"
        case .orderForPayment: "injonction de payer (commercial court)"
        }
    }
}

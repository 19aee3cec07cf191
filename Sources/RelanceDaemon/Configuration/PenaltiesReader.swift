import RelanceCore

/// Reads `[penalties]`: rates for semesters newer than the tables shipped with this release
/// (a formal step waits, saying which rate is missing, until one is given here).
///
///     [penalties]
///     ecb_rates = { "2026-S2" = 2.15 }     # ECB main refinancing rate on 1 January / 1 July, in %
///     legal_rates = { "2026-S2" = 2.80 }   # taux de l'intérêt légal (professionals), in %
enum PenaltiesReader {
    static func read(_ table: ConfigTable?) throws(ConfigurationError) -> LatePaymentTerms {
        var terms = LatePaymentTerms.french
        guard let table else { return terms }
        try table.refuseUnknownKeys(["ecb_rates", "legal_rates"])
        if let rates = try table.subtable("ecb_rates") {
            terms.referenceRates = terms.referenceRates.overriding(with: try dated(rates, source: "configuration (ecb_rates)",
                                                                                   plausible: maximumECBPercent))
        }
        if let rates = try table.subtable("legal_rates") {
            terms.legalRates = terms.legalRates.overriding(with: try dated(rates, source: "configuration (legal_rates)"))
        }
        return terms
    }

    /// The ECB main refinancing rate has never exceeded 4.75 % (2000–2001, 2008) since 1999;
    /// a figure above this is almost surely the legal penalty rate (ECB + 10 points) typed
    /// where the ECB rate is expected, which would charge 10 points too many.
    static let maximumECBPercent = 8.0

    private static func dated(_ table: ConfigTable, source: String, plausible maximum: Double? = nil) throws(ConfigurationError) -> [DatedRate] {
        var rates: [DatedRate] = []
        for key in table.table.keys.sorted() {
            guard let semester = Semester(key) else {
                throw table.error(key, "is not a semester: write it like \"2026-S2\" (S1 = January–June, S2 = July–December)")
            }
            guard let percent = try table.double(key, in: -5...100) else { continue }
            if let maximum, percent > maximum {
                throw table.error(key, "\(percent) % is not a plausible ECB rate: ecb_rates holds the ECB main refinancing rate itself (2.15 for 2.15 %), and Relance adds the 10 points of the legal penalty rate (Code de commerce L441-10). Write the ECB rate, e.g. \"\(key)\" = \(Self.formatted(percent - 10)) if \(percent) % was the penalty rate")
            }
            rates.append(DatedRate(semester: semester, basisPoints: Int((percent * 100).rounded()), source: source))
        }
        return rates
    }

    private static func formatted(_ percent: Double) -> String {
        let hundredths = Int((percent * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        return "\(sign)\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
    }
}

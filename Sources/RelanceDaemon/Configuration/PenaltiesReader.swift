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
            terms.referenceRates = terms.referenceRates.overriding(with: try dated(rates, source: "configuration (ecb_rates)"))
        }
        if let rates = try table.subtable("legal_rates") {
            terms.legalRates = terms.legalRates.overriding(with: try dated(rates, source: "configuration (legal_rates)"))
        }
        return terms
    }

    private static func dated(_ table: ConfigTable, source: String) throws(ConfigurationError) -> [DatedRate] {
        var rates: [DatedRate] = []
        for key in table.table.keys.sorted() {
            guard let semester = Semester(key) else {
                throw table.error(key, "is not a semester: write it like \"2026-S2\" (S1 = January–June, S2 = July–December)")
            }
            guard let percent = try table.double(key, in: -5...100) else { continue }
            rates.append(DatedRate(semester: semester, basisPoints: Int((percent * 100).rounded()), source: source))
        }
        return rates
    }
}

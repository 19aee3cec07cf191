// The figures below were checked against the sources named with each; a figure not
// confirmed is left out on purpose (a missing semester holds the formal steps and says so)
// rather than guessed. The configuration adds the semesters published after this release.

extension RateTable {
    /// The ECB's main refinancing operations (MRO) rate in force on 1 January or 1 July,
    /// the reference of art. L441-10 II Code de commerce (rate + 10 points by default).
    /// Each figure is the rate fixed by the last ECB decision effective before the
    /// semester began, as announced in the ECB press release named in `source`.
    /// 2026-S2 is not included: the decision in force on 1 July 2026 could not be confirmed.
    public static let ecbMainRefinancingRate = RateTable(name: "ECB main refinancing operations rate", rates: [
        ecb("2019-S1", 0, "ECB press release 10 March 2016: MRO 0.00 % from 16 March 2016, unchanged until 27 July 2022 (press release 21 July 2022)"),
        ecb("2019-S2", 0, "ECB press release 10 March 2016: MRO 0.00 % from 16 March 2016, unchanged until 27 July 2022 (press release 21 July 2022)"),
        ecb("2020-S1", 0, "ECB press release 10 March 2016: MRO 0.00 % from 16 March 2016, unchanged until 27 July 2022 (press release 21 July 2022)"),
        ecb("2020-S2", 0, "ECB press release 10 March 2016: MRO 0.00 % from 16 March 2016, unchanged until 27 July 2022 (press release 21 July 2022)"),
        ecb("2021-S1", 0, "ECB press release 10 March 2016: MRO 0.00 % from 16 March 2016, unchanged until 27 July 2022 (press release 21 July 2022)"),
        ecb("2021-S2", 0, "ECB press release 10 March 2016: MRO 0.00 % from 16 March 2016, unchanged until 27 July 2022 (press release 21 July 2022)"),
        ecb("2022-S1", 0, "ECB press release 10 March 2016: MRO 0.00 % from 16 March 2016, unchanged until 27 July 2022 (press release 21 July 2022)"),
        ecb("2022-S2", 0, "ECB press release 10 March 2016: MRO 0.00 % from 16 March 2016, unchanged until 27 July 2022 (press release 21 July 2022)"),
        ecb("2023-S1", 250, "ECB press release 15 December 2022: MRO 2.50 % from 21 December 2022"),
        ecb("2023-S2", 400, "ECB press release 15 June 2023: MRO 4.00 % from 21 June 2023"),
        ecb("2024-S1", 450, "ECB press release 14 September 2023: MRO 4.50 % from 20 September 2023"),
        ecb("2024-S2", 425, "ECB press release 6 June 2024: MRO 4.25 % from 12 June 2024"),
        ecb("2025-S1", 315, "ECB press release 12 December 2024: MRO 3.15 % from 18 December 2024"),
        ecb("2025-S2", 215, "ECB press release 5 June 2025: MRO 2.15 % from 11 June 2025"),
        ecb("2026-S1", 215, "ECB press releases of 2025 (kept at 2.15 % after 11 June 2025); confirmed unchanged on 5 February 2026"),
    ])

    /// The French legal interest rate ("taux de l'intérêt légal") for creditors acting for
    /// professional needs ("tous les autres cas"), fixed each semester by an arrêté; the floor of a
    /// contractual late-payment rate is three times this rate (art. L441-10 II Code de commerce).
    /// 2026-S2 is not included: its arrêté could not be read.
    public static let frenchLegalInterestRate = RateTable(name: "French legal interest rate (professionals)", rates: [
        legal("2019-S1", 86, "Service-public.fr table of legal interest rates, as reproduced by laclef.eu (\"Taux de l'intérêt légal au 1er semestre 2026\")"),
        legal("2019-S2", 87, "Service-public.fr table of legal interest rates, as reproduced by laclef.eu (\"Taux de l'intérêt légal au 1er semestre 2026\")"),
        legal("2020-S1", 87, "Service-public.fr table of legal interest rates, as reproduced by laclef.eu (\"Taux de l'intérêt légal au 1er semestre 2026\")"),
        legal("2020-S2", 84, "Service-public.fr table of legal interest rates, as reproduced by laclef.eu (\"Taux de l'intérêt légal au 1er semestre 2026\")"),
        legal("2021-S1", 79, "Service-public.fr table of legal interest rates, as reproduced by laclef.eu (\"Taux de l'intérêt légal au 1er semestre 2026\")"),
        legal("2021-S2", 76, "Service-public.fr table of legal interest rates, as reproduced by laclef.eu (\"Taux de l'intérêt légal au 1er semestre 2026\")"),
        legal("2022-S1", 76, "Service-public.fr table of legal interest rates, as reproduced by laclef.eu (\"Taux de l'intérêt légal au 1er semestre 2026\")"),
        legal("2022-S2", 77, "Service-public.fr table of legal interest rates, as reproduced by laclef.eu (\"Taux de l'intérêt légal au 1er semestre 2026\")"),
        legal("2023-S1", 206, "Service-public.fr table of legal interest rates, as reproduced by laclef.eu (\"Taux de l'intérêt légal au 1er semestre 2026\")"),
        legal("2023-S2", 422, "Service-public.fr table of legal interest rates, as reproduced by laclef.eu (\"Taux de l'intérêt légal au 1er semestre 2026\")"),
        legal("2024-S1", 507, "Service-public.fr table of legal interest rates, as reproduced by laclef.eu (\"Taux de l'intérêt légal au 1er semestre 2026\")"),
        legal("2024-S2", 492, "Service-public.fr table of legal interest rates, as reproduced by laclef.eu (\"Taux de l'intérêt légal au 1er semestre 2026\")"),
        legal("2025-S1", 371, "Service-public.fr table of legal interest rates, as reproduced by laclef.eu (\"Taux de l'intérêt légal au 1er semestre 2026\")"),
        legal("2025-S2", 276, "Arrêté ECOT2516925A of 19 June 2025, JORF 24 June 2025"),
        legal("2026-S1", 262, "Arrêté of 15 December 2025 (legifiscal.fr, \"Taux d'intérêt légal 1er semestre 2026\")"),
    ])

    private static func ecb(_ semester: String, _ basisPoints: Int, _ source: String) -> DatedRate {
        DatedRate(semester: Semester(semester)!, basisPoints: basisPoints, source: source)
    }

    private static func legal(_ semester: String, _ basisPoints: Int, _ source: String) -> DatedRate {
        DatedRate(semester: Semester(semester)!, basisPoints: basisPoints, source: source)
    }
}

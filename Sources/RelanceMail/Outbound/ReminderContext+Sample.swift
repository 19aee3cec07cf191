public import RelanceCore

extension ReminderContext {
    /// A complete context (every optional present, two invoices, prior actions, statutory
    /// amounts) for `relance templates check`, previews and tests.
    public static func sample(language: Language, today: CivilDate = CivilDate(year: 2026, month: 11, day: 30)!) -> ReminderContext {
        let euro = Currency.euro
        let creditor = CreditorProfile(
            legalName: "Atelier Lumière SARL",
            addressLines: ["12 rue de l'Épée", "69002 Lyon"],
            siren: "812 345 678",
            vatNumber: "FR45812345678",
            iban: "FR7630006000011234567890189",
            bic: "AGRIFRPPXXX",
            phone: "+33 4 78 00 00 00",
            email: EmailAddress("compta@atelier-lumiere.fr"),
            signature: "Élodie Martin, service comptabilité",
            rcs: "RCS Lyon 812 345 678",
            legalForm: "SARL",
            shareCapital: Money(minorUnits: 1_000_000, currency: euro)
        )
        let invoices = [
            OpenItem(customer: "C042", customerName: "Boulangerie Ébène", invoice: "F2026-0117",
                     issued: CivilDate(year: 2026, month: 9, day: 15), due: CivilDate(year: 2026, month: 10, day: 15),
                     open: Money(minorUnits: 123_456, currency: euro), total: Money(minorUnits: 153_456, currency: euro)),
            OpenItem(customer: "C042", customerName: "Boulangerie Ébène", invoice: "F2026-0142",
                     issued: CivilDate(year: 2026, month: 10, day: 1), due: CivilDate(year: 2026, month: 10, day: 31),
                     open: Money(minorUnits: 48_000, currency: euro), total: Money(minorUnits: 48_000, currency: euro)),
        ]
        let description = language == .french ? "relance par courriel" : "Reminder sent by email"
        var context = ReminderContextBuilder.build(
            language: language, today: today, creditor: creditor,
            customerID: "C042", customerName: "Boulangerie Ébène", invoices: invoices,
            paymentReference: "C042-F2026-0117",
            priorActions: [RelanceMail.PriorAction(date: CivilDate(year: 2026, month: 11, day: 2)!, description: description)],
            statutory: StatutoryAmounts(interest: [Money(minorUnits: 1_587, currency: euro)], indemnity: Money(minorUnits: 8_000, currency: euro)),
            allocations: [CreditAllocation(credit: "AV2026-0009", invoice: "F2026-0117", amount: Money(minorUnits: 10_000, currency: euro),
                                           creditIssued: CivilDate(year: 2026, month: 10, day: 20))]
        )
        context.customer.addressLines = ["4 place des Terreaux", "69001 Lyon"]
        context.letter = sampleLetter(language: language)
        context.paymentQR = "cid:epc-qr@relance"
        context.brokenPromise = BrokenPromise(date: CivilDateText.long(CivilDate(year: 2026, month: 11, day: 20)!, language: language),
                                              amount: AmountFormat(language).string(Money(minorUnits: 50_000, currency: euro)))
        return context
    }

    /// The `letter` group of the sample: every optional value present, one invoice demanded,
    /// one only outstanding, a credit, two rates.
    private static func sampleLetter(language: Language) -> Letter {
        let french = language == .french
        let money = { (minorUnits: Int64) in AmountFormat(language).string(Money(minorUnits: minorUnits, currency: .euro)) }
        let date = { (year: Int, month: Int, day: Int) in CivilDateText.short(CivilDate(year: year, month: month, day: day)!, language: language) }
        let demanded = Letter.Invoice(
            number: "F2026-0117", issued: date(2026, 9, 15), due: date(2026, 10, 15), amount: money(153_456), open: money(123_456),
            claimed: money(113_456), daysLate: "46", lateBy: ReminderContextBuilder.dayCount(46, language: language),
            interest: money(1_587), indemnity: money(4_000), isPartlyPaid: true, hasCredit: true)
        let other = Letter.Invoice(
            number: "F2026-0142", issued: date(2026, 10, 1), due: date(2026, 10, 31), amount: money(48_000), open: money(48_000),
            claimed: money(48_000), daysLate: "30", lateBy: ReminderContextBuilder.dayCount(30, language: language),
            interest: money(474), indemnity: money(4_000), isPartlyPaid: false, hasCredit: false)
        // The date as LetterContextBuilder.basis writes it (no-break spaces in French).
        let july = CivilDateText.long(CivilDate(year: 2026, month: 7, day: 1)!, language: language)
        let basis = french ? "taux de refinancement de la Banque centrale européenne en vigueur au \(july), majoré de 10 points"
            : "European Central Bank main refinancing rate in force on 1 July 2026, plus 10 percentage points"
        var letter = Letter(
            demanded: [demanded], alsoOutstanding: [other],
            credits: [Letter.Credit(credit: "AV2026-0009", invoice: "F2026-0117", amount: money(10_000), date: date(2026, 10, 20),
                                    longDate: CivilDateText.long(CivilDate(year: 2026, month: 10, day: 20)!, language: language))],
            principal: money(113_456), interest: money(1_587), indemnities: money(4_000), total: money(119_043),
            rates: [Letter.Rate(semester: LetterContextBuilder.semesterName(Semester(year: 2026, half: 2)!, language: language),
                                rate: LetterContextBuilder.percent(1215, language: language), basis: basis)],
            missingRates: LetterContextBuilder.periods([Semester(year: 2027, half: 1)!], language: language),
            deadline: CivilDateText.long(CivilDate(year: 2026, month: 12, day: 8)!, language: language), deadlineDays: "8",
            deadlineIn: ReminderContextBuilder.dayCount(8, language: language),
            procedure: LetterContextBuilder.procedureName(.smallClaims, language: language), place: "Lyon")
        letter.paymentQR = "data:image/svg+xml;base64,PHN2Zy8+"
        letter.disputed = [Letter.Invoice(
            number: "F2026-0150", issued: date(2026, 10, 5), due: date(2026, 11, 4), amount: money(21_000), open: money(21_000),
            claimed: money(21_000), daysLate: "26", lateBy: ReminderContextBuilder.dayCount(26, language: language),
            interest: nil, indemnity: nil, isPartlyPaid: false, hasCredit: false)]
        return letter
    }
}

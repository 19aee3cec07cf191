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
            signature: "Élodie Martin, service comptabilité"
        )
        let invoices = [
            OpenItem(customer: "C042", customerName: "Boulangerie Ébène", invoice: "F2026-0117",
                     issued: CivilDate(year: 2026, month: 9, day: 15), due: CivilDate(year: 2026, month: 10, day: 15),
                     open: Money(minorUnits: 123_456, currency: euro), total: Money(minorUnits: 153_456, currency: euro)),
            OpenItem(customer: "C042", customerName: "Boulangerie Ébène", invoice: "F2026-0142",
                     issued: CivilDate(year: 2026, month: 10, day: 1), due: CivilDate(year: 2026, month: 10, day: 31),
                     open: Money(minorUnits: 48_000, currency: euro), total: Money(minorUnits: 48_000, currency: euro)),
        ]
        let description = language == .french ? "Relance par courriel" : "Reminder sent by email"
        return ReminderContextBuilder.build(
            language: language, today: today, creditor: creditor,
            customerID: "C042", customerName: "Boulangerie Ébène", invoices: invoices,
            paymentReference: "C042-F2026-0117",
            priorActions: [RelanceMail.PriorAction(date: CivilDate(year: 2026, month: 11, day: 2)!, description: description)],
            statutory: StatutoryAmounts(interest: [Money(minorUnits: 1_587, currency: euro)], indemnity: Money(minorUnits: 8_000, currency: euro))
        )
    }
}
